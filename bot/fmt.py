"""How numbers, money and dates look to a reader of each language.

Italian: 21.828,00 € and 9 settembre 2025; English: €21,828.00 and 9 September 2025.
Kept by hand rather than through Babel because these three shapes are all we print and the
tests pin them to the character.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bot.money import cents, to_decimal

_MONTHS = {
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def _grouped(value: Decimal, places: int, thousands: str, decimal_mark: str) -> str:
    text = f"{abs(value):,.{places}f}"  # 1,234.50
    whole, _, fraction = text.partition(".")
    whole = whole.replace(",", thousands)
    sign = "-" if value < 0 else ""
    return sign + (f"{whole}{decimal_mark}{fraction}" if places else whole)


def number(lang: str, value, places: int | None = None) -> str:
    """Grouped digits; by default as many decimals as the value has (at most 2)."""
    value = to_decimal(value)
    if places is None:
        places = min(2, max(0, -value.normalize().as_tuple().exponent))
    if lang == "it":
        return _grouped(value, places, ".", ",")
    return _grouped(value, places, ",", ".")


def money(lang: str, value) -> str:
    amount = cents(value)
    if lang == "it":
        return f"{_grouped(amount, 2, '.', ',')} €"
    sign = "-" if amount < 0 else ""
    return f"{sign}€{_grouped(abs(amount), 2, ',', '.')}"


def percent(lang: str, value) -> str:
    return f"{number(lang, value)}%"


def date(lang: str, day: dt.date) -> str:
    return f"{day.day} {_MONTHS['it' if lang == 'it' else 'en'][day.month - 1]} {day.year}"
