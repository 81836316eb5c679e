"""Repayment plans of subsidised loans: interest-only pre-amortisation, then amortisation.

The duration INCLUDES pre-amortisation (as in Verso Nuovi Mercati: "3-6 years, pre-amortisation
included"). During pre-amortisation each payment is the period's interest only; afterwards the
whole principal is repaid over the periods left, in one of two ways (the call's `amortisation`):
- "french" (Verso Nuovi Mercati): equal instalments, interest falling and capital rising;
- "equal_capital" (SIMEST Fondo 394/81: "rate semestrali a quota capitale costante"): the same
  capital every period plus the interest on the balance, so the payments fall.
Every row is rounded to the cent and the last instalment absorbs the rounding, so the principal
repaid sums exactly to the loan.

`loan_plan` is pure (any duration), so the chat can re-plan; `LoanTerms.choose` applies a call's
own bounds to what the user asked and says which defaults it assumed.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from typing import Any

from bot.funding.messages import input_error
from bot.funding.params import Params
from bot.funding.result import FundingParamsError, LoanPlan, PlanRow
from bot.money import ZERO, cents, to_decimal

# Enough digits that (1 + r) ** -n carries no error visible at the cent on any SME-sized loan.
_PRECISION = 50
_FREQUENCIES = (1, 2, 3, 4, 6, 12)  # payments per year that split a year into whole months
FRENCH, EQUAL_CAPITAL = "french", "equal_capital"
METHODS = (FRENCH, EQUAL_CAPITAL)


def loan_plan(principal, rate_pct, years: int, preamortisation_months: int,
              payments_per_year: int, method: str = FRENCH) -> LoanPlan:
    """The payment-by-payment plan; raises ValueError on a duration no plan can have."""
    if method not in METHODS:
        raise ValueError(f"method must be one of {METHODS}, got {method!r}")
    principal, rate_pct = cents(principal), to_decimal(rate_pct)
    if principal < 0 or rate_pct < 0:
        raise ValueError("principal and rate must not be negative")
    if payments_per_year not in _FREQUENCIES:
        raise ValueError(f"payments_per_year must divide the year into whole months, got {payments_per_year}")
    period_months = 12 // payments_per_year
    if years < 1 or preamortisation_months < 0 or preamortisation_months % period_months:
        raise ValueError("years must be >= 1 and pre-amortisation a whole number of periods")
    interest_only = preamortisation_months // period_months
    amortising = years * payments_per_year - interest_only
    if amortising < 1:
        raise ValueError("pre-amortisation must be shorter than the whole duration")
    if principal == 0:
        return LoanPlan(principal, rate_pct, years, preamortisation_months, payments_per_year,
                        instalment=ZERO, instalments=0, interest_only_payments=0,
                        total_interest=cents(0), rows=(), method=method)

    with localcontext() as ctx:
        ctx.prec = _PRECISION
        rate = rate_pct / Decimal(100) / payments_per_year
        rows = _interest_only_rows(principal, rate, interest_only)
        if method == FRENCH:
            instalment = _equal_instalment(principal, rate, amortising)
            rows += _amortising_rows(principal, rate, instalment, amortising, first_n=interest_only + 1)
        else:
            rows += _equal_capital_rows(principal, rate, amortising, first_n=interest_only + 1)
            instalment = rows[interest_only].payment  # the first (largest) one
    return LoanPlan(principal, rate_pct, years, preamortisation_months, payments_per_year,
                    instalment=instalment, instalments=amortising,
                    interest_only_payments=interest_only,
                    total_interest=sum((row.interest for row in rows), cents(0)), rows=tuple(rows),
                    method=method)


def _equal_instalment(principal: Decimal, rate: Decimal, count: int) -> Decimal:
    if rate == 0:
        return cents(principal / count)
    return cents(principal * rate / (1 - (1 + rate) ** -count))


def _interest_only_rows(principal: Decimal, rate: Decimal, count: int) -> list[PlanRow]:
    interest = cents(principal * rate)
    return [PlanRow(n, "interest", interest, interest, cents(0), principal) for n in range(1, count + 1)]


def _amortising_rows(principal: Decimal, rate: Decimal, instalment: Decimal, count: int,
                     first_n: int) -> list[PlanRow]:
    rows, balance = [], principal
    for k in range(count):
        interest = cents(balance * rate)
        last = k == count - 1
        # min(): on loans of a few cents the rounded instalment could overshoot the balance
        repaid = balance if last else min(instalment - interest, balance)
        balance -= repaid
        rows.append(PlanRow(first_n + k, "instalment", interest + repaid, interest, repaid, balance))
    return rows


def _equal_capital_rows(principal: Decimal, rate: Decimal, count: int, first_n: int) -> list[PlanRow]:
    share = cents(principal / count)
    rows, balance = [], principal
    for k in range(count):
        interest = cents(balance * rate)
        repaid = balance if k == count - 1 else min(share, balance)
        balance -= repaid
        rows.append(PlanRow(first_n + k, "instalment", interest + repaid, interest, repaid, balance))
    return rows


@dataclass(frozen=True)
class LoanChoice:
    years: int
    preamortisation_months: int
    assumptions: tuple[str, ...]


@dataclass(frozen=True)
class LoanTerms:
    """A call's `loan:` section: rate_pct, min_years, max_years, max_preamortisation_months,
    payments_per_year (all required); amortisation (default french) and
    min_preamortisation_months (default 0: a call that fixes it sets both bounds equal)."""

    rate_pct: Decimal
    min_years: int
    max_years: int
    max_preamortisation_months: int
    payments_per_year: int
    amortisation: str = FRENCH
    min_preamortisation_months: int = 0

    @classmethod
    def from_mapping(cls, raw: Any) -> "LoanTerms":
        p = Params("loan", raw)
        method = p.choice("amortisation", METHODS) if "amortisation" in raw else FRENCH
        low = p.integer("min_preamortisation_months") if "min_preamortisation_months" in raw else 0
        terms = cls(p.percent("rate_pct"), p.integer("min_years", low=1), p.integer("max_years", low=1),
                    p.integer("max_preamortisation_months"), p.integer("payments_per_year", low=1),
                    method, low)
        if terms.min_years > terms.max_years:
            raise FundingParamsError("loan: min_years is above max_years")
        if terms.payments_per_year not in _FREQUENCIES:
            raise FundingParamsError(f"loan.payments_per_year: must be one of {_FREQUENCIES}")
        if terms.min_preamortisation_months > terms.max_preamortisation_months:
            raise FundingParamsError("loan: min_preamortisation_months is above max_preamortisation_months")
        return terms

    @property
    def period_months(self) -> int:
        return 12 // self.payments_per_year

    def choose(self, years: int | None, preamortisation_months: int | None) -> LoanChoice:
        """The user's duration checked against the call; absent choices default to the longest
        duration and no pre-amortisation (the cheapest instalment, with nothing postponed)."""
        assumptions = []
        if years is None:
            years = self.max_years
            if self.min_years != self.max_years:  # a call that fixes the duration leaves nothing assumed
                assumptions.append("loan_years_default_max")
        if preamortisation_months is None:
            preamortisation_months = self.min_preamortisation_months
            if self.min_preamortisation_months != self.max_preamortisation_months:  # else the call fixes it
                assumptions.append("preamortisation_default_zero" if preamortisation_months == 0
                                   else "preamortisation_default_min")
        if not self.min_years <= years <= self.max_years:
            raise input_error("loan_years", "funding.loan_years_range",
                              min_years=self.min_years, max_years=self.max_years)
        if preamortisation_months % self.period_months:
            raise input_error("preamortisation_months", "funding.preamortisation_step",
                              period_months=self.period_months)
        if preamortisation_months < self.min_preamortisation_months:
            raise input_error("preamortisation_months", "funding.preamortisation_floor",
                              min_months=self.min_preamortisation_months)
        if preamortisation_months > self.max_preamortisation_months:
            raise input_error("preamortisation_months", "funding.preamortisation_cap",
                              max_months=self.max_preamortisation_months)
        if preamortisation_months >= years * 12:
            raise input_error("preamortisation_months", "funding.preamortisation_within_duration",
                              months=preamortisation_months, years=years)
        return LoanChoice(years, preamortisation_months, tuple(assumptions))

    def plan(self, principal, choice: LoanChoice) -> LoanPlan:
        return loan_plan(principal, self.rate_pct, choice.years, choice.preamortisation_months,
                         self.payments_per_year, self.amortisation)


def plan_within_terms(principal, loan_terms: Any, years: int | None = None,
                      preamortisation_months: int | None = None) -> tuple[LoanPlan, tuple[str, ...]]:
    """Re-plan a call's loan for another duration (the chat's "what if 4 years?"), within its bounds."""
    terms = LoanTerms.from_mapping(loan_terms)
    choice = terms.choose(years, preamortisation_months)
    return terms.plan(principal, choice), choice.assumptions
