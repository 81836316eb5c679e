"""Money is Decimal everywhere in the engine; rounding to cents happens once, at the edge."""
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
ZERO = Decimal("0")
# A number's text and size are bounded before any arithmetic: Decimal computes "1e300000" ** 2
# or its quantize() exactly, which takes seconds (or overflows) and holds the action server.
# 10^15 € is beyond any firm and any call; a person's longest figure is "1.000.000.000,00".
MAX_NUMBER_TEXT = 40
MAX_EXPONENT = 15


class NumberOutOfRange(ValueError):
    """A figure too long, too large or too small to be anything a person meant."""


def to_decimal(value) -> Decimal:
    """Exact conversion: floats go through str() so 0.1 stays 0.1, not its binary neighbour.

    Raises ValueError (NumberOutOfRange) for values outside +-10^15 or finer than 10^-15, and
    decimal.InvalidOperation for text that is not a number; NaN and infinities pass through for
    the caller's is_finite() check."""
    if isinstance(value, bool):
        raise TypeError("a boolean is not an amount")
    if isinstance(value, str) and len(value) > MAX_NUMBER_TEXT:
        raise NumberOutOfRange("the number's text is too long")
    number = value if isinstance(value, Decimal) else Decimal(str(value) if isinstance(value, float) else value)
    if number.is_finite() and number and not -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT:
        raise NumberOutOfRange("the number is out of range")
    return number


def cents(value) -> Decimal:
    """Round half-up to the cent, the convention of Italian grant decrees and bank plans."""
    return to_decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def pct(value) -> Decimal:
    """A percentage from the catalogue (e.g. 20) as a fraction (0.20)."""
    return to_decimal(value) / Decimal(100)
