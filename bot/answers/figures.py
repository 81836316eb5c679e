"""A call's headline figures (shares, ceilings, minimums), read from its funding section.

Where the engine can compute them it does (the ceiling of a flat-rate call is the engine run on
an unlimited project), so an answer never restates a rule the engine already owns; where a
model cannot compute (model "none") the file's `limits` give them, each with its sources.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.catalogue import Call
from bot.funding import Funding, compute
from bot.money import to_decimal
from bot.profile import MAX_MONEY, Profile, VnmExpenses

FLAT_RATE_MIXED, PERCENT_OF_INVESTMENT = "flat_rate_mixed", "percent_of_investment"
FAIR_AREA, FAIR_EXHIBITOR = "fair_area_flat_rate", "fair_grant_by_exhibitor"
FAIR_MODELS = (FAIR_AREA, FAIR_EXHIBITOR)


def _dec(value) -> Decimal | None:
    return None if value is None else to_decimal(value)


@dataclass(frozen=True)
class Figures:
    grant_pct: Decimal | None = None
    loan_pct: Decimal | None = None
    max_grant: Decimal | None = None  # for fairs: the larger of the exhibitor caps
    max_loan: Decimal | None = None
    min_loan: Decimal | None = None
    max_eligible: Decimal | None = None  # the most expense the aid is computed on
    min_project: Decimal | None = None  # the least eligible expense (or investment) accepted
    max_grant_by_exhibitor: dict | None = None

    @property
    def aid_pct(self) -> Decimal | None:
        if self.grant_pct is None and self.loan_pct is None:
            return None
        return (self.grant_pct or 0) + (self.loan_pct or 0)

    @property
    def own_pct(self) -> Decimal | None:
        aid = self.aid_pct
        return None if aid is None else 100 - aid


def ceiling(call: Call) -> Funding | None:
    """The engine on the largest project a flat-rate call can fund."""
    if call.funding["model"] != FLAT_RATE_MIXED:
        return None
    return compute(call.funding, None, Profile(vnm_expenses=VnmExpenses(0, MAX_MONEY, 0)), None)


def of(call: Call) -> Figures:
    model = call.funding["model"]
    params = dict(call.funding.get("params") or {})
    limits = {k: _dec(v) for k, v in (call.funding.get("limits") or {}).items() if k != "sources"}
    if model == FLAT_RATE_MIXED:
        top = ceiling(call)
        return Figures(grant_pct=_dec(params.get("grant_pct")), loan_pct=_dec(params.get("loan_pct")),
                       max_grant=top.grant, max_loan=top.loan, max_eligible=top.aid_base,
                       min_project=_dec(params.get("minimum_total")))
    if model == PERCENT_OF_INVESTMENT:
        pct, kind = _dec(params.get("pct")), params.get("kind")
        top, low = _dec(params.get("max_amount")), _dec(params.get("min_amount"))
        return Figures(grant_pct=pct if kind == "grant" else None, loan_pct=pct if kind == "loan" else None,
                       max_grant=top if kind == "grant" else None, max_loan=top if kind == "loan" else None,
                       min_loan=low if kind == "loan" else None, min_project=_dec(params.get("minimum_investment")))
    if model == FAIR_AREA:
        caps = {k: _dec(v) for k, v in (params.get("max_grant") or {}).items()}
        return Figures(grant_pct=_dec(params.get("grant_pct")), max_grant=max(caps.values()) if caps else None,
                       max_grant_by_exhibitor=caps or None, min_project=_dec(params.get("minimum_total")))
    if model == FAIR_EXHIBITOR:
        caps = {kind: _dec((params.get(kind) or {}).get("max_grant")) for kind in ("new", "frequent") if params.get(kind)}
        return Figures(max_grant=max(caps.values()) if caps else None, max_grant_by_exhibitor=caps or None,
                       min_project=_dec(params.get("minimum_expenses")))
    return Figures(grant_pct=limits.get("grant_pct"), loan_pct=limits.get("loan_pct"),
                   max_grant=limits.get("max_grant"), max_loan=limits.get("max_loan"),
                   min_loan=limits.get("min_loan"), max_eligible=limits.get("max_project"),
                   min_project=limits.get("min_project"))
