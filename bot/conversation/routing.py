"""The one table every turn goes through: what the message does, given what the bot asked last.

    handle(turn)

The classifier's intent (Rasa's DIET) says what kind of message it is in general; the reader
(bot.nlu.reading) says what a question is about and which acts the words carry ("can we
apply?", "which calls fit us?", "sorry, I meant..."); the entities (bot.nlu) give the facts.
The order below decides between them; the Rasa action and the unit tests both call handle(),
so what is tested is what runs.

 1. a handoff in progress takes the answer (or "annulla" ends it);
 2. the alerts being set up; commands: alerts on and off, start again, summary, language, a person;
 3. a button's payload: its intent and values, checked;
 4. the answer to the question just asked ("12", "non so", "sì");
 5. "which calls fit us?" with no call named: the check of every call ("what can we do now?":
    what is open today and fits);
 6. "can we apply?" with facts of the firm: the check of the call named (the facts settle it);
 7. a question about an aspect: its specific answer (the firm's facts in it kept), each of
    them when the message asks two or three things;
 8. "can we apply?" alone: the check;
 9. facts alone (or a correction): noted, and the check goes on;
10. greetings, thanks, yes/no, goodbye, off topic;
11. a call named and nothing else: its overview;
12. not understood: the closest topics as buttons, a person after two misses.
"""
from __future__ import annotations

from typing import Any, Mapping

from bot import fmt, privacy
from bot.conversation import alert_turns, check_turns, facts, handoff, questions, replies, scope
from bot.conversation.state import ALERTS, ANSWER_KINDS, HANDOFF, LOAN_MONTHS, LOAN_YEARS, Turn
from bot.nlu import acts, text
from bot.nlu.aspects import known_aspect_ids
from bot.nlu.reading import Reading, read

CHAT_INTENTS = {"greet": replies.greet, "goodbye": replies.goodbye, "thank": replies.thank}
YES_NO = {"affirm", "deny", "dont_know"}
# Confidence under which the classifier's chit-chat intent is not trusted alone.
CHAT_CONFIDENCE = 0.6
# Confidence over which the classifier's "check" intent is trusted on a question naming a call.
CHECK_CONFIDENCE = 0.9
# Confidence over which the classifier's "off topic" is trusted over a place or a bare "what is".
OFF_TOPIC_CONFIDENCE = 0.9
# What the reader reads: a longer message is refused whole, with a reason, rather than read in part.
MAX_MESSAGE_CHARS = text.MAX_MESSAGE_CHARS


def _entity(entities, name: str) -> Any:
    return next((e.get("value") for e in entities if isinstance(e, Mapping) and e.get("entity") == name), None)


def _reading(turn: Turn) -> Reading:
    message = turn.message
    if message.is_payload:
        return Reading(message.text, turn.lang)
    return read(message.text, turn.lang, message.entities)


def _call_ids(turn: Turn, reading: Reading, found: facts.Found) -> list[str]:
    named = [c for c in (*found.calls, *reading.call_ids) if scope.known_call(c)]
    return list(dict.fromkeys(named))


def _payload(turn: Turn, found: facts.Found) -> bool:
    """A button press: its intent and values decide, each checked."""
    message, intent = turn.message, turn.message.intent
    if intent == "ask":
        aspect = _entity(message.entities, "aspect")
        if isinstance(aspect, str) and aspect in known_aspect_ids():
            calls = [c for c in found.calls if scope.known_call(c)]
            questions.answer_question(turn, aspect, found, call_ids=calls)
        else:
            replies.options(turn)
        return True
    if intent == "greet":
        replies.greet(turn, scope.known_call(_entity(message.entities, "call_id")))
        return True
    if intent in ("check_eligibility", "find_calls"):
        replies.check(turn, found, found.calls, every_call=intent == "find_calls")
        return True
    if intent == "human_handoff":
        handoff.start(turn)
        return True
    if intent in YES_NO or intent == "inform":
        replies.take_answer(turn, found)
        return True
    return False


def _is_answer(turn: Turn, reading: Reading, found: facts.Found) -> bool:
    """Whether the message answers the question just asked rather than asking something."""
    if turn.pending_kind is None:
        return False
    intent = turn.message.intent
    if intent in YES_NO and not reading.aspects:
        return True
    if turn.pending_kind not in ANSWER_KINDS:
        return False
    if turn.asking and turn.asking in found.facts:
        return True
    if turn.pending_kind in (LOAN_YEARS, LOAN_MONTHS) and (found.years or found.months) and not found.amounts:
        return True  # "4 anni e 12 mesi di preammortamento": the terms of the plan offered
    if found.facts and not reading.is_question:  # facts given instead of the one asked
        return True
    return not reading.aspects and (replies.reads_as_answer(turn) or bool(found.facts) or intent == "dont_know")


def _plan_measure(call_id: str) -> bool:
    """A national measure that funds a plan (SIMEST's lines): its name is the plan's name."""
    from bot.catalogue import default_catalogue

    call = default_catalogue().get(call_id) if scope.known_call(call_id) else None
    return call is not None and call.scope["level"] == "national" and any(
        c["type"] == "plan_fits" for c in call.criteria)


def handle(turn: Turn) -> None:
    """Answer the turn's message; a message understood resets the count of misunderstandings."""
    if len(turn.message.text or "") > MAX_MESSAGE_CHARS:  # said, not read: nothing kept is lost
        turn.say("chat.too_long", limit=fmt.number(turn.lang, MAX_MESSAGE_CHARS))
        return
    misses = turn.state.misses
    _dispatch(turn)
    if turn.state.misses <= misses and turn.state.misses:
        turn.remember(misses=0)


def _dispatch(turn: Turn) -> None:
    message = turn.message
    reading = _reading(turn)
    # "quanto mi finanziano su 100.000 €?" asked while the turnover is asked: the amount is the
    # question's, not the answer.
    asking = None if reading.is_question and reading.aspect in questions.AMOUNT_INPUT else turn.asking
    found = facts.with_export_share(facts.from_entities(message.entities, asking, turn.today), turn.state.facts)
    if found.ranges:
        check_turns.say_ranges(turn, found.ranges)
    if acts.LEGAL_SEAT in reading.signals:
        turn.say("chat.hint.legal_seat")
    if found.share_from:
        check_turns.say_share(turn, *found.share_from, found.facts["export_share_pct"])
    signals, intent = reading.signals, message.intent

    # 1. a handoff in progress
    if turn.pending_kind == HANDOFF:
        if handoff.cancels(message.text) or intent in ("start_over", "goodbye") or acts.RESTART in signals:
            handoff.cancel(turn)
            if intent == "start_over" or acts.RESTART in signals:
                replies.restart(turn)
            return
        handoff.take(turn)
        return

    # 1b. the alerts being set up or stopped
    if turn.pending_kind == ALERTS and not (acts.RESTART in signals or intent == "start_over"):
        alert_turns.take(turn)
        return

    # 2. commands
    if acts.FORGET in signals:
        alert_turns.forget(turn)
        return
    if acts.PRIVACY in signals:
        turn.say_text(privacy.notice(turn.lang))
        return
    if acts.UNSUBSCRIBE in signals:
        alert_turns.stop(turn)
        return
    if acts.SUBSCRIBE in signals:
        alert_turns.start(turn, _call_ids(turn, reading, found))
        return
    if intent == "start_over" or acts.RESTART in signals:
        replies.restart(turn)
        return
    if intent == "summary" or acts.SUMMARY in signals:
        replies.summary(turn)
        return
    if intent == "switch_language":
        replies.switch_language(turn)
        return
    if intent == "human_handoff" or acts.HUMAN in signals:
        handoff.start(turn, found)
        return

    # 3. a button's payload
    if message.is_payload and _payload(turn, found):
        return

    # 4. the answer to the question just asked
    if _is_answer(turn, reading, found):
        replies.take_answer(turn, found)
        return

    calls = _call_ids(turn, reading, found)
    # An aspect is answered when it is asked: facts alone ("export al 12%") are facts, not a question.
    # (the classifier's "ask" on a statement of facts, "siamo una micro impresa di Sondrio...", is no question)
    # ("simulazione su 100k" asks, though no question mark: its amount is the question's input)
    aspect = (reading.aspect if reading.is_question or not found.facts or reading.aspect in questions.AMOUNT_INPUT
              else None)
    asked = reading.questions if aspect and reading.questions else (aspect,)
    if aspect and not calls and reading.years:
        calls = scope.editions_of_year(asked[0], reading.years, turn.today)
    firm_facts = questions.firm_facts(found, aspect)
    # The classifier's "check" alone does not turn a question about a named call into a check.
    doubtful = reading.is_question and bool(reading.call_ids) and message.confidence < CHECK_CONFIDENCE
    checking = acts.CHECK in signals or (intent == "check_eligibility" and not doubtful)
    finding = acts.FIND in signals or intent == "find_calls"

    # off topic for sure ("che tempo fa domani a Milano?", "what's the weather like today?"): the
    # place is no fact of the firm, the "what is" no question about a call
    if (intent == "out_of_scope" and message.confidence >= OFF_TOPIC_CONFIDENCE and not calls
            and not checking and not finding and aspect in (None, "overview")
            and set(found.facts) <= {"comune", "province"}):
        replies.misunderstood(turn, "out_of_scope", reading.concepts)
        return

    # a correction ("scusate, l'export era il 28%") is a correction, whatever else its words ask
    if acts.CORRECT in signals and found.facts and not checking:
        replies.take_answer(turn, found)
        return

    # 5-8. which calls fit, can we apply, a question
    # ("which calls fit us? we export 30%...": the export rule read in the facts is no question of its own)
    from_facts = aspect in questions.RULE_FACTS and bool(set(firm_facts) & questions.RULE_FACTS[aspect])
    # "cosa possiamo fare adesso?": what is open today and fits, not the check of closed calls
    # ("we want an online shop: what is open now?": a plan named makes it the same question)
    plan = any(concept in reading.concepts for concept in questions.THEMES if concept != "fair")
    # "we'd hire a temporary manager, anything open?": the SIMEST line named by the plan is no call asked about
    by_plan = plan and bool(calls) and aspect in (None, "list_calls", "what_now") and all(
        _plan_measure(call_id) for call_id in calls)
    if (not calls or by_plan) and acts.NOW in signals and (
            (finding and (aspect in (None, "list_calls", "what_now") or bool(firm_facts) or plan))
            or (plan and aspect in (None, "status", "list_calls", "opens", "what_now"))):
        questions.answer_question(turn, "what_now", found, concepts=reading.concepts)
        return
    if finding and not calls and not (aspect and not checking and aspect != "list_calls" and not from_facts):
        replies.check(turn, found, every_call=True)
        return
    # "could a small firm like mine have used it?": the size is the firm's, to be checked
    if checking and (firm_facts or not aspect or aspect == "size_class") and not questions.asks_one_rule(aspect, firm_facts):
        replies.check(turn, found, calls)
        return
    if aspect:
        discussed = turn.state.topic_call if not calls and scope.known_call(turn.state.topic_call) else None
        items = reading.items_for(discussed) if discussed and reading.items else reading.items
        questions.answer_question(turn, asked[0], found, items=items, concepts=reading.concepts,
                                  call_ids=calls, more=asked[1:])
        return

    # 9. facts alone, or a correction; with a call named and no check going on, the check of that call
    if found.facts and calls and turn.state.check_scope is None and turn.pending_kind is None:
        replies.check(turn, found, calls)
        return
    if found.facts or found.no_fairs:
        replies.take_answer(turn, found)
        return

    # 10. greetings, thanks, yes/no, goodbye, off topic
    if intent in CHAT_INTENTS and (message.confidence >= CHAT_CONFIDENCE or not reading.concepts):
        CHAT_INTENTS[intent](turn)
        return
    if intent in YES_NO or intent == "correct":
        replies.take_answer(turn, found)
        return
    if intent in ("out_of_scope", "insult") and not calls:
        replies.misunderstood(turn, intent if intent == "insult" else "out_of_scope", reading.concepts)
        return

    # 11. a call named and nothing else
    if calls:
        questions.answer_question(turn, "overview", found, call_ids=calls)
        return

    # 12. not understood
    replies.misunderstood(turn, "fallback", reading.concepts)
