"""Orienta's language understanding: the entities of a message, rule and lookup based.

`extract(text, lang=None) -> list[Entity]` reads amounts, shares, headcounts, durations, places,
countries, calls, the exhibitor kind, years and the message's language (the contract of issue 3).
No Rasa here: bot/nlu/rasa_component.py adapts it to Rasa's pipeline. spaCy and the lookups
load on the first call (about two seconds), so importing this package stays cheap.
"""
from __future__ import annotations

from bot.nlu.types import Entity

__all__ = ["Entity", "extract"]


def extract(text: str, lang: str | None = None) -> list[Entity]:
    from bot.nlu.pipeline import extract as _extract

    return _extract(text, lang)
