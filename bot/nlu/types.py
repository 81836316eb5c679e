"""What the NLU hands the dialogue: entities with character offsets, as Rasa expects them."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True, order=True)
class Entity:
    start: int
    end: int
    entity: str
    value: str
    role: str | None = None

    def as_rasa(self) -> dict[str, Any]:
        found: dict[str, Any] = {"entity": self.entity, "start": self.start, "end": self.end, "value": self.value}
        if self.role:
            found["role"] = self.role
        return found


def plain(value: Decimal) -> str:
    """A decimal as people write it in a program: "4000000", "30000.5", "33.33" (no exponent)."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text
