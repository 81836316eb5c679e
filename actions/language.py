"""Which language the user is writing in, decided again on every message.

Short answers carry little evidence: "Bergamo" looks Italian and "30k" looks like anything,
so an English conversation must not flip to Italian because someone typed a town. We switch
only on a word that settles it ("yes", "grazie") or on a sentence long enough for the
detector to be sure; otherwise the conversation keeps the language it had.
"""
from __future__ import annotations

import functools
import re

from bot.texts import DEFAULT_LANGUAGE, LANGUAGES

# Words that, alone, tell the language. Only words that are not also used in the other one
# ("no", "ok", "stop", "euro" are in both).
_TELLING_WORDS = {
    "it": {"sì", "si", "ciao", "grazie", "buongiorno", "buonasera", "salve", "arrivederci",
           "certo", "dipendenti", "addetti", "bilanci", "bilancio", "anni", "mesi", "nessuno",
           "milioni", "mila", "fatturato", "posso", "vorrei", "siamo", "abbiamo", "non"},
    "en": {"yes", "yeah", "hi", "hello", "thanks", "thank", "bye", "goodbye", "sure",
           "employees", "people", "years", "months", "million", "none", "nope", "we",
           "our", "am", "eligible", "can", "what", "how"},
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# The detector must be this sure, on at least this many words, to change the language.
_MIN_CONFIDENCE = 0.9
_MIN_WORDS = 2
_MIN_WORDS_WHEN_ANSWERING = 4  # answers to a question are often a name, which misleads


@functools.cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder  # ~100 MB of models: load once, lazily

    return LanguageDetectorBuilder.from_languages(Language.ITALIAN, Language.ENGLISH).build()


def _detected(text: str) -> tuple[str, float]:
    from lingua import Language

    best = _detector().compute_language_confidence_values(text)[0]
    return ("it" if best.language == Language.ITALIAN else "en"), best.value


def detect(text: str | None, previous: str | None = None, *, answering: bool = False) -> str:
    """The language of `text` ("it" or "en"); `previous` when the text does not settle it.

    `answering` is True while a form question is pending, when a place name alone must
    never switch the conversation.
    """
    fallback = previous if previous in LANGUAGES else DEFAULT_LANGUAGE
    if not text or text.lstrip().startswith("/"):
        return fallback
    words = [w.casefold() for w in _WORD.findall(text)]
    telling = {lang for lang, vocabulary in _TELLING_WORDS.items() if vocabulary.intersection(words)}
    if len(telling) == 1:
        return telling.pop()
    if len(words) < (_MIN_WORDS_WHEN_ANSWERING if answering else _MIN_WORDS):
        return fallback
    language, confidence = _detected(text)
    return language if confidence >= _MIN_CONFIDENCE else fallback


def conversation_language(tracker) -> str:
    """The language to answer the latest message in (any object shaped like rasa_sdk's Tracker)."""
    answering = bool(tracker.active_loop_name) and tracker.get_slot("requested_slot") is not None
    text = (tracker.latest_message or {}).get("text")
    return detect(text, tracker.get_slot("language"), answering=answering)
