"""Numbers, amounts, percentages and places as people type them in a chat, Italian or English.

"30k", "30.000", "€ 30.000,00", "1,5 mln", "1.2M", "30%", "il 30 per cento", "dodici".
Each reader returns the value it understood, or None when the text holds no number or more
than one (a guess would be worse than asking again). Signs are kept: "-5" reads as -5, and
deciding that a count cannot be negative is the profile's job, not the reader's.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

# Digits with separators: "30.000,00", "1,5", "30'000", "1 000 000" (thin/no-break spaces too).
_NUMBER = re.compile(
    r"(?P<sign>[-\u2212\u2013]\s*|\bmeno\s+|\bminus\s+)?"
    r"(?<![\w.,])(?P<digits>\d+(?:[.,'\u2019\u00a0\u202f]\d+)*|\d*[.,]\d+)"
    r"(?P<unit>\s*(?:[a-z]+\b|%)?)?",
    re.IGNORECASE,
)

_MULTIPLIERS = {
    "k": 1_000, "mila": 1_000, "mille": 1_000, "thousand": 1_000, "thousands": 1_000,
    "m": 1_000_000, "mln": 1_000_000, "mio": 1_000_000, "milione": 1_000_000,
    "milioni": 1_000_000, "million": 1_000_000, "millions": 1_000_000,
    "mld": 1_000_000_000, "miliardo": 1_000_000_000, "miliardi": 1_000_000_000,
    "bn": 1_000_000_000, "billion": 1_000_000_000, "billions": 1_000_000_000,
}

# Written-out small numbers, the way people answer "how many balance sheets?".
_WORDS = {
    "zero": 0, "nessuno": 0, "nessuna": 0, "none": 0,
    "uno": 1, "una": 1, "one": 1, "due": 2, "two": 2, "tre": 3, "three": 3,
    "quattro": 4, "four": 4, "cinque": 5, "five": 5, "sei": 6, "six": 6,
    "sette": 7, "seven": 7, "otto": 8, "eight": 8, "nove": 9, "nine": 9,
    "dieci": 10, "ten": 10, "undici": 11, "eleven": 11, "dodici": 12, "twelve": 12,
}

_PERCENT_WORDS = re.compile(r"%|\bper\s*cento\b|\bpercento\b|\bper\s*cent\b|\bpercent\b", re.IGNORECASE)


def _is_command(text: str) -> bool:
    # "/inform{...}" is Rasa's way to force an intent; it is never an answer to a question.
    return text.lstrip().startswith("/")


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _to_decimal(digits: str, *, separator_is_decimal: bool) -> Decimal | None:
    """One token of digits and separators as a number.

    With both "." and "," the last one is the decimal mark ("30.000,00", "30,000.50").
    A single mark followed by exactly three digits groups thousands ("30.000", "1,500"),
    unless the caller knows it is a decimal ("1,5 mln", "12,5%").
    """
    digits = re.sub(r"['\u2019\u00a0\u202f]", "", digits)
    marks = [ch for ch in digits if ch in ".,"]
    if not marks:
        normalised = digits
    elif len(set(marks)) == 2:
        decimal_mark = marks[-1]
        whole, _, fraction = digits.rpartition(decimal_mark)
        normalised = re.sub(r"[.,]", "", whole) + "." + fraction
    elif len(marks) > 1:
        normalised = digits.replace(marks[0], "")
    else:
        whole, _, fraction = digits.partition(marks[0])
        groups_thousands = len(fraction) == 3 and whole not in ("", "0") and not separator_is_decimal
        normalised = whole + fraction if groups_thousands else (whole or "0") + "." + fraction
    try:
        return Decimal(normalised)
    except InvalidOperation:
        return None


def _single_match(text: str) -> re.Match | None:
    matches = list(_NUMBER.finditer(text))
    return matches[0] if len(matches) == 1 else None


def _sign(match: re.Match) -> int:
    return -1 if match.group("sign") else 1


def parse_number(text: str) -> Decimal | None:
    """A plain number ("12", "1.200 dipendenti", "2,5", "-5", "dodici")."""
    text = _plain(text)
    if _is_command(text):
        return None
    match = _single_match(text)
    if match is None:
        words = [w for w in re.findall(r"[^\W\d_]+", text.casefold()) if w in _WORDS]
        return Decimal(_WORDS[words[0]]) if len(words) == 1 else None
    value = _to_decimal(match.group("digits"), separator_is_decimal=False)
    return None if value is None else _sign(match) * value


def parse_amount(text: str) -> Decimal | None:
    """Euros: "30k", "€ 30.000,00", "1,5 mln", "1.2M", "10 mila euro", "2 milioni"."""
    text = _plain(text)
    if _is_command(text):
        return None
    match = _single_match(text)
    if match is None:
        return None
    unit = (match.group("unit") or "").strip().casefold()
    multiplier = _MULTIPLIERS.get(unit, 1)
    value = _to_decimal(match.group("digits"), separator_is_decimal=multiplier != 1)
    if value is None:
        return None
    return _sign(match) * value * multiplier


def parse_percentage(text: str) -> Decimal | None:
    """A share in percent: "30%", "30 %", "il 30 per cento", "12,5", "30 percent"."""
    text = _plain(text)
    if _is_command(text):
        return None
    match = _single_match(text)
    if match is None:
        return None
    # "12,345%" is not a thing: with a percentage a single mark is always the decimal one.
    value = _to_decimal(match.group("digits"), separator_is_decimal=True)
    return None if value is None else _sign(match) * value


def mentions_percent(text: str) -> bool:
    return bool(_PERCENT_WORDS.search(text))


@dataclass(frozen=True)
class PlaceAnswer:
    """Where the company is: a name without filler words, a province code if one was typed
    ("Seriate (BG)"), and the text as typed, for names that start like a filler ("La Valletta Brianza")."""

    name: str
    province: str | None = None
    as_typed: str = ""


# Words people put around a place name ("siamo a Bergamo", "we are based in Seriate").
_PLACE_FILLERS = re.compile(
    r"^(?:(?:la|nostra|sede|operativa|si|trova|siamo|sono|ci|troviamo|è|e'|a|ad|in|nel|"
    r"comune|di|del|della|provincia|our|the|site|office|is|we|are|we're|based|located|"
    r"in|at|of|province|municipality|town|city)\b[\s,:]*)+",
    re.IGNORECASE,
)
# A trailing province code: "Seriate (BG)", "Seriate, BG", "Seriate BG", "Seriate - bg".
_TRAILING_CODE = re.compile(r"^(?P<name>.+?)[\s,(\-]+(?P<code>[A-Za-z]{2})\)?\s*$")
_NOT_CODES = {"di", "in", "la", "le", "lo", "il", "ad", "al", "ed", "da", "du"}


def parse_place(text: str) -> PlaceAnswer | None:
    """The place in an answer; the caller checks the name against the register of comuni."""
    text = _plain(text).rstrip(".!?;")
    if _is_command(text) or not text or re.search(r"\d", text):
        return None
    as_typed = text
    text = _PLACE_FILLERS.sub("", text).strip(" ,")
    if not text:
        return None
    if re.fullmatch(r"[A-Za-z]{2}", text):
        return PlaceAnswer(name="", province=text.upper(), as_typed=as_typed)
    coded = _TRAILING_CODE.match(text)
    if coded and coded.group("code").lower() not in _NOT_CODES:
        return PlaceAnswer(coded.group("name").strip(" ,"), coded.group("code").upper(), as_typed)
    return PlaceAnswer(name=text, as_typed=as_typed)


_NO_PREFERENCE = re.compile(
    r"\b(?:non\s+(?:lo\s+)?so|non\s+saprei|boh|indifferente|predefinit[ao]|standard|default|"
    r"salta|skip|(?:i\s+)?don'?t\s+know|not\s+sure|no\s+idea|whatever|any)\b",
    re.IGNORECASE,
)
_NOTHING = re.compile(r"^(?:no|nope|none|nessuno|nessuna|niente|nulla|no\s+grazie|no\s+thanks)$", re.IGNORECASE)


def leaves_choice_open(text: str) -> bool:
    """"non so", "I don't know", "default": the person lets us assume the usual choice."""
    return not _is_command(text) and bool(_NO_PREFERENCE.search(_plain(text)))


def means_none(text: str) -> bool:
    """A bare "no" / "nessuno" / "none": zero of what was asked (e.g. months of pre-amortisation)."""
    return bool(_NOTHING.match(_plain(text).rstrip(".!")))
