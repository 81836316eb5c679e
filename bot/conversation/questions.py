"""Questions in the chat, answered from the catalogue (bot.answers): the specific fact asked
first, then the way on.

A question can come cold, as the first message, or in the middle of a check: it is answered at
once; then the check's pending question is asked again, or the check of the call is offered.
The facts a question carries about the firm ("siamo 60 dipendenti...") are kept; the figures
that only feed the answer (the amount to simulate, the de minimis received, a stand's m²) are
inputs of the answer, not facts of the firm.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterable

from bot.answers import Inputs, answer, resolve_call
from bot.funding import FundingInputError, FundingParamsError, LoanTerms
from bot.catalogue import default_catalogue
from bot.conversation import check_turns, facts, scope
from bot.conversation.intents import ask_payload
from bot.conversation.state import (DESK_PLACE, LOAN_MONTHS, LOAN_YEARS, OFFER_CHECK, SIMULATE_AMOUNT, Turn,
                                    yes_no_buttons)
from bot.nlu.aspects import CALL, by_id
from bot.money import to_decimal
from bot.profile import MAX_MONEY
from bot.texts import t

PREAMORTISATION_STEP = 6  # months between the pre-amortisation buttons (0, 6, 12, ...)
# Aspects whose amount is the answer's input (what to simulate, the aid received), not a fact of the firm.
AMOUNT_INPUT = {"simulate", "loan_plan", "de_minimis_headroom", "max_project", "min_project", "consultancy_cap"}
# Aspects whose place is where the desk is asked for: it is the firm's place only if none is known.
PLACE_ASPECTS = {"desk", "lombardia_point", "chamber_merge", "contacts"}
# The facts each requirement is judged on: "a micro firm of 3, can we apply?" asks the size rule,
# answered with the engine's verdict on it, rather than starting the whole check.
RULE_FACTS = {
    "size_rule": {"employees", "turnover_eur", "balance_sheet_eur"},
    "site_rule": {"province", "comune", "lombardy_site"},
    "areas_rule": {"province", "comune"},
    "export_rule": {"export_share_pct"},
    "intra_eu": {"export_share_pct"},
    "track_record": {"approved_balance_sheets", "years_active"},
    "craft_rule": {"craft_enterprise"},
}
# Aspects with a dialogue of their own (amounts, terms, a place asked): never a second answer.
_SPECIAL = {"simulate", "loan_plan", "desk"}
# Aspects about the facts themselves: after them, no check is offered (the answer was the point).
_NO_OFFER = {"list_calls", "een", "pid", "de_minimis", "de_minimis_headroom", "de_minimis_sectors", "sme_definition",
             "size_class", "partner_rule"}


def _decimal(raw: Any) -> Decimal | None:
    try:
        value = to_decimal(raw)
    except (ArithmeticError, ValueError, TypeError):
        return None
    return value if value.is_finite() else None


def _whole(raw: Any) -> int | None:
    value = _decimal(raw)
    return int(value) if value is not None and value == value.to_integral_value() and abs(value) < 10_000 else None


# The plan a question names, as the theme of the measures it asks about (`themes:` in call files).
# (the plan ids of bot.profile.PLANS; "fairs", the theme the fairs calls had first, is the plan "fair")
THEMES = {"plan_ecommerce": "ecommerce", "plan_temporary_manager": "temporary_manager",
          "plan_certifications": "certifications_consultancy", "plan_market_entry": "shop_abroad",
          "plan_digital_green": "digital_ecological", "fair": "fairs"}
# A body that runs several measures, by the concept naming it: the titles of its measures start with it.
BODIES = {"simest_named": "SIMEST"}


def inputs_of(found: facts.Found, items: Iterable = (), concepts: frozenset[str] = frozenset(), aspect: str = "") -> Inputs:
    """The figures a question carries, from its entities and its words."""
    given = found.facts  # dotted keys, flat: {"fairs.stand_sqm": "25"}
    amount = found.amounts[0] if found.amounts else None
    if amount is None and aspect in AMOUNT_INPUT:
        amount = given.get("investment_eur")
    split = {key.split(".")[1]: value for key, value in given.items() if key.startswith("vnm_expenses.")}
    return Inputs(amount=amount, amounts=found.amounts, expenses=split or None, years=found.years, months=found.months,
                  sqm=given.get("fairs.stand_sqm"), exhibitor=given.get("fairs.exhibitor"),
                  fairs_count=given.get("fairs.count"),
                  percent=found.percents[0] if found.percents else None, items=tuple(items),
                  micro=False if "not_micro" in concepts else True if "micro" in concepts else None, startup=True if "startup_word" in concepts else None,
                  theme=next((theme for concept, theme in THEMES.items() if concept in concepts), None),
                  body=next((body for concept, body in BODIES.items() if concept in concepts), None))


def _kept(found: facts.Found, aspect: str, known_place: bool) -> dict[str, Any]:
    """The facts of the firm in a question: not the figures that only feed the answer."""
    kept = dict(found.facts)
    for key in ("fairs.stand_sqm", "fairs.exhibitor", "fairs.count"):
        kept.pop(key, None)  # a stand asked about is a what-if, unless given during a check
    if aspect in AMOUNT_INPUT:
        kept.pop("investment_eur", None)
    if aspect in PLACE_ASPECTS and known_place:
        kept.pop("province", None)
        kept.pop("comune", None)
    return kept


def asks_one_rule(aspect: str | None, given: dict[str, Any]) -> bool:
    """Whether a "can we apply?" asks about one requirement, with only the facts that judge it."""
    return aspect in RULE_FACTS and bool(given) and set(given) <= RULE_FACTS[aspect]


def firm_facts(found: facts.Found, aspect: str | None) -> dict[str, Any]:
    """The facts a message gives about the firm, leaving out what only feeds the answer to `aspect`."""
    return _kept(found, aspect or "", known_place=False)


def answer_question(turn: Turn, aspect: str, found: facts.Found, *, items: Iterable = (),
                    concepts: frozenset[str] = frozenset(), call_ids: Iterable[str] = (),
                    more: Iterable[str] = ()) -> None:
    """Answer one question (and the `more` aspects asked with it, about the same call); the
    firm's facts in it are kept first."""
    known_place = bool(facts.get(turn.state.facts, "province"))
    place = {k: found.facts[k] for k in ("province", "comune") if k in found.facts}
    if aspect in PLACE_ASPECTS and place and known_place:
        where = facts.apply({}, place)  # the place asked about, not (necessarily) the firm's
        asked_profile = facts.profile({**turn.state.facts, **where.data}) if not where.refused else None
    else:
        asked_profile = None
    check_turns.take(turn, _kept(found, aspect, known_place), quiet=True)
    if aspect == "simulate":
        simulate(turn, inputs_of(found, items, concepts, aspect), call_ids)
        return
    if aspect == "loan_plan":
        inputs = inputs_of(found, items, concepts, aspect)
        loan_plan(turn, inputs.years, inputs.months, inputs.amount, next(iter(call_ids), None))
        return
    if aspect == "desk" and not place and not known_place:
        turn.say("chat.ask.desk_place")
        turn.remember(pending={"kind": DESK_PLACE})
        return
    named = list(call_ids) or ([turn.state.topic_call] if turn.state.topic_call and by_id(aspect).about == CALL else [])
    profile = asked_profile or facts.profile(turn.state.facts)
    reply = answer(aspect, turn.lang, call_ids=named, profile=profile, today=turn.today,
                   inputs=inputs_of(found, items, concepts, aspect))
    # after what is open today, being told of what opens next ("Avvisatemi" as typed words: the acts read it)
    alerts = t(turn.lang, "chat.button.alerts")
    turn.say_reply(reply, ((alerts, alerts),) if aspect == "what_now" else ())
    call, _ = resolve_call(aspect, named, default_catalogue(), turn.today)
    for other in more:
        if other in _SPECIAL:
            continue
        same = [call.id] if call is not None and by_id(other).about == CALL and not named else named
        turn.say_reply(answer(other, turn.lang, call_ids=same, profile=profile, today=turn.today,
                              inputs=inputs_of(found, items, concepts, other)))
    about_call = by_id(aspect).about == CALL and call is not None
    if about_call:
        turn.remember(topic_call=call.id)
    after_answer(turn, call.id if about_call else None, aspect)


def after_answer(turn: Turn, call_id: str | None, aspect: str) -> None:
    """Back to the check's question, or offer the check once."""
    if turn.asking:
        check_turns.ask(turn, turn.asking)
        return
    state = turn.state
    if aspect in _NO_OFFER or state.check_declined or (state.check_scope and state.verdict_given):
        turn.say("chat.more", ((t(turn.lang, "chat.button.check"), "/check_eligibility"),
                               (t(turn.lang, "chat.button.human"), "/human_handoff")))
        turn.remember(pending=None)
        return
    if state.check_scope is None:
        target = call_id or scope.ALL_CALLS
        if target != scope.ALL_CALLS and _ruled_out(turn, target):
            target = scope.ALL_CALLS  # the answer already said "no" on this call: the others may fit
            turn.say("chat.offer.check_others", yes_no_buttons(turn.lang))
            turn.remember(pending={"kind": OFFER_CHECK, "scope": target})
            return
        if target == scope.ALL_CALLS:
            turn.say("chat.offer.check_all", yes_no_buttons(turn.lang))
        else:
            turn.say("chat.offer.check_call", yes_no_buttons(turn.lang), call=check_turns.call_title(target, turn.lang))
        turn.remember(pending={"kind": OFFER_CHECK, "scope": target})
    elif turn.pending_kind != OFFER_CHECK:
        turn.remember(pending=None)


def _ruled_out(turn: Turn, call_id: str) -> bool:
    result = scope.assessment(facts.profile(turn.state.facts), call_id, turn.today)
    return result.verdict(call_id).eligible is False


def simulate(turn: Turn, inputs: Inputs, call_ids: Iterable[str] = ()) -> None:
    """"Quanto mi finanziano su 100.000 €?": a call's aid on that amount, no profile needed."""
    if inputs.amount is None and inputs.expenses:
        inputs = Inputs(amount=sum(_decimal(v) or 0 for v in inputs.expenses.values()), expenses=inputs.expenses)
    if inputs.amount is None:
        turn.say("chat.ask.simulate_amount")
        turn.remember(pending={"kind": SIMULATE_AMOUNT})
        return
    amount = _decimal(inputs.amount)
    if amount is None or amount <= 0 or amount > MAX_MONEY:
        turn.say("chat.invalid.simulate_amount", value=str(inputs.amount)[:20])
        turn.remember(pending={"kind": SIMULATE_AMOUNT})
        return
    named = list(call_ids) or ([turn.state.topic_call] if turn.state.topic_call else [])
    reply = answer("simulate", turn.lang, call_ids=named, today=turn.today,
                   inputs=Inputs(amount=amount, expenses=inputs.expenses))
    turn.say_reply(reply)
    call, _ = resolve_call("simulate", named, default_catalogue(), turn.today)
    turn.remember(simulation={"amount": facts.canonical(amount), "call_id": call.id if call else None},
                  loan_choice=None, topic_call=call.id if call else turn.state.topic_call)
    if turn.asking:  # in the middle of a check: the plans can wait, the check's question cannot
        after_answer(turn, call.id if call else None, "simulate")
    elif reply.buttons:
        turn.remember(pending={"kind": LOAN_YEARS, "source": "simulation"})
    elif call is not None and call.loan:
        check_turns.offer_loan_years(turn, call.id, source="simulation")
    else:
        after_answer(turn, call.id if call else None, "simulate")


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
    wanted = scope.known_call(call_id) or scope.known_call(chosen.get("call_id")) or (turn.state.pending or {}).get("call_id")
    named = [wanted] if scope.known_call(wanted) else []
    profile = facts.profile(turn.state.facts) if source == "profile" else None
    amount = chosen.get("amount") if source == "simulation" else None
    turn.say_reply(answer("loan_plan", turn.lang, call_ids=named, profile=profile, today=turn.today,
                          inputs=Inputs(amount=amount, years=chosen.get("years"), months=chosen.get("months"))))
    call, _ = resolve_call("loan_plan", named, default_catalogue(), turn.today)
    chosen = _allowed(chosen, call.loan if call is not None else None)
    turn.remember(**{"simulation" if source == "simulation" else "loan_choice": chosen})
    if chosen.get("months") is None and _whole(chosen.get("years")) is not None and call is not None:
        offer_months(turn, source, chosen, call.id)
    else:
        turn.remember(pending=None)
        check_turns.after_verdict(turn)


def _allowed(chosen: dict, terms) -> dict:
    """The terms chosen, less those the call refuses: a refused pre-amortisation (7 months) must
    not stay in the choice and make every next plan fail the same way."""
    kept = {k: v for k, v in chosen.items() if k not in ("years", "months") or v is None or _whole(v) is not None}
    if not terms:
        return kept
    for _ in range(2):
        try:
            LoanTerms.from_mapping(terms).choose(_whole(kept.get("years")), _whole(kept.get("months")))
            return kept
        except FundingInputError as refused:
            kept.pop("months" if refused.field == "preamortisation_months" else "years", None)
        except FundingParamsError:
            return kept
    return kept


def offer_months(turn: Turn, source: str, chosen: dict, call_id: str) -> None:
    terms = scope.loan_terms(call_id) or {}
    longest = terms.get("max_preamortisation_months")
    shortest = terms.get("min_preamortisation_months") or 0
    if not isinstance(longest, int):
        turn.remember(pending=None)
        return
    if shortest >= longest:  # SIMEST fixes it (24 months): no choice to offer
        turn.remember(pending=None)
        check_turns.after_verdict(turn)
        return
    buttons = tuple(
        (t(turn.lang, "chat.button.months", months=months),
         ask_payload("loan_plan", call_id=call_id, amount=chosen.get("amount") if source == "simulation" else None,
                     years=chosen.get("years"), months=months))
        for months in range(shortest, longest + 1, PREAMORTISATION_STEP))
    turn.say("chat.loan.offer_months", buttons)
    turn.remember(pending={"kind": LOAN_MONTHS, "source": source, "call_id": call_id})


def desk(turn: Turn, place: dict[str, Any]) -> None:
    """The desk for the place named now, else for the firm's own place."""
    known = {k: v for k, v in turn.state.facts.items() if k in ("province", "comune")}
    if place:
        trial = facts.apply(known, place)
        if trial.refused:
            turn.say("chat.invalid.place_unknown", name=next(iter(place.values())))
            return
        if not known:
            check_turns.take(turn, place, quiet=True)  # the firm's own place, most likely
        where = trial.data
    elif known:
        where = known
    else:
        turn.say("chat.ask.desk_place")
        turn.remember(pending={"kind": DESK_PLACE})
        return
    turn.say_reply(answer("desk", turn.lang, profile=facts.profile(where), today=turn.today))
    after_answer(turn, None, "desk")
