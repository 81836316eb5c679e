"""Money is Decimal everywhere in the engine; rounding to cents happens once, at the edge."""
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")


def to_decimal(value) -> Decimal:
    """Exact conversion: floats go through str() so 0.1 stays 0.1, not its binary neighbour."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise TypeError("a boolean is not an amount")
    if isinstance(value, float):
        return Decimal(str(value))
    return Decimal(value)


def cents(value) -> Decimal:
    """Round half-up to the cent, the convention of Italian grant decrees and bank plans."""
    return to_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def pct(value) -> Decimal:
    """A percentage from the catalogue (e.g. 20) as a fraction (0.20)."""
    return to_decimal(value) / Decimal(100)
