"""Enterprise size under EU Recommendation 2003/361/EC (Annex I of Reg. 651/2014).

A class needs the headcount and at least one financial ceiling: an enterprise meets a class
when its staff is under the class limit and EITHER its turnover OR its balance sheet total is
within the class ceiling. With one financial figure missing the class may still be settled
(the known figure already fits the class the headcount imposes), so the result is a range.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot import texts
from bot.profile import Profile

CLASSES = ("micro", "small", "medium", "large")
SME_CLASSES = CLASSES[:3]

# (class, staff strictly below, turnover at most, balance sheet at most) — Annex I, art. 2.
_CEILINGS = (
    ("micro", 10, Decimal("2000000"), Decimal("2000000")),
    ("small", 50, Decimal("10000000"), Decimal("10000000")),
    ("medium", 250, Decimal("50000000"), Decimal("43000000")),
)
SOURCE = "EU Recommendation 2003/361/EC, Annex art. 2; Annex I of Reg. (EU) 651/2014"


@dataclass(frozen=True)
class SizeRange:
    """The smallest and largest class the known facts allow (equal when settled)."""

    lowest: str | None
    highest: str | None

    @property
    def settled(self) -> str | None:
        return self.lowest if self.lowest == self.highest else None

    @property
    def surely_sme(self) -> bool:
        return self.highest in SME_CLASSES

    @property
    def surely_large(self) -> bool:
        return self.lowest == "large"


def _rank(name: str) -> int:
    return CLASSES.index(name)


def _by_staff(employees: int) -> str:
    return next((name for name, staff, _, _ in _CEILINGS if employees < staff), "large")


def _by_money(amount: Decimal, column: int) -> str:
    return next((row[0] for row in _CEILINGS if amount <= row[column]), "large")


def size_range(profile: Profile) -> SizeRange:
    if profile.employees is None:
        return SizeRange(None, None)
    by_staff = _by_staff(profile.employees)
    if by_staff == "large":
        return SizeRange("large", "large")
    known = [
        _by_money(amount, column)
        for amount, column in ((profile.turnover_eur, 2), (profile.balance_sheet_eur, 3))
        if amount is not None
    ]
    if not known:
        return SizeRange(by_staff, "large")
    best_known = min(known, key=_rank)
    highest = max(by_staff, best_known, key=_rank)
    # With one figure missing it could still be the lower one that counts.
    lowest = highest if len(known) == 2 else by_staff
    return SizeRange(lowest, highest)


def size_class(profile: Profile) -> str | None:
    return size_range(profile).settled


def missing_for_size(profile: Profile) -> list[str]:
    """The input keys that would settle the class, in the order to ask them."""
    if profile.employees is None:
        missing = ["employees"]
        if profile.turnover_eur is None and profile.balance_sheet_eur is None:
            missing.append("turnover_eur")
        return missing
    if size_range(profile).settled:
        return []
    return [key for key in ("turnover_eur", "balance_sheet_eur") if not profile.has(key)]


def warnings(profile: Profile) -> list[dict[str, str]]:
    """Why the computed class may not be the legal one."""
    if profile.partner_or_linked:
        return [texts.both("sme.warning.partner_or_linked")]
    return []
