"""Model `revenue_capped_loan`: a subsidised loan capped by the firm's revenues and its size,
part of which may be a grant (SIMEST Fondo 394/81, CURRENT_2026.md §2).

Params:
    min_loan: 10000
    revenue_cap_pct: 35        # of the average revenues of the last two balance sheets
    max_loan: 500000           # an absolute cap for every firm, OR
    max_loan_by_size: {micro: 500000, small: 2500000, medium: 2500000, large: 5000000}
    last_balance_sheet_up_to: 150000   # optional (Fiere ed eventi): a request up to this amount
                               #   is capped on the last balance sheet's revenues (turnover_eur)
    grant_share: {tiers: [...]}        # see bot.funding.grant_share
Inputs: average_revenues_eur (or, with last_balance_sheet_up_to, turnover_eur); the size class
when the caps differ by size; investment_eur (the amount the firm would ask for; without it the
estimate is the most it could ask for); the grant facts of the routes; loan_years and
preamortisation_months within the call's `loan:` terms.

The financing F is min(request, revenue cap, size cap); the grant is the earned share of F
(never over its ceiling), the loan the rest, repaid on the call's plan. The firm pays whatever
of its project exceeds F.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping

from bot import sme
from bot.funding import grant_share
from bot.funding.loan import LoanTerms
from bot.funding.params import Params
from bot.funding.result import Cut, Funding, FundingParamsError, MissingFacts
from bot.money import cents, pct
from bot.profile import Profile

MODEL = "revenue_capped_loan"
SIZES = ("micro", "small", "medium", "large")


@dataclass(frozen=True)
class LoanRange:
    """The least and the most the firm can ask for, and what sets the most."""

    minimum: Decimal
    maximum: Decimal
    revenue_cap: Decimal
    size_cap: Decimal | None  # None: the size is unknown but cannot matter
    basis: str  # "average_last_two" | "last_balance_sheet"

    def to_dict(self) -> dict:
        return {"min": float(self.minimum), "max": float(self.maximum),
                "revenue_cap": float(self.revenue_cap),
                "size_cap": None if self.size_cap is None else float(self.size_cap),
                "revenue_basis": self.basis}


def compute(params: Mapping[str, Any], loan_terms: Mapping | None, profile: Profile,
            sme_class: str | None) -> Funding:
    p = Params(f"funding.params ({MODEL})", params)
    minimum, cap_pct = cents(p.amount("min_loan")), p.percent("revenue_cap_pct")
    flat_cap = p.amount("max_loan", optional=True)
    by_size = None if "max_loan_by_size" not in params else {
        size: cents(p.section("max_loan_by_size").amount(size)) for size in SIZES}
    if (flat_cap is None) == (by_size is None):
        raise FundingParamsError(f"{p.where}: give exactly one of max_loan and max_loan_by_size")
    small_up_to = p.amount("last_balance_sheet_up_to", optional=True)
    tiers = grant_share.read_tiers(params["grant_share"], f"{p.where}.grant_share") if "grant_share" in params else ()
    terms = LoanTerms.from_mapping(loan_terms) if loan_terms is not None else None

    span = _range(profile, sme_class, minimum, cap_pct, None if flat_cap is None else cents(flat_cap),
                  by_size, None if small_up_to is None else cents(small_up_to))
    assumptions = [] if span.basis == "average_last_two" else ["revenue_cap_on_last_balance_sheet"]
    if profile.investment_eur is None:
        request, cuts = span.maximum, ()
        assumptions.append("financing_at_maximum")
    else:
        request = cents(profile.investment_eur)
        cuts = (Cut("financing", request, span.maximum, "revenue_or_size_cap"),) if request > span.maximum else ()
    financing = min(request, span.maximum)
    below = financing < minimum

    share = None
    if tiers:
        from bot.rules.criteria import Context  # the rules import funding: import late

        share = grant_share.judge(tiers, Context(profile=profile, size=sme.size_range(profile)), financing)
    grant = share.amount if share else cents(0)
    loan = financing - grant
    plan = None
    if terms is not None and not below:
        choice = terms.choose(profile.loan_years, profile.preamortisation_months)
        plan, assumptions = terms.plan(loan, choice), assumptions + list(choice.assumptions)
    total = request
    return Funding(MODEL, total_eligible=total, grant=grant, loan=loan,
                   own_contribution=total - financing, aid_base=financing,
                   breakdown=(("financing_request", total), ("total_eligible", total)),
                   cuts=cuts, below_minimum=below, minimum=minimum, assumptions=tuple(assumptions),
                   loan_plan=plan, grant_pct=share.pct if share else Decimal(0),
                   loan_pct=None, loan_range=span, grant_share=share)


def _range(profile: Profile, sme_class: str | None, minimum: Decimal, cap_pct: Decimal,
           flat_cap: Decimal | None, by_size: dict[str, Decimal] | None,
           small_up_to: Decimal | None) -> LoanRange:
    caps = []  # (revenue cap, basis): the most each way of counting revenues allows
    if profile.average_revenues_eur is not None:
        caps.append((cents(profile.average_revenues_eur * pct(cap_pct)), "average_last_two"))
    if small_up_to is not None and profile.turnover_eur is not None:
        caps.append((min(small_up_to, cents(profile.turnover_eur * pct(cap_pct))), "last_balance_sheet"))
    if not caps:
        raise MissingFacts(["average_revenues_eur"])
    revenue_cap, basis = max(caps, key=lambda item: item[0])
    if flat_cap is not None:
        size_cap = flat_cap
    elif sme_class is not None:
        size_cap = by_size[sme_class]
    elif revenue_cap <= min(by_size.values()):
        size_cap = None  # the revenues bind before any size cap: the size cannot change the result
    else:
        raise MissingFacts(sme.missing_for_size(profile) or ["employees"])
    maximum = revenue_cap if size_cap is None else min(revenue_cap, size_cap)
    return LoanRange(minimum, maximum, revenue_cap, size_cap, basis)
