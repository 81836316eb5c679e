"""Model `flat_rate_mixed`: capped direct costs + flat rates, aid split in grant and subsidised loan.

Used by Verso Nuovi Mercati (FACTS.md §1). Params (percentages in percent, 20 means 20%):
    direct_costs: [consultancy, initiatives, training]   # the vnm_expenses lines, in asking order
    consultancy_cap_pct: 20    # consultancy <= 20% of (initiatives + training)
    training_cap_pct: 10       # training <= 10% of the total eligible
    staff_flat_pct: 20         # staff = 20% of direct costs
    indirect_flat_pct: 7       # indirect = 7% of (direct costs + staff)
    minimum_total: 30000       # a total below it is not eligible (figures still shown)
    max_aid_base: 600000       # aid rates apply to min(total, this); the firm pays the rest
    grant_pct: 20
    loan_pct: 65
Inputs: profile.vnm_expenses (all three lines), profile.loan_years and
profile.preamortisation_months (defaults: the call's longest duration, no pre-amortisation).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from bot.funding.expense_caps import ExpenseCaps
from bot.funding.flat_rates import FlatRates
from bot.funding.loan import LoanTerms
from bot.funding.params import Params
from bot.funding.result import Cut, Funding, FundingParamsError, MissingFacts
from bot.money import cents, pct
from bot.profile import Profile

MODEL = "flat_rate_mixed"
LINES = ("consultancy", "initiatives", "training")


def compute(params: Mapping[str, Any], loan_terms: Mapping | None, profile: Profile,
            sme_class: str | None) -> Funding:
    p = Params(f"funding.params ({MODEL})", params)
    order = p.names("direct_costs")
    if sorted(order) != sorted(LINES):
        raise FundingParamsError(f"{p.where}.direct_costs: must list exactly {', '.join(LINES)}")
    caps = ExpenseCaps(p.percent("consultancy_cap_pct"), p.percent("training_cap_pct"),
                       FlatRates(p.percent("staff_flat_pct"), p.percent("indirect_flat_pct")))
    problem = caps.problem()
    if problem:
        raise FundingParamsError(f"{p.where}: {problem}")
    grant_pct, loan_pct = p.percent("grant_pct"), p.percent("loan_pct")
    if grant_pct + loan_pct > 100:
        raise FundingParamsError(f"{p.where}: grant_pct + loan_pct must not exceed 100")
    minimum, ceiling = cents(p.amount("minimum_total")), cents(p.amount("max_aid_base"))
    terms = None if loan_terms is None else LoanTerms.from_mapping(loan_terms)

    requested = _requested_expenses(profile, order)
    a, c = caps.greatest_within(requested["consultancy"], requested["initiatives"], requested["training"])
    allowed = {"consultancy": a, "initiatives": requested["initiatives"], "training": c}
    cuts = [Cut(line, requested[line], allowed[line], f"{line}_cap")
            for line in order if allowed[line] < requested[line]]

    direct = sum(allowed.values(), Decimal(0))
    staff, indirect, total = caps.rates.lines(direct)
    aid_base = min(total, ceiling)
    if aid_base < total:
        cuts.append(Cut("aid_base", total, aid_base, "max_aid_base"))
    grant, loan = cents(aid_base * pct(grant_pct)), cents(aid_base * pct(loan_pct))

    plan, assumptions = None, ()
    if terms is not None:
        choice = terms.choose(profile.loan_years, profile.preamortisation_months)
        plan, assumptions = terms.plan(loan, choice), choice.assumptions
    breakdown = [(line, allowed[line]) for line in order]
    breakdown += [("direct_costs", direct), ("staff_flat", staff), ("indirect_flat", indirect),
                  ("total_eligible", total)]
    return Funding(MODEL, total_eligible=total, grant=grant, loan=loan,
                   own_contribution=total - grant - loan, aid_base=aid_base,
                   breakdown=tuple(breakdown), cuts=tuple(cuts), below_minimum=total < minimum,
                   minimum=minimum, assumptions=assumptions, loan_plan=plan,
                   grant_pct=grant_pct, loan_pct=loan_pct)


def _requested_expenses(profile: Profile, order: list[str]) -> dict[str, Decimal]:
    missing = [f"vnm_expenses.{line}" for line in order if getattr(profile.vnm_expenses, line) is None]
    if missing:
        raise MissingFacts(missing)
    return {line: cents(getattr(profile.vnm_expenses, line)) for line in order}
