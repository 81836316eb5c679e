"""The conversational turns: an answer to the bot's last question, greetings, thanks, not
understood, language switch, summary and restart. The last question (`State.pending`) gives a
short answer its meaning: "sì" accepts the offer just made, "12" is the number of employees
just asked, "non so" skips it.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from bot import parsing
from bot.answers import render_profile
from bot.conversation import check_turns, facts, questions, scope
from bot.conversation.intents import ask_payload
from bot.conversation.state import (ANSWER_KINDS, DESK_PLACE, LOAN_MONTHS, LOAN_YEARS, OFFER_CHECK, OFFER_HUMAN,
                                    OFFER_TOPICS, SIMULATE_AMOUNT, State, Turn, yes_no_buttons)
from bot.nlu.aspects import closest
from bot.texts import t

HUMAN_AFTER_MISSES = 2  # misunderstood messages in a row before a person is offered
MAX_TOPIC_BUTTONS = 3


def _say_problem(turn: Turn, reading: facts.Reading) -> None:
    values = dict(reading.values)
    if "options" in values:
        values["options"] = t(turn.lang, "chat.options_or").join(values["options"])
    turn.say(reading.problem, **values)


def _read_asked(turn: Turn, found: facts.Found) -> tuple[dict[str, Any], facts.Reading | None]:
    """The facts of the message, plus the bare answer to the fact asked when nothing else fills it."""
    asking, intent = turn.asking, turn.message.intent
    updates = dict(found.facts)
    if not asking or found.no_fairs or asking in updates or (asking == "province" and "comune" in updates):
        return updates, None
    if intent == "dont_know" or parsing.leaves_choice_open(turn.message.text):
        check_turns.skip(turn, [asking])
        return updates, None
    if updates:  # other facts given too: the answer may open the message ("uno solo, siamo nati nel 2024")
        opening = _opening_clause(turn)
        reading = facts.read_answer(asking, opening, intent, turn.today) if opening else None
        if reading is not None and not reading.problem:
            _take_bare(turn, asking, reading, updates)
        return updates, None
    reading = facts.read_answer(asking, turn.message.text, intent, turn.today)
    if reading.problem:
        return updates, reading
    _take_bare(turn, asking, reading, updates)
    return updates, None


def _take_bare(turn: Turn, asking: str, reading: facts.Reading, updates: dict[str, Any]) -> None:
    """The bare answer read; a range ("tra 10 e 15") is said with the end it is judged on."""
    if reading.range:
        check_turns.say_ranges(turn, {asking: reading.range})
    updates[asking] = reading.value


def _opening_clause(turn: Turn) -> str | None:
    """The message's first clause when no fact was read in it: the bare answer before the rest."""
    text = turn.message.text
    cut = re.search(r"[,;.:]", text)
    if cut is None:
        return None
    taken = [e.get("start") for e in turn.message.entities
             if isinstance(e, Mapping) and isinstance(e.get("start"), int) and e.get("entity") != "language"]
    return text[:cut.start()] if all(start >= cut.start() for start in taken) else None


def take_answer(turn: Turn, found: facts.Found) -> None:
    """Facts, and the answer to the last question (inform / correct / affirm / deny / dont_know)."""
    kind, intent = turn.pending_kind, turn.message.intent
    if found.no_fairs:
        check_turns.skip(turn, ["fairs"])
    updates, problem = _read_asked(turn, found)
    if kind == DESK_PLACE:  # the place asked for is the desk's, handled below
        updates = {k: v for k, v in updates.items() if k not in ("province", "comune")}
    applied = check_turns.take(turn, updates)
    if problem:
        _say_problem(turn, problem)
    retry = [r.key for r in applied.refused] + ([turn.asking] if problem else [])
    handler = _BY_PENDING.get(kind)
    if kind in (LOAN_YEARS, LOAN_MONTHS, OFFER_HUMAN, OFFER_TOPICS) and found.facts:
        handler = None  # facts about the firm ("anzi, i dipendenti sono 60"), not an answer to the offer
        turn.remember(pending=None)
    if handler is not None:
        handler(turn, found, applied)
        return
    state = turn.state
    if state.check_scope and state.verdict_given and applied.changed and check_turns.reopened(turn):
        turn.remember(verdict_given=False)  # a correction left the verdict open: the check goes on
        state = turn.state
    if state.check_scope and (turn.asking or not state.verdict_given):
        check_turns.proceed(turn, prefer=retry)
    elif applied.touched and state.check_scope is None:
        check_turns.start(turn, scope.ALL_CALLS, announce=False, prefer=check_turns.related(applied))
    elif applied.touched or applied.refused or problem:
        turn.remember(pending=None)
        check_turns.after_verdict(turn)
    elif intent == "correct":
        turn.say("chat.correct_what")
    else:
        options(turn)


def options(turn: Turn, key: str = "chat.options") -> None:
    """Nothing to answer: what the user can do now, as buttons (never the same question again)."""
    turn.say(key, (
        (t(turn.lang, "chat.button.check"), "/check_eligibility"),
        (t(turn.lang, "chat.button.open_now"), ask_payload("what_now")),
        (t(turn.lang, "chat.button.human"), "/human_handoff"),
    ))
    turn.remember(pending=None)


def _offer_check_answered(turn: Turn, found: facts.Found, applied: facts.Applied) -> None:
    wanted = (turn.state.pending or {}).get("scope") or scope.ALL_CALLS
    if turn.message.intent == "affirm" or applied.touched:
        check_turns.start(turn, scope.known_call(wanted) or scope.ALL_CALLS)
    elif turn.message.intent in ("deny", "dont_know"):
        turn.remember(check_declined=True)
        options(turn, "chat.check_declined")
    else:
        misunderstood(turn, "fallback")


def _offer_human_answered(turn: Turn, found: facts.Found, applied: facts.Applied) -> None:
    from bot.conversation import handoff

    turn.remember(pending=None)
    if turn.message.intent == "affirm":
        handoff.start(turn)
        return
    turn.say("chat.human_declined")
    if turn.state.check_scope and not turn.state.verdict_given:
        check_turns.proceed(turn)
    else:
        options(turn)


def _offer_topics_answered(turn: Turn, found: facts.Found, applied: facts.Applied) -> None:
    turn.remember(pending=None)
    options(turn)


def _amount_answered(turn: Turn, found: facts.Found, applied: facts.Applied) -> None:
    raw = found.amounts[0] if found.amounts else facts.get(found.facts, "investment_eur")
    if raw is None:
        value = parsing.parse_amount(turn.message.text)
        raw = None if value is None else facts.canonical(value)
    if raw is None:
        if turn.message.intent in ("deny", "dont_know"):
            options(turn)
            return
        turn.say("chat.invalid.not_an_amount")
    questions.simulate(turn, questions.inputs_of(facts.Found(amounts=(raw,) if raw else ())))


def _loan_answered(turn: Turn, found: facts.Found, applied: facts.Applied) -> None:
    years, months = found.years, found.months
    if years is None and months is None:
        if turn.message.intent in ("deny", "dont_know"):
            turn.remember(pending=None)
            check_turns.after_verdict(turn)
            return
        text = turn.message.text
        number = "0" if parsing.means_none(text) else (
            None if (value := parsing.parse_number(text)) is None else facts.canonical(value))
        if number is None:
            turn.say("chat.invalid.not_a_number")
            turn.remember(pending=None)
            check_turns.after_verdict(turn)
            return
        years, months = (number, None) if turn.pending_kind == LOAN_YEARS else (None, number)
    questions.loan_plan(turn, years, months, call_id=(turn.state.pending or {}).get("call_id"))


def _place_answered(turn: Turn, found: facts.Found, applied: facts.Applied) -> None:
    place = {k: found.facts[k] for k in ("province", "comune") if k in found.facts}
    if not place:
        if turn.message.intent in ("deny", "dont_know"):
            options(turn)
            return
        reading = facts.read_place(turn.message.text)
        if reading.problem:
            _say_problem(turn, reading)
            return
        place = dict(reading.value)
    questions.desk(turn, place)


_BY_PENDING = {
    OFFER_CHECK: _offer_check_answered,
    OFFER_HUMAN: _offer_human_answered,
    OFFER_TOPICS: _offer_topics_answered,
    SIMULATE_AMOUNT: _amount_answered,
    LOAN_YEARS: _loan_answered,
    LOAN_MONTHS: _loan_answered,
    DESK_PLACE: _place_answered,
}


def check(turn: Turn, found: facts.Found, call_ids=(), every_call: bool = False) -> None:
    """"Possiamo partecipare a Verso Nuovi Mercati?" / "which calls fit us?": the check, with the facts given."""
    named = next((c for c in map(scope.known_call, call_ids) if c), None)
    if every_call and not named:
        target = scope.ALL_CALLS
    else:
        target = named or scope.known_call(turn.state.topic_call) or scope.headline_call()
    if found.no_fairs:
        check_turns.skip(turn, ["fairs"])
    check_turns.start(turn, target, updates=found.facts)


def reads_as_answer(turn: Turn) -> bool:
    """A message the NLU did not place that is still a fine answer to the pending question ("3")."""
    kind, text = turn.pending_kind, turn.message.text
    if kind not in ANSWER_KINDS or not text or turn.message.is_payload:
        return False
    if turn.asking:
        return facts.read_answer(turn.asking, text, turn.message.intent, turn.today).problem is None
    if kind == SIMULATE_AMOUNT:
        return parsing.parse_amount(text) is not None
    if kind == DESK_PLACE:
        return facts.read_place(text).problem is None
    return parsing.parse_number(text) is not None


def misunderstood(turn: Turn, why: str, concepts: frozenset[str] = frozenset()) -> None:
    """Not understood, off topic or rude: a short reply and the closest topics as buttons; a person
    after two misses in a row."""
    if why != "insult" and reads_as_answer(turn):
        turn.remember(misses=0)
        take_answer(turn, facts.Found())
        return
    misses = turn.state.misses + 1
    turn.remember(misses=misses)
    if misses >= HUMAN_AFTER_MISSES:
        turn.say(f"chat.misunderstood.{why}")
        turn.say("chat.offer.human", yes_no_buttons(turn.lang))
        turn.remember(pending={"kind": OFFER_HUMAN})
        return
    if turn.asking:
        turn.say(f"chat.misunderstood.{why}")
        check_turns.ask(turn, turn.asking)
        return
    near = [m.id for m in closest(concepts, MAX_TOPIC_BUTTONS)] if why == "fallback" else []
    if near:
        turn.say("chat.misunderstood.closest", tuple((t(turn.lang, f"answers.aspect.{aspect}"), ask_payload(aspect))
                                                     for aspect in near))
        turn.remember(pending={"kind": OFFER_TOPICS})
    else:
        turn.say(f"chat.misunderstood.{why}")
        options(turn, "chat.way_back")


def greet(turn: Turn, call_id: str | None = None) -> None:
    turn.say("chat.greet")
    if call_id:  # opened from a link to one call (a Telegram channel post)
        found = facts.Found()
        questions.answer_question(turn, "overview", found, call_ids=[call_id])
        return
    if turn.asking:
        check_turns.ask(turn, turn.asking)
    elif turn.state.check_scope is None:
        turn.say("chat.what_to_do", (
            (t(turn.lang, "chat.button.check"), "/check_eligibility"),
            (t(turn.lang, "chat.button.find"), "/find_calls"),
            (t(turn.lang, "chat.button.open_now"), ask_payload("what_now")),
        ))
        turn.remember(pending=None)


def goodbye(turn: Turn) -> None:
    turn.say("chat.goodbye")
    turn.remember(pending=None, contact=None)


def thank(turn: Turn) -> None:
    turn.say("chat.thank")
    if turn.asking:
        check_turns.ask(turn, turn.asking)
    else:
        options(turn, "chat.anything_else")


def switch_language(turn: Turn) -> None:
    turn.say("chat.language_switched")
    if turn.asking:
        check_turns.ask(turn, turn.asking)
    else:  # never a reply without a way on
        options(turn, "chat.anything_else")


def summary(turn: Turn) -> None:
    turn.say_text(render_profile(facts.profile(turn.state.facts), turn.lang))
    turn.say("chat.summary_hint")
    if turn.asking:
        check_turns.ask(turn, turn.asking)


def restart(turn: Turn) -> None:
    turn.state = State()
    turn.say("chat.restarted")
