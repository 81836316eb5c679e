"""What a funding computation returns, and the ways it can refuse to compute.

Amounts are Decimals already rounded to cents: the calculators round once, when they build
these objects, so whoever shows them never rounds again. Sequences are tuples because the
results are frozen; `to_dict()` gives JSON-ready lists and floats.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Sequence


class MissingFacts(Exception):
    """Profile facts the computation needs, as input keys in the order a person should be asked."""

    def __init__(self, keys: Sequence[str]):
        super().__init__("missing facts: " + ", ".join(keys))
        self.keys = list(keys)


class FundingInputError(ValueError):
    """A fact given by the user that the call does not allow (e.g. a loan of 8 years when it allows 3-6)."""

    def __init__(self, field: str, message_it: str, message_en: str):
        super().__init__(f"{field}: {message_en}")
        self.field = field
        self.message_it = message_it
        self.message_en = message_en


class FundingParamsError(ValueError):
    """The call file's funding or loan section is malformed: a catalogue mistake, not the user's."""


@dataclass(frozen=True)
class Cut:
    """An amount a cap reduced: `rule` is a stable id the texts explain (e.g. "training_cap")."""

    item: str
    requested: Decimal
    allowed: Decimal
    rule: str

    def to_dict(self) -> dict:
        return {"item": self.item, "requested": float(self.requested),
                "allowed": float(self.allowed), "rule": self.rule}


@dataclass(frozen=True)
class PlanRow:
    """One payment of a loan plan; `kind` is "interest" (pre-amortisation) or "instalment"."""

    n: int
    kind: str
    payment: Decimal
    interest: Decimal
    principal: Decimal
    balance: Decimal

    def to_dict(self) -> dict:
        return {"n": self.n, "kind": self.kind, "payment": float(self.payment),
                "interest": float(self.interest), "principal": float(self.principal),
                "balance": float(self.balance)}


@dataclass(frozen=True)
class LoanPlan:
    principal: Decimal
    rate_pct: Decimal
    years: int
    preamortisation_months: int
    payments_per_year: int
    instalment: Decimal  # the equal amortising payment; the last one may differ by rounding cents
    instalments: int  # how many amortising payments
    interest_only_payments: int
    total_interest: Decimal
    rows: tuple[PlanRow, ...]
    method: str = "french"  # or "equal_capital" (then `instalment` is the first, largest payment)

    def to_dict(self) -> dict:
        return {"principal": float(self.principal), "rate_pct": float(self.rate_pct),
                "amortisation": self.method,
                "years": self.years, "preamortisation_months": self.preamortisation_months,
                "payments_per_year": self.payments_per_year,
                "instalment": float(self.instalment), "instalments": self.instalments,
                "interest_only_payments": self.interest_only_payments,
                "total_interest": float(self.total_interest),
                "plan": [row.to_dict() for row in self.rows]}


@dataclass(frozen=True)
class Funding:
    """The aid a call gives a firm: grant + loan + own_contribution == total_eligible, to the cent."""

    model: str
    total_eligible: Decimal
    grant: Decimal
    loan: Decimal
    own_contribution: Decimal
    aid_base: Decimal  # the amount the aid rates apply to (the total, or the call's ceiling)
    breakdown: tuple[tuple[str, Decimal], ...]  # (line_id, amount), in the order to show them
    cuts: tuple[Cut, ...] = ()
    below_minimum: bool = False
    minimum: Decimal | None = None
    assumptions: tuple[str, ...] = ()
    loan_plan: LoanPlan | None = None
    grant_pct: Decimal | None = None  # effective rate, bonuses included, before any cap
    loan_pct: Decimal | None = None
    loan_range: Any = None  # soft_loan.LoanRange: the least and most a revenue-capped loan allows
    grant_share: Any = None  # grant_share.GrantShare: the tier earned and those still possible

    def to_dict(self) -> dict:
        data = {
            "model": self.model,
            "total_eligible": float(self.total_eligible),
            "grant": float(self.grant),
            "loan": float(self.loan),
            "own_contribution": float(self.own_contribution),
            "aid_base": float(self.aid_base),
            "breakdown": [{"item": item, "amount": float(amount)} for item, amount in self.breakdown],
            "cuts": [cut.to_dict() for cut in self.cuts],
            "below_minimum": self.below_minimum,
            "minimum": None if self.minimum is None else float(self.minimum),
            "assumptions": list(self.assumptions),
            "grant_pct": None if self.grant_pct is None else float(self.grant_pct),
            "loan_pct": None if self.loan_pct is None else float(self.loan_pct),
        }
        if self.loan_range is not None:
            data["loan_range"] = self.loan_range.to_dict()
        if self.grant_share is not None:
            data["grant_share"] = self.grant_share.to_dict()
        if self.loan_plan is not None:
            plan = self.loan_plan.to_dict()
            del plan["principal"]  # the same figure as "loan"
            data.update(plan)
        return data
