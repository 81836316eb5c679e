"""Flat-rate staff and indirect costs on top of direct costs (EU Reg. 2021/1060, arts. 54(a), 55).

Staff = staff% of the direct costs; indirect = indirect% of (direct + staff). Both Lombardy calls
that use flat rates (Verso Nuovi Mercati, Fiere 2024-2026) follow this pattern (FACTS.md §1, §3).
Each line is rounded to the cent and the total is the sum of the rounded lines, so the breakdown
shown to the user adds up exactly.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.money import cents, pct


@dataclass(frozen=True)
class FlatRates:
    staff_pct: Decimal
    indirect_pct: Decimal

    def lines(self, direct: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        """(staff, indirect, total) for cent-rounded direct costs."""
        staff = cents(direct * pct(self.staff_pct))
        indirect = cents((direct + staff) * pct(self.indirect_pct))
        return staff, indirect, direct + staff + indirect

    def total(self, direct: Decimal) -> Decimal:
        return self.lines(direct)[2]

    @property
    def multiplier(self) -> Decimal:
        """Total over direct costs before rounding (1.284 for 20% and 7%)."""
        return (1 + pct(self.staff_pct)) * (1 + pct(self.indirect_pct))
