"""Comparison forms of a message that keep every character where it was.

Entities carry character offsets into the text the user typed, so every rewrite we match on
must have the same length: lowercasing and accent stripping here are one character for one.
"""
from __future__ import annotations

import re
import unicodedata

# The longest message read, by the channels (bot/channels/guard.py refuses longer ones itself), the
# reader and the dialogue (bot/conversation/routing.py says so when one slips through).
MAX_MESSAGE_CHARS = 2000

_SAME_AS = {"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u2212": "-", "\u2013": "-", "\u2014": "-"}


def _lower(ch: str) -> str:
    low = ch.lower()
    return low if len(low) == 1 else ch  # "İ".lower() is two characters: keep it as typed


def lowered(text: str) -> str:
    """Lowercase, with typographic apostrophes and dashes made plain ("l’anno" -> "l'anno")."""
    return "".join(_SAME_AS.get(ch, _lower(ch)) for ch in text)


def _base(ch: str) -> str:
    decomposed = unicodedata.normalize("NFKD", ch)
    return decomposed[0] if decomposed and decomposed[0].isascii() and decomposed[0].isalnum() else ch


def folded(text: str) -> str:
    """`lowered` without accents ("Cantù" -> "cantu"), the form names are looked up in."""
    return "".join(_base(ch) if ord(ch) > 127 and ch.isalpha() else ch for ch in lowered(text))


def fold_phrase(text: str) -> str:
    """A name as a lookup pattern: folded, hyphens and spaces collapsed ("Bovisio-Masciago" -> "bovisio masciago")."""
    return re.sub(r"[\s\-]+", " ", folded(text)).strip()
