"""The conversational turns: an answer to the bot's last question, greetings, not understood,
language switch, summary and restart. The last question (`State.pending`) gives a short answer
its meaning: "sì" accepts the offer just made, "12" is the number of employees just asked.
"""
from __future__ import annotations

from typing import Any

from bot import parsing
from bot.answers import render_profile
from bot.conversation import check, checking, facts, topics
from bot.conversation.state import (ANSWER_KINDS, DESK_PLACE, LOAN_MONTHS, LOAN_YEARS, OFFER_CHECK,
                                    OFFER_HUMAN, SIMULATE_AMOUNT, State, Turn, yes_no_buttons)
from bot.texts import t

HANDOFF_FORM = "handoff_form"
HUMAN_AFTER_MISSES = 2  # misunderstood messages in a row before a person is offered


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
    if intent == "dont_know":
        checking.skip(turn, [asking])
        return updates, None
    if updates:  # other facts given instead: the question is asked again afterwards
        return updates, None
    reading = facts.read_answer(asking, turn.message.text, intent)
    if reading.problem:
        return updates, reading
    updates[asking] = reading.value
    return updates, None


def take_answer(turn: Turn) -> None:
    """inform / correct / affirm / deny / dont_know: facts, and the answer to the last question."""
    kind, intent = turn.pending_kind, turn.message.intent
    found = facts.from_entities(turn.message.entities, turn.asking)
    if found.no_fairs:
        checking.skip(turn, ["fairs"])
    updates, problem = _read_asked(turn, found)
    if kind == DESK_PLACE:  # the place asked for is the desk's, handled below
        updates = {k: v for k, v in updates.items() if k not in ("province", "comune")}
    applied = checking.take(turn, updates)
    if problem:
        _say_problem(turn, problem)
    retry = [r.key for r in applied.refused] + ([turn.asking] if problem else [])
    handler = _BY_PENDING.get(kind)
    if kind in (LOAN_YEARS, LOAN_MONTHS, OFFER_HUMAN) and found.facts:
        handler = None  # facts about the firm ("anzi, i dipendenti sono 60"), not an answer to the offer
        turn.remember(pending=None)
    if handler is not None:
        handler(turn, found, applied)
        return
    state = turn.state
    if state.check_scope and (turn.asking or not state.verdict_given):
        checking.proceed(turn, prefer=retry)
    elif applied.touched and state.check_scope is None:
        checking.start(turn, check.ALL_CALLS, announce=False)
    elif applied.touched or applied.refused or problem:
        turn.remember(pending=None)
    elif intent == "correct":
        turn.say("chat.correct_what")
    elif intent in ("affirm", "deny", "dont_know"):
        turn.say("chat.what_next")
        turn.remember(pending=None)
    else:
        misunderstood(turn, "fallback")


def _offer_check_answered(turn: Turn, found: facts.Found, applied: facts.Applied) -> None:
    scope = (turn.state.pending or {}).get("scope") or check.ALL_CALLS
    if turn.message.intent == "affirm" or applied.touched:
        checking.start(turn, check.known_call(scope) or check.ALL_CALLS)
    elif turn.message.intent in ("deny", "dont_know"):
        turn.say("chat.check_declined")
        turn.remember(check_declined=True, pending=None)
    else:
        misunderstood(turn, "fallback")


def _offer_human_answered(turn: Turn, found: facts.Found, applied: facts.Applied) -> None:
    turn.remember(pending=None)
    if turn.message.intent == "affirm":
        turn.followup = HANDOFF_FORM
        return
    turn.say("chat.human_declined")
    if turn.state.check_scope and not turn.state.verdict_given:
        checking.proceed(turn)


def _amount_answered(turn: Turn, found: facts.Found, applied: facts.Applied) -> None:
    raw = found.amounts[0] if found.amounts else facts.get(found.facts, "investment_eur")
    if raw is None:
        value = parsing.parse_amount(turn.message.text)
        raw = None if value is None else facts.canonical(value)
    if raw is None:
        turn.say("chat.invalid.not_an_amount")
    topics.simulate(turn, raw)


def _loan_answered(turn: Turn, found: facts.Found, applied: facts.Applied) -> None:
    years, months = found.years, found.months
    if years is None and months is None:
        if turn.message.intent == "deny" and turn.pending_kind == LOAN_YEARS:
            turn.say("chat.what_next")
            turn.remember(pending=None)
            return
        text = turn.message.text
        number = "0" if parsing.means_none(text) else (
            None if (value := parsing.parse_number(text)) is None else facts.canonical(value))
        if number is None:
            turn.say("chat.invalid.not_a_number")
            turn.remember(pending=None)
            return
        years, months = (number, None) if turn.pending_kind == LOAN_YEARS else (None, number)
    topics.loan_plan(turn, years, months)


def _place_answered(turn: Turn, found: facts.Found, applied: facts.Applied) -> None:
    place = {k: found.facts[k] for k in ("province", "comune") if k in found.facts}
    if not place:
        reading = facts.read_place(turn.message.text)
        if reading.problem:
            _say_problem(turn, reading)
            return
        place = dict(reading.value)
    topics.desk(turn, place)


_BY_PENDING = {
    OFFER_CHECK: _offer_check_answered,
    OFFER_HUMAN: _offer_human_answered,
    SIMULATE_AMOUNT: _amount_answered,
    LOAN_YEARS: _loan_answered,
    LOAN_MONTHS: _loan_answered,
    DESK_PLACE: _place_answered,
}


def check_eligibility(turn: Turn, every_call: bool) -> None:
    """"Posso partecipare a Verso Nuovi Mercati?" / "any call that fits me": facts first, then the check."""
    found = facts.from_entities(turn.message.entities)
    checking.take(turn, found.facts)
    named = next((c for c in map(check.known_call, found.calls) if c), None)
    scope = check.ALL_CALLS if every_call and not named else (named or check.HEADLINE_CALL)
    checking.start(turn, scope)


def _reads_as_answer(turn: Turn) -> bool:
    """A message the NLU did not place that is still a fine answer to the pending question ("3")."""
    kind, text = turn.pending_kind, turn.message.text
    if kind not in ANSWER_KINDS or not text:
        return False
    if turn.asking:
        return facts.read_answer(turn.asking, text, turn.message.intent).problem is None
    if kind == SIMULATE_AMOUNT:
        return parsing.parse_amount(text) is not None
    if kind == DESK_PLACE:
        return facts.read_place(text).problem is None
    return parsing.parse_number(text) is not None


def misunderstood(turn: Turn, why: str) -> None:
    """Not understood, off topic or rude: a short reply, the way back, and a person after two misses."""
    if why != "insult" and _reads_as_answer(turn):
        turn.remember(misses=0)
        take_answer(turn)
        return
    misses = turn.state.misses + 1
    turn.remember(misses=misses)
    turn.say(f"chat.misunderstood.{why}")
    if misses >= HUMAN_AFTER_MISSES:
        turn.say("chat.offer.human", yes_no_buttons(turn.lang))
        turn.remember(pending={"kind": OFFER_HUMAN})
    elif turn.asking:
        checking.ask(turn, turn.asking)
    else:
        turn.say("chat.way_back")


def greet(turn: Turn) -> None:
    turn.say("chat.greet")
    if turn.asking:
        checking.ask(turn, turn.asking)
    elif turn.state.check_scope is None:
        turn.say("chat.offer.check_all", yes_no_buttons(turn.lang))
        turn.remember(pending={"kind": OFFER_CHECK, "scope": check.ALL_CALLS})


def goodbye(turn: Turn) -> None:
    turn.say("chat.goodbye")
    turn.remember(pending=None)


def thank(turn: Turn) -> None:
    turn.say("chat.thank")
    if turn.asking:
        checking.ask(turn, turn.asking)


def switch_language(turn: Turn) -> None:
    turn.say("chat.language_switched")
    if turn.asking:
        checking.ask(turn, turn.asking)


def summary(turn: Turn) -> None:
    turn.say_text(render_profile(facts.profile(turn.state.facts), turn.lang))
    turn.say("chat.summary_hint")
    if turn.asking:
        checking.ask(turn, turn.asking)


def restart(turn: Turn) -> None:
    turn.state = State()
    turn.say("chat.restarted")
