"""The language of a message, and the language to answer it in.

Detection: lingua-language-detector compares Italian and English only (the two languages
Orienta speaks). Short answers carry little evidence: "Bergamo" looks Italian and "30k" looks
like anything, so a message tells its language only with enough words and a confident detector;
otherwise it tells nothing (the NLU adds a `language` entity only when it does).

Choice, on every message: a few words settle it alone ("grazie", "yes"); else the detector's
confident guess; else the conversation keeps the language it had, which the channel's hint (the
widget's page language, Telegram's language_code) sets at the start. No Rasa here.
"""
from __future__ import annotations

import functools
import re
from typing import Any, Iterable, Mapping

from bot.texts import DEFAULT_LANGUAGE, LANGUAGES
_DETECT_WORD = re.compile(r"[^\W\d_]{2,}")
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
    if not text or text.lstrip().startswith("/") or len(_DETECT_WORD.findall(text)) < MIN_WORDS:
        return None
    from lingua import Language

    best = _detector().compute_language_confidence_values(text)[0]
    if best.value < MIN_CONFIDENCE:
        return None
    return "it" if best.language == Language.ITALIAN else "en"


# --- the language of the reply ----------------------------------------------------------------

# Words that alone tell the language: none of them is used in the other one
# ("no", "ok", "stop", "euro", "Milano" are in both).
_TELLING_WORDS = {
    "it": {"sì", "si", "ciao", "grazie", "buongiorno", "buonasera", "salve", "arrivederci",
           "certo", "dipendenti", "addetti", "bilanci", "bilancio", "anni", "mesi", "nessuno",
           "milioni", "mila", "fatturato", "posso", "vorrei", "siamo", "abbiamo", "non", "quanto",
           "bando", "dove", "cosa", "anzi", "riepilogo", "ricominciamo", "esportiamo", "il", "della",
           "sono", "ho", "voglio", "vorremmo", "parlare", "quando", "quale", "quali", "chi", "è",
           "un", "una", "del", "nel", "qual", "questo", "perché", "anche", "fatturiamo"},
    "en": {"yes", "yeah", "hi", "hello", "thanks", "thank", "bye", "goodbye", "sure",
           "employees", "people", "years", "months", "million", "none", "nope", "we",
           "our", "am", "eligible", "can", "what", "how", "where", "sorry", "please", "summary",
           "the", "is", "are", "do", "does", "which", "who", "when", "would", "want", "need",
           "help", "about", "with", "have", "has", "much", "many", "my", "your", "you", "talk",
           "person", "i'm", "i'd", "we're", "there", "this", "turnover", "exports", "give", "show",
           "tell", "get", "could", "should", "funding", "project", "grant", "loan", "simulation"},
}
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# "in English please", "parla italiano", "speak Italian", "puoi rispondere in inglese?"
_ASKED = {
    "en": re.compile(r"\b(?:english|inglese)\b", re.IGNORECASE),
    "it": re.compile(r"\b(?:italian|italiano)\b", re.IGNORECASE),
}
_MIN_WORDS_WHEN_ANSWERING = 4  # an answer is often a name, whose language means nothing


def _known(lang: Any) -> str | None:
    return lang if lang in LANGUAGES else None


def requested(text: str | None) -> str | None:
    """The language a message asks for by name ("in English please" -> "en"), if exactly one."""
    named = [lang for lang, pattern in _ASKED.items() if pattern.search(text or "")]
    return named[0] if len(named) == 1 else None


def hint(metadata: Mapping[str, Any] | None) -> str | None:
    """The channel's language hint: {"language": "en"} or Telegram's {"language_code": "en-GB"}."""
    if not isinstance(metadata, Mapping):
        return None
    for key in ("language", "language_code", "lang", "locale"):
        value = metadata.get(key)
        if isinstance(value, str) and len(value) <= 20:
            return _known(value.strip().lower()[:2])
    sender = (metadata.get("message") or {}).get("from") if isinstance(metadata.get("message"), Mapping) else None
    if isinstance(sender, Mapping) and isinstance(sender.get("language_code"), str):
        return _known(sender["language_code"].lower()[:2])
    return None


def entity_language(entities: Iterable[Mapping[str, Any]] | None) -> str | None:
    found = {e.get("value") for e in entities or [] if isinstance(e, Mapping) and e.get("entity") == "language"}
    found = {lang for lang in found if _known(lang)}
    return found.pop() if len(found) == 1 else None


def choose(text: str | None, *, detected: str | None = None, previous: str | None = None,
           channel_hint: str | None = None, answering: bool = False) -> str:
    """The language of the reply to `text`.

    `detected` is the NLU's confident guess; `previous` the conversation's language so far;
    `answering` is True while the bot waits for a fact, when a short answer never switches.
    """
    fallback = _known(previous) or _known(channel_hint) or DEFAULT_LANGUAGE
    if not text or text.lstrip().startswith("/"):  # a button or a forced intent
        return fallback
    words = [w.casefold() for w in _WORD.findall(text)]
    telling = {lang for lang, vocabulary in _TELLING_WORDS.items() if vocabulary.intersection(words)}
    if len(telling) == 1 and (len(words) <= 3 or not _known(detected)):
        return telling.pop()
    if _known(detected) and not (answering and len(words) < _MIN_WORDS_WHEN_ANSWERING):
        return detected
    if len(telling) == 1:
        return telling.pop()
    return fallback
