"""The grant share of a subsidised loan that only some firms earn (SIMEST Fondo 394/81).

SIMEST turns up to 10% of the financing (at most €100,000) into a grant, and up to 20% (at most
€200,000) in some cases, but only for firms meeting one of the listed criteria (CURRENT_2026.md
§2.0). A call file lists them as `grant_share.tiers`, each with its `routes`: criteria written
like the call's own (`at_least`, `is_true`, `holds_any`...), plus `condition` routes the bot
cannot check (an operating site in the South, Western Balkans interests...); a tier without
routes is for every firm (the 10% of the Central/South America measure). The routes are
judged by the same evaluators as the eligibility criteria (bot.rules.criteria), so a rule such as
"export share at least 20%" is written once.

The estimate stays on the safe side: the grant counts only when a checkable route passes; a tier
whose routes are still unknown or to be verified is reported as possible, never added in.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping

from bot.funding.params import Params
from bot.funding.result import FundingParamsError
from bot.money import cents, pct

EARNED, POSSIBLE, NOT_EARNED = "earned", "possible", "not_earned"


@dataclass(frozen=True)
class Tier:
    id: str
    pct: Decimal
    max_eur: Decimal
    routes: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True)
class TierResult:
    tier: Tier
    state: str  # EARNED | POSSIBLE | NOT_EARNED
    checks: tuple[Any, ...]  # bot.rules.criteria.Check, one per route

    def amount_on(self, financing: Decimal) -> Decimal:
        return min(cents(financing * pct(self.tier.pct)), self.tier.max_eur)

    def to_dict(self, financing: Decimal) -> dict:
        # The routes that earned the tier, or those still open (unknown or to verify): failed ones say nothing.
        shown = "pass" if self.state == EARNED else "unknown"
        return {"tier": self.tier.id, "pct": float(self.tier.pct), "max_eur": float(self.tier.max_eur),
                "state": self.state, "amount_if_earned": float(self.amount_on(financing)),
                "routes": [check.to_dict() for check in self.checks if check.result == shown]}


@dataclass(frozen=True)
class GrantShare:
    """Which tier the firm earns (if any) and which higher ones it might still earn."""

    earned: TierResult | None
    possible: tuple[TierResult, ...]  # tiers above the earned one with routes unknown or to verify
    financing: Decimal

    @property
    def pct(self) -> Decimal:
        return self.earned.tier.pct if self.earned else Decimal(0)

    @property
    def amount(self) -> Decimal:
        return self.earned.amount_on(self.financing) if self.earned else cents(0)

    @property
    def missing(self) -> list[str]:
        """Profile facts that could earn a higher tier (conditions are told, not asked)."""
        keys = [key for result in self.possible for check in result.checks if check.result == "unknown"
                for key in check.missing]
        return list(dict.fromkeys(keys))

    @property
    def to_verify(self) -> list[dict[str, str]]:
        """The routes the bot cannot check that could earn a higher tier, worded to be confirmed."""
        return [check.reason for result in self.possible for check in result.checks
                if check.result == "unknown" and not check.missing]

    def to_dict(self) -> dict:
        return {"state": EARNED if self.earned else (POSSIBLE if self.possible else NOT_EARNED),
                "pct": float(self.pct), "amount": float(self.amount),
                "earned": self.earned.to_dict(self.financing) if self.earned else None,
                "possible": [result.to_dict(self.financing) for result in self.possible],
                "missing": self.missing, "to_verify": self.to_verify}


def read_tiers(raw: Any, where: str) -> tuple[Tier, ...]:
    p = Params(where, raw)
    tiers_raw = p._get("tiers")
    if not isinstance(tiers_raw, list) or not tiers_raw:
        raise FundingParamsError(f"{where}.tiers: must be a non-empty list")
    tiers = []
    for index, item in enumerate(tiers_raw):
        t = Params(f"{where}.tiers.{index}", item)
        routes = item.get("routes", [])  # none: the tier is for every firm
        if not isinstance(routes, list) or ("routes" in item and not routes):
            raise FundingParamsError(f"{where}.tiers.{index}.routes: must be a non-empty list")
        tiers.append(Tier(str(t._get("id")), t.percent("pct"), cents(t.amount("max_eur")), tuple(routes)))
    if [tier.pct for tier in tiers] != sorted(tier.pct for tier in tiers):
        raise FundingParamsError(f"{where}.tiers: must be listed from the lowest share to the highest")
    return tuple(tiers)


def judge(tiers: tuple[Tier, ...], ctx, financing: Decimal) -> GrantShare:
    """`ctx` is a bot.rules.criteria.Context (the profile and its size)."""
    from bot.rules.criteria import FAIL, PASS, evaluate  # the rules import funding: import late

    results = []
    for tier in tiers:
        checks = tuple(evaluate(route, ctx) for route in tier.routes)
        outcomes = {check.result for check in checks}
        if not tier.routes or PASS in outcomes:
            state = EARNED
        else:
            state = NOT_EARNED if outcomes == {FAIL} else POSSIBLE
        results.append(TierResult(tier, state, checks))
    earned = next((r for r in reversed(results) if r.state == EARNED), None)
    above = results[results.index(earned) + 1:] if earned else results
    return GrantShare(earned, tuple(r for r in above if r.state == POSSIBLE), financing)
