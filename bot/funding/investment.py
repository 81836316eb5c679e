"""Model `percent_of_investment`: a grant or a loan equal to a share of the investment, capped.

Used by Linea Internazionalizzazione 2019 (loan 80%, 50,000-500,000, minimum project 62,500)
and Investimenti per la Ripresa 2021 (grant 50% up to 40,000, minimum investment 15,000)
(FACTS.md §2). Params:
    kind: grant | loan
    pct: 80
    min_amount: 50000          # or null: an amount below it makes the project ineligible
    max_amount: 500000         # or null for no cap
    minimum_investment: 62500  # or null
Input: profile.investment_eur. A loan gets a repayment plan only when the call has a `loan:`
section (Linea 2019's instalment frequency is NOT FOUND, so it has none).
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from bot.funding.loan import LoanTerms
from bot.funding.params import Params
from bot.funding.result import Cut, Funding, MissingFacts
from bot.money import cents, pct
from bot.profile import Profile

MODEL = "percent_of_investment"


def compute(params: Mapping[str, Any], loan_terms: Mapping | None, profile: Profile,
            sme_class: str | None) -> Funding:
    p = Params(f"funding.params ({MODEL})", params)
    kind, rate = p.choice("kind", ("grant", "loan")), p.percent("pct")
    min_amount, max_amount, minimum = (_cents_or_none(p.amount(name, optional=True))
                                       for name in ("min_amount", "max_amount", "minimum_investment"))
    terms = None if loan_terms is None or kind != "loan" else LoanTerms.from_mapping(loan_terms)

    if profile.investment_eur is None:
        raise MissingFacts(["investment_eur"])
    investment = cents(profile.investment_eur)
    amount, cuts = cents(investment * pct(rate)), ()
    if max_amount is not None and amount > max_amount:
        amount, cuts = max_amount, (Cut(kind, amount, max_amount, f"{kind}_cap"),)
    below = (minimum is not None and investment < minimum) or (min_amount is not None and amount < min_amount)

    plan, assumptions = None, ()
    if terms is not None:
        choice = terms.choose(profile.loan_years, profile.preamortisation_months)
        plan, assumptions = terms.plan(amount, choice), choice.assumptions
    grant, loan = (amount, cents(0)) if kind == "grant" else (cents(0), amount)
    return Funding(MODEL, total_eligible=investment, grant=grant, loan=loan,
                   own_contribution=investment - amount, aid_base=investment,
                   breakdown=(("investment", investment), ("total_eligible", investment)),
                   cuts=cuts, below_minimum=below, minimum=minimum, assumptions=assumptions,
                   loan_plan=plan, grant_pct=rate if kind == "grant" else Decimal(0),
                   loan_pct=rate if kind == "loan" else Decimal(0))


def _cents_or_none(value: Decimal | None) -> Decimal | None:
    return None if value is None else cents(value)
