"""How numbers, money, dates and plurals look to a reader of each language, through Babel (the
CLDR data Rasa already installs): 21.828,00 € and 9 settembre 2025 in Italian, €21,828.00 and
9 September 2025 in English. Amounts are rounded to cents here, once, at the edge.

Babel puts a no-break space between an Italian amount and its "€", so a chat line never breaks
inside an amount.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

from bot.money import cents, to_decimal

LOCALES = {"it": "it_IT", "en": "en_GB"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["it"])


def number(lang: str, value, places: int | None = None) -> str:
    """Grouped digits; by default as many decimals as the value has (at most 2)."""
    value = to_decimal(value)
    if places is None:
        places = min(2, max(0, -value.normalize().as_tuple().exponent))
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value.quantize(Decimal(1).scaleb(-places)), format=pattern, locale=_locale(lang))


def money(lang: str, value) -> str:
    return format_currency(cents(value), "EUR", locale=_locale(lang))


def percent(lang: str, value) -> str:
    return f"{number(lang, value)}%"


def date(lang: str, day: dt.date) -> str:
    return format_date(day, format="long", locale=_locale(lang))


def month(lang: str, year_month: str) -> str:
    """"2025-09" as "September 2025" / "settembre 2025" (a figure read on a month, day unknown)."""
    day = dt.date.fromisoformat(f"{year_month}-01")
    return format_date(day, format="LLLL y", locale=_locale(lang))


def plural_form(lang: str, count) -> str:
    """CLDR's plural category of `count` in the language: "one" or "other" for it and en."""
    value = to_decimal(count)
    whole = value == value.to_integral_value()
    return Locale.parse(_locale(lang)).plural_form(int(value) if whole else float(value))
