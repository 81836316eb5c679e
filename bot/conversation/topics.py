"""Questions about the calls and the services, answered from the catalogue (bot.answers).

A question can come cold, as the first message, or in the middle of a check: it is answered at
once; then the check's pending question is asked again, or the check is offered.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.answers import answer
from bot.conversation.intents import TOPIC_BY_INTENT as TOPICS
from bot.conversation.intents import button_payload
from bot.conversation import check, checking, facts
from bot.conversation.state import (DESK_PLACE, LOAN_MONTHS, LOAN_YEARS, OFFER_CHECK, SIMULATE_AMOUNT, Turn,
                                    yes_no_buttons)
from bot.profile import MAX_MONEY
from bot.texts import t

_ABOUT_A_CALL = {"call_overview", "call_status", "call_funds", "call_costs", "call_split", "call_loan",
                 "call_procedure", "call_apply", "call_documents", "call_who", "fair_quote"}
PREAMORTISATION_STEP = 6  # months between the pre-amortisation buttons (0, 6, 12, ...)


def _decimal(raw: Any) -> Decimal | None:
    try:
        value = Decimal(str(raw))
    except (ArithmeticError, ValueError):
        return None
    return value if value.is_finite() else None


def _whole(raw: Any) -> int | None:
    value = _decimal(raw)
    return int(value) if value is not None and value == value.to_integral_value() and abs(value) < 10_000 else None


def _asked_call(turn: Turn, found: facts.Found) -> str | None:
    named = next((c for c in map(check.known_call, found.calls) if c), None)
    scope = turn.state.check_scope
    return named or (scope if scope not in (None, check.ALL_CALLS) else None)


def answer_question(turn: Turn, topic: str) -> None:
    """Answer one question; its facts (e.g. "siamo 60 dipendenti ...") are kept first."""
    found = facts.from_entities(turn.message.entities)
    place = {k: found.facts.pop(k) for k in ("province", "comune") if k in found.facts}
    checking.take(turn, found.facts)
    if topic == "desk":
        desk(turn, place)
        return
    # A place in any other question is not the firm's ("a Rho Fiera", "in Germania"): not kept.
    if topic == "simulate":
        simulate(turn, found.amounts[0] if found.amounts else facts.get(found.facts, "investment_eur"))
        return
    if topic == "loan_plan":
        loan_plan(turn, found.years, found.months, found.amounts[0] if found.amounts else None,
                  next(iter(found.calls), None))
        return
    call_id = _asked_call(turn, found)
    profile = facts.profile(turn.state.facts)
    extra: dict[str, Any] = {}
    if topic == "fair_quote":
        extra = {"sqm": profile.fairs.stand_sqm, "exhibitor": profile.fairs.exhibitor}
    amount = _decimal(found.amounts[0]) if found.amounts else None
    turn.say_reply(answer(topic, turn.lang, call_id=call_id, profile=profile, today=turn.today,
                          amount=amount, **extra))
    # A call topic without a call is answered about the headline call: offer to check that one.
    after_answer(turn, (call_id or check.HEADLINE_CALL) if topic in _ABOUT_A_CALL else None)


def after_answer(turn: Turn, call_id: str | None) -> None:
    """Back to the check's question, or offer the check once."""
    if turn.asking:
        checking.ask(turn, turn.asking)
        return
    state = turn.state
    if state.check_scope is None and not state.check_declined:
        scope = call_id or check.ALL_CALLS
        if scope == check.ALL_CALLS:
            turn.say("chat.offer.check_all", yes_no_buttons(turn.lang))
        else:
            turn.say("chat.offer.check_call", yes_no_buttons(turn.lang), call=checking.call_title(scope, turn.lang))
        turn.remember(pending={"kind": OFFER_CHECK, "scope": scope})
    elif turn.pending_kind != OFFER_CHECK:
        turn.remember(pending=None)


def simulate(turn: Turn, raw_amount: Any) -> None:
    """"Quanto mi finanziano su 100.000 €?": the headline call's aid on that amount, no profile needed."""
    if raw_amount is None:
        turn.say("chat.ask.simulate_amount")
        turn.remember(pending={"kind": SIMULATE_AMOUNT})
        return
    amount = _decimal(raw_amount)
    if amount is None or amount <= 0 or amount > MAX_MONEY:
        turn.say("chat.invalid.simulate_amount", value=raw_amount)
        turn.remember(pending={"kind": SIMULATE_AMOUNT})
        return
    reply = answer("simulate", turn.lang, today=turn.today, amount=amount)
    turn.say_reply(reply)
    turn.remember(simulation={"amount": facts.canonical(amount)}, loan_choice=None)
    if reply.buttons:
        turn.remember(pending={"kind": LOAN_YEARS, "source": "simulation"})
    else:
        checking.offer_loan_years(turn, source="simulation")


def _loan_source(turn: Turn) -> str | None:
    pending = turn.state.pending or {}
    if pending.get("source") in ("simulation", "profile"):
        return pending["source"]
    if facts.profile(turn.state.facts).vnm_expenses.complete:
        return "profile"
    return "simulation" if turn.state.simulation else None


def loan_plan(turn: Turn, raw_years: Any, raw_months: Any, raw_amount: Any = None, call_id: Any = None) -> None:
    """The loan plan for the simulated amount or the firm's own project, for the chosen terms;
    then the pre-amortisation choices. The terms are checked by bot.answers (and the engine)."""
    source = "simulation" if raw_amount is not None else _loan_source(turn)
    if source is None:
        turn.say("chat.loan.needs_amount")
        turn.remember(pending={"kind": SIMULATE_AMOUNT})
        return
    chosen = dict((turn.state.simulation if source == "simulation" else turn.state.loan_choice) or {})
    for name, raw in (("amount", raw_amount), ("years", raw_years), ("months", raw_months)):
        if raw is not None:
            chosen[name] = facts.canonical(_decimal(raw)) if _decimal(raw) is not None else str(raw)[:20]
    if source == "simulation" and chosen.get("amount") is None:
        turn.say("chat.loan.needs_amount")
        turn.remember(pending={"kind": SIMULATE_AMOUNT})
        return
    profile = facts.profile(turn.state.facts) if source == "profile" else None
    turn.say_reply(answer("loan_plan", turn.lang, call_id=call_id, profile=profile, today=turn.today,
                          amount=chosen.get("amount"), years=chosen.get("years"), months=chosen.get("months")))
    turn.remember(**{"simulation" if source == "simulation" else "loan_choice": chosen})
    if chosen.get("months") is None and _whole(chosen.get("years")) is not None:
        offer_months(turn, source, chosen, call_id)
    else:
        turn.remember(pending=None)


def offer_months(turn: Turn, source: str, chosen: dict, call_id: Any) -> None:
    terms = check.loan_terms() or {}
    longest = terms.get("max_preamortisation_months")
    if not isinstance(longest, int):
        turn.remember(pending=None)
        return
    buttons = tuple(
        (t(turn.lang, "chat.button.months", months=months),
         button_payload("loan_plan", call_id=call_id if isinstance(call_id, str) else None,
                       amount=chosen.get("amount"), years=chosen.get("years"), months=months))
        for months in range(0, longest + 1, PREAMORTISATION_STEP))
    turn.say("chat.loan.offer_months", buttons)
    turn.remember(pending={"kind": LOAN_MONTHS, "source": source})


def desk(turn: Turn, place: dict[str, Any]) -> None:
    """The Lombardia Point for the place named now, else for the firm's own place."""
    known = {k: v for k, v in turn.state.facts.items() if k in ("province", "comune")}
    if place:
        trial = facts.apply(known, place)
        if trial.refused:
            turn.say("chat.invalid.place_unknown", name=next(iter(place.values())))
            return
        if not known:
            checking.take(turn, place)  # the firm's own place, most likely
        where = trial.data
    elif known:
        where = known
    else:
        turn.say("chat.ask.desk_place")
        turn.remember(pending={"kind": DESK_PLACE})
        return
    turn.say_reply(answer("desk", turn.lang, profile=facts.profile(where), today=turn.today))
    after_answer(turn, None)
