"""How much a call gives a firm: one calculator ("model") per way calls compute their aid.

A call file names its model and params in its `funding:` section; the params of each model are
documented in its module (flat_rate_mixed, fairs, investment, soft_loan: revenue_capped_loan).
Model "none" means the aid cannot be computed (an announced call, or one whose rate is NOT
FOUND): compute() returns None.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

from bot.funding import fairs, flat_rate_mixed, investment, soft_loan
from bot.funding.loan import LoanTerms, loan_plan, plan_within_terms
from bot.funding.result import (Cut, Funding, FundingInputError, FundingParamsError, LoanPlan,
                                MissingFacts, PlanRow)
from bot.profile import Profile

__all__ = ["compute", "loan_plan", "plan_within_terms", "MODELS", "Cut", "Funding",
           "FundingInputError", "FundingParamsError", "LoanPlan", "LoanTerms", "MissingFacts",
           "PlanRow"]

Calculator = Callable[[Mapping[str, Any], "Mapping | None", Profile, "str | None"], Funding]

MODELS: dict[str, Calculator | None] = {
    "flat_rate_mixed": flat_rate_mixed.compute,
    "fair_grant_by_exhibitor": fairs.grant_by_exhibitor,
    "fair_area_flat_rate": fairs.area_flat_rate,
    "percent_of_investment": investment.compute,
    "revenue_capped_loan": soft_loan.compute,
    "none": None,
}


def compute(funding: Mapping, loan_terms: Mapping | None, profile: Profile,
            sme_class: str | None) -> Funding | None:
    """The aid for this profile, or None when the call's aid cannot be computed.

    Raises MissingFacts (keys to ask, in order), FundingInputError (a user's choice the call does
    not allow) or FundingParamsError (a malformed call file)."""
    if not isinstance(funding, Mapping) or "model" not in funding:
        raise FundingParamsError("funding: must be a mapping with a 'model'")
    name = funding["model"]
    if name not in MODELS:
        raise FundingParamsError(f"funding.model: unknown model {name!r} (known: {', '.join(MODELS)})")
    calculator = MODELS[name]
    if calculator is None:
        return None
    return calculator(funding.get("params") or {}, loan_terms, profile, sme_class)


def check_params(funding: Mapping) -> None:
    """Raise FundingParamsError when a call file's funding section is malformed.

    Every model reads all its params before it looks at the profile, so running it on an empty
    profile checks them: MissingFacts then only means the params were fine.
    """
    try:
        compute(funding, None, Profile(), None)
    except MissingFacts:
        pass
