"""Money answers: a simulation without a profile, a loan plan for a chosen duration, a fair stand.

The engine computes every figure (bot.funding); this module only decides what to feed it,
states the assumptions that choice implies, and words the result.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from bot import sme
from bot.answers.ask import Ask
from bot.answers.reply import Reply, aspect_button, reply
from bot.answers.say import (Say, assumption_lines, breakdown_line, cut_lines, minimum_line,
                             plan_lines, split_line, status_of, status_sentence)
from bot.catalogue import Call
from bot.funding import Funding, FundingInputError, MissingFacts, compute, plan_within_terms
from bot.money import to_decimal
from bot.profile import MAX_MONEY, Profile, VnmExpenses
from bot.status import OPEN

FLAT_RATE_MIXED, PERCENT_OF_INVESTMENT = "flat_rate_mixed", "percent_of_investment"
SIMULATED_MODELS = (FLAT_RATE_MIXED, PERCENT_OF_INVESTMENT)
FAIR_MODELS = ("fair_area_flat_rate", "fair_grant_by_exhibitor")


@dataclass(frozen=True)
class Worked:
    funding: Funding
    basis: str  # "profile": the firm's own figures; "amount": a simulated project amount
    amount: Decimal | None = None


def _simulated_profile(call: Call, amount: Decimal, years: int | None, months: int | None,
                       split: dict | None = None) -> Profile:
    """The assumption a bare amount implies: all direct costs under initiatives (or the investment);
    with the split the question gave, those lines (the others at zero)."""
    if call.funding["model"] == FLAT_RATE_MIXED:
        if split:
            lines = {name: to_decimal(split.get(name) or 0) for name in ("consultancy", "initiatives", "training")}
            return Profile(vnm_expenses=VnmExpenses(**lines), loan_years=years, preamortisation_months=months)
        expenses = VnmExpenses(consultancy=Decimal(0), initiatives=amount, training=Decimal(0))
        return Profile(vnm_expenses=expenses, loan_years=years, preamortisation_months=months)
    return Profile(investment_eur=amount, loan_years=years, preamortisation_months=months)


def _compute(call: Call, profile: Profile) -> Funding | None:
    return compute(call.funding, call.loan, profile, sme.size_class(profile))


def worked(ask: Ask, call: Call) -> Worked | None:
    """The firm's own figures when the engine can compute them, else the amount asked about."""
    # A loan choice the call does not allow should not hide the firm's figures: retry without it.
    for profile in (ask.profile, replace(ask.profile, loan_years=None, preamortisation_months=None)):
        try:
            funding = _compute(call, profile)
        except (MissingFacts, FundingInputError):
            continue
        if funding is not None:
            return Worked(funding, "profile")
    amount = ask.amount()
    if amount is not None and call.funding["model"] in SIMULATED_MODELS:
        funding = _compute(call, _simulated_profile(call, amount, None, None))
        return Worked(funding, "amount", amount) if funding else None
    return None


def year_buttons(ask: Ask, call: Call, amount: Decimal | None, skip: int | None = None) -> list:
    """One button per loan duration the call allows, each asking for that plan (on `amount`,
    or on the firm's own figures when None)."""
    if not call.loan:
        return []
    terms = call.loan
    return [aspect_button(ask.say("button.plan_years", years=years), "loan_plan", call_id=call.id,
                         amount=amount, years=years)
            for years in range(terms["min_years"], terms["max_years"] + 1) if years != skip]


def _caps_line(say: Say, call: Call, amount: Decimal) -> str | None:
    """The consultancy and training caps that would apply next to these initiatives, from the engine."""
    params = call.funding.get("params") or {}
    if not {"consultancy_cap_pct", "training_cap_pct"} <= set(params):
        return None

    def greatest(line: str) -> Decimal | None:
        spent = {"consultancy": Decimal(0), "initiatives": amount, "training": Decimal(0), line: MAX_MONEY}
        funding = compute(call.funding, None, Profile(vnm_expenses=VnmExpenses(**spent)), None)
        return next((cut.allowed for cut in funding.cuts if cut.item == line), None)

    consultancy, training = greatest("consultancy"), greatest("training")
    if consultancy is None or training is None:
        return None
    return say("simulate.caps", consultancy_pct=say.percent(params["consultancy_cap_pct"]),
               consultancy=say.money(consultancy), training_pct=say.percent(params["training_cap_pct"]),
               training=say.money(training))


def simulate(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    if call.funding["model"] not in SIMULATED_MODELS:
        summary = say.text(call.funding["summary"]) if call.funding.get("summary") else ""
        return reply([say("simulate.not_for_call", call=say.title(call)), summary])
    amount = ask.amount()
    if amount is None:
        return reply([say("simulate.ask_amount", call=say.title(call))])
    try:
        funding = _compute(call, _simulated_profile(call, amount, ask.years(), ask.months(), ask.expenses()))
    except FundingInputError as problem:
        return reply([_engine_message(say, problem)], year_buttons(ask, call, amount))
    lines = [say("simulate.heading", call=say.title(call), amount=say.money(amount)), _rates_line(say, funding),
             breakdown_line(say, call, funding)]
    if call.funding["model"] == FLAT_RATE_MIXED and not ask.expenses():
        params = call.funding["params"]
        lines.append(say("simulate.assumption", amount=say.money(amount),
                         staff=say.percent(params["staff_flat_pct"]), indirect=say.percent(params["indirect_flat_pct"])))
    lines += cut_lines(say, call, funding)
    lines.append(minimum_line(say, funding))
    if call.funding["model"] == FLAT_RATE_MIXED and not ask.expenses():
        lines.append(_caps_line(say, call, amount))
    if funding.loan_plan is not None:
        lines += plan_lines(say, funding.loan_plan)
        lines += assumption_lines(say, funding.assumptions, funding.loan_plan)
    state = status_of(call, ask.today)
    if state.status != OPEN:
        lines.append(status_sentence(say, call, state))
    lines.append(say("disclaimer"))
    if funding.loan_plan is None:
        return reply(lines)
    lines.append(say("simulate.choose_plan"))
    return reply(lines, year_buttons(ask, call, amount, skip=funding.loan_plan.years))


def _rates_line(say: Say, funding: Funding) -> str:
    if funding.loan and funding.grant:
        return say("simulate.grant_loan_own", grant=say.money(funding.grant), grant_pct=say.percent(funding.grant_pct),
                   loan=say.money(funding.loan), loan_pct=say.percent(funding.loan_pct),
                   own=say.money(funding.own_contribution))
    return split_line(say, funding)


def _engine_message(say: Say, problem: FundingInputError) -> str:
    return problem.message_it if say.lang == "it" else problem.message_en


def loan_plan(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    if not call.loan:
        return reply([say("loan_plan.no_plan", call=say.title(call))])
    years, months = ask.years(), ask.months()
    basis = worked(ask, call)
    if basis is None or basis.funding.loan_plan is None:
        return reply([say("loan_plan.ask_amount", call=say.title(call))])
    try:
        plan, assumed = plan_within_terms(basis.funding.loan, call.loan, years, months)
    except FundingInputError as problem:
        return reply([_engine_message(say, problem)], year_buttons(ask, call, basis.amount))
    if basis.basis == "amount":
        lead = say("loan_plan.on_amount", call=say.title(call), amount=say.money(basis.amount))
    else:
        lead = say("loan_plan.on_profile", call=say.title(call))
    lines = [lead, *plan_lines(say, plan), *assumption_lines(say, assumed, plan), say("disclaimer")]
    return reply(lines, year_buttons(ask, call, basis.amount, skip=plan.years))


def fair_rate(ask: Ask) -> Reply:
    """What a fair stand earns without its size: the rate per m² (or the call's rule), then the offer to compute."""
    say, call = ask.say, ask.call()
    params = call.funding.get("params") or {}
    lines = []
    if params.get("eur_per_sqm") is not None:
        lines.append(say("fair.per_sqm", call=say.title(call), rate=say.money(params["eur_per_sqm"]),
                         staff=say.percent(params["staff_flat_pct"]), indirect=say.percent(params["indirect_flat_pct"])))
    if call.funding.get("summary"):
        lines.append(say.text(call.funding["summary"]))
    lines.append(status_sentence(say, call, status_of(call, ask.today)))
    lines.append(say("fair.ask_sqm", call=say.title(call)))
    return reply(lines)


def _size_for_bonus(ask: Ask) -> str | None:
    """The size class the micro bonus is decided on: "as a micro firm" / "we are not micro" in the
    question wins over the profile ("not micro" with no size known reads as a small firm)."""
    known = sme.size_class(ask.profile)
    if ask.inputs.micro:
        return "micro"
    if ask.inputs.micro is False:
        return known if known not in (None, "micro") else "small"
    return known


def fair_quote(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    if call.funding["model"] not in FAIR_MODELS:
        return reply([say("fair.not_a_fair_call", call=say.title(call))])
    sqm, exhibitor = ask.sqm(), ask.exhibitor()
    state = status_of(call, ask.today)
    if sqm is None:
        return fair_rate(ask)
    size = _size_for_bonus(ask)
    profile = replace(ask.profile, startup=True) if ask.inputs.startup else ask.profile
    kinds = (exhibitor,) if exhibitor else ("new", "frequent")
    quotes = {}
    for kind in kinds:
        fairs = replace(profile.fairs, stand_sqm=sqm, exhibitor=kind)
        try:
            quotes[kind] = compute(call.funding, call.loan, replace(profile, fairs=fairs), size)
        except MissingFacts:
            quotes = None
            break
    if not quotes or any(q is None for q in quotes.values()):
        summary = say.text(call.funding["summary"]) if call.funding.get("summary") else ""
        return reply([say("fair.not_by_area", call=say.title(call)), summary])
    any_quote = next(iter(quotes.values()))
    lines = [say("fair.heading", call=say.title(call), sqm=say.number(sqm)), status_sentence(say, call, state),
             breakdown_line(say, call, any_quote), minimum_line(say, any_quote)]
    for kind, quote in quotes.items():
        lines.append(say(f"fair.grant_{kind}", grant=say.money(quote.grant), pct=say.percent(quote.grant_pct)))
        lines += cut_lines(say, call, quote)
        if "micro_bonus_unknown" in quote.assumptions:
            fairs = replace(profile.fairs, stand_sqm=sqm, exhibitor=kind)
            micro = compute(call.funding, call.loan, replace(profile, fairs=fairs), "micro")
            lines.append(say("fair.if_micro", grant=say.money(micro.grant), pct=say.percent(micro.grant_pct)))
        elif size == "micro":
            lines.append(say("fair.micro_included"))
    lines += assumption_lines(say, [key for key in any_quote.assumptions if key != "micro_bonus_unknown"])
    for condition in call.data.get("conditions", []):
        lines.append(say("condition", text=say.text(condition["text"])))
    lines.append(say("disclaimer"))
    return reply(lines)


