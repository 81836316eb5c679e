"""Reading a call file's `funding.params` and `loan` sections, failing loudly on catalogue mistakes.

YAML numbers arrive as int, float or str; they become exact Decimals through bot.money.to_decimal.
A malformed section raises FundingParamsError naming the call section and key, so a typo in a
call file is caught by the catalogue tests rather than shown to a firm as a wrong figure.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Mapping

from bot.funding.result import FundingParamsError
from bot.money import to_decimal


class Params:
    def __init__(self, where: str, raw: Any):
        if not isinstance(raw, Mapping):
            raise FundingParamsError(f"{where}: must be a mapping")
        self.where = where
        self.raw = raw

    def _get(self, name: str) -> Any:
        if name not in self.raw:
            raise FundingParamsError(f"{self.where}.{name}: is required")
        return self.raw[name]

    def number(self, name: str, optional: bool = False) -> Decimal | None:
        raw = self.raw.get(name) if optional else self._get(name)
        if raw is None:
            if optional:
                return None
            raise FundingParamsError(f"{self.where}.{name}: must be a number")
        try:
            value = to_decimal(raw)
        except (InvalidOperation, ValueError, TypeError):
            raise FundingParamsError(f"{self.where}.{name}: must be a number, got {raw!r}") from None
        if not value.is_finite() or value < 0:
            raise FundingParamsError(f"{self.where}.{name}: must be a finite number >= 0, got {raw!r}")
        return value

    def amount(self, name: str, optional: bool = False) -> Decimal | None:
        return self.number(name, optional)

    def percent(self, name: str) -> Decimal:
        """A percentage as written in the call (20 means 20%), checked to lie in 0-100."""
        value = self.number(name)
        if value > 100:
            raise FundingParamsError(f"{self.where}.{name}: a percentage must be at most 100, got {value}")
        return value

    def integer(self, name: str, low: int = 0) -> int:
        value = self.number(name)
        if value != value.to_integral_value() or value < low:
            raise FundingParamsError(f"{self.where}.{name}: must be a whole number >= {low}, got {value}")
        return int(value)

    def choice(self, name: str, options: tuple[str, ...]) -> str:
        value = self._get(name)
        if value not in options:
            raise FundingParamsError(f"{self.where}.{name}: must be one of {', '.join(options)}, got {value!r}")
        return value

    def section(self, name: str) -> "Params":
        return Params(f"{self.where}.{name}", self._get(name))

    def names(self, name: str) -> list[str]:
        value = self._get(name)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise FundingParamsError(f"{self.where}.{name}: must be a list of names")
        return value
