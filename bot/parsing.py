"""Numbers, amounts and percentages as people type them in a chat, Italian or English.

"30k", "30.000", "€ 30.000,00", "1,5 mln", "1.2M", "30%", "il 30 per cento", "dodici".
Numbers are read by bot.nlu.numbers, the one number parser of the project (the chat's entities
use it too); these readers take a whole answer. Each returns the value it understood, or None
when the text holds no number or more than one (a guess would be worse than asking again).
Signs are kept: "-5" reads as -5, and deciding that a count cannot be negative is the profile's
job, not the reader's.
"""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from bot.nlu.numbers import Number, numbers_in, to_decimal

# Words that answer "how many?" with nothing or one, which are not numbers in running text
# ("uno stand", "none of them"): read only when they are the whole answer.
_ANSWER_WORDS = {"zero": 0, "nessuno": 0, "nessuna": 0, "none": 0, "uno": 1, "una": 1, "one": 1}

_QUALIFIERS = {"solo", "soltanto", "appena", "ancora", "per", "ora", "only", "just", "yet", "so", "far", "for", "now"}

_PERCENT_WORDS = re.compile(r"%|\bper\s*cento\b|\bpercento\b|\bper\s*cent\b|\bpercent\b", re.IGNORECASE)


def _is_command(text: str) -> bool:
    # "/inform{...}" is Rasa's way to force an intent; it is never an answer to a question.
    return text.lstrip().startswith("/")


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def _only_number(text: str) -> Number | None:
    found = numbers_in(text)
    return found[0] if len(found) == 1 else None


def parse_number(text: str) -> Decimal | None:
    """A plain number ("12", "1.200 dipendenti", "2,5", "-5", "dodici", "venticinque")."""
    text = _plain(text)
    if _is_command(text):
        return None
    number = _only_number(text)
    if number is not None:
        return number.value
    # "uno solo", "just one", "nessuno ancora": the count word with words that only qualify it
    words = [w for w in re.findall(r"[^\W\d_]+", text.casefold()) if w not in _QUALIFIERS]
    return Decimal(_ANSWER_WORDS[words[0]]) if len(words) == 1 and words[0] in _ANSWER_WORDS else None


def parse_amount(text: str) -> Decimal | None:
    """Euros: "30k", "€ 30.000,00", "1,5 mln", "1.2M", "10 mila euro", "trentamila euro"."""
    text = _plain(text)
    if _is_command(text):
        return None
    number = _only_number(text)
    return None if number is None else number.value


def parse_percentage(text: str) -> Decimal | None:
    """A share in percent: "30%", "30 %", "il 30 per cento", "12,5", "30 percent"."""
    text = _plain(text)
    if _is_command(text):
        return None
    number = _only_number(text)
    if number is None:
        return None
    if not number.digits or number.scale != 1:
        return number.value
    # "12,345%" is not a thing: with a percentage a single mark is always the decimal one.
    value = to_decimal(number.digits, separator_is_decimal=True)
    return None if value is None else -value if number.value < 0 else value


def mentions_percent(text: str) -> bool:
    return bool(_PERCENT_WORDS.search(text))


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
