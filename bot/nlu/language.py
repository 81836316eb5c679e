"""The language a message is written in, when the evidence is good enough to say.

lingua-language-detector compares Italian and English only (the two languages Orienta speaks).
Short answers carry little evidence: "Bergamo" looks Italian and "30k" looks like anything,
so a message tells its language only with enough words and a confident detector; otherwise
it tells nothing and the dialogue keeps the conversation's language.
"""
from __future__ import annotations

import functools
import re

LANGUAGES = ("it", "en")
_WORD = re.compile(r"[^\W\d_]{2,}")
# The detector must be this sure, on at least this many words, to name the language.
MIN_CONFIDENCE = 0.9
MIN_WORDS = 3


@functools.cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder  # its models load on first use: once per process

    return LanguageDetectorBuilder.from_languages(Language.ITALIAN, Language.ENGLISH).with_preloaded_language_models().build()


def warm_up() -> None:
    """Load the detector's models now, so the first message is not the slow one."""
    _detector()


def detect(text: str | None) -> str | None:
    """"it" or "en" when `text` has enough words and the detector is confident, else None."""
    if not text or text.lstrip().startswith("/") or len(_WORD.findall(text)) < MIN_WORDS:
        return None
    from lingua import Language

    best = _detector().compute_language_confidence_values(text)[0]
    if best.value < MIN_CONFIDENCE:
        return None
    return "it" if best.language == Language.ITALIAN else "en"
