"""The words of a message as the question reader compares them: each word with its folded form
and its lemmas in Italian and English, so "bilanci", "bilancio" and "Bilancio" all read as one.

Lemmas come from simplemma (its Italian and English dictionaries ship inside the package: no
download). People mix languages and make typos, so a word carries every key it may stand for:
its folded spelling, its Italian lemma, its English lemma and, for a long word no dictionary
knows, the lexicon word it is a near miss of (rapidfuzz) - "preammortamneto" reads as
"preammortamento". Offsets are those of the text as typed.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Iterable

from bot.nlu.text import folded

# Letters and digits; an apostrophe splits ("l'affitto" -> "l", "affitto") except in English
# contractions, which are kept whole and spelt without it ("don't" -> "dont").
_WORD = re.compile(r"[^\W_]+(?:'(?:t|s|re|ve|ll|d|m)\b)?")
_CONTRACTION = re.compile(r"'(?=(?:t|s|re|ve|ll|d|m)\b)")
# Shorter words are too often something else when a letter is off ("rate" and "rata").
MIN_FUZZY_LENGTH = 6
FUZZY_CUTOFF = 88


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str  # folded, as typed
    keys: frozenset[str]  # text, lemmas, near-miss corrections

    @property
    def is_number(self) -> bool:
        return self.text.isdigit()


@functools.lru_cache(maxsize=50_000)
def _lemmas(word: str) -> tuple[str, ...]:
    import simplemma

    found = {word}
    if not word.isdigit():
        for lang in ("it", "en"):
            found.add(folded(simplemma.lemmatize(word, lang=lang)))
    return tuple(sorted(found))


@functools.lru_cache(maxsize=50_000)
def _known(word: str) -> bool:
    import simplemma

    return any(simplemma.is_known(word, lang=lang) for lang in ("it", "en"))


class Speller:
    """Near misses of the words a lexicon knows, for words no dictionary knows."""

    def __init__(self, vocabulary: Iterable[str]):
        self.vocabulary = sorted({w for w in vocabulary if len(w) >= MIN_FUZZY_LENGTH and w.isalpha()})

    @functools.lru_cache(maxsize=20_000)
    def correct(self, word: str) -> str | None:
        if len(word) < MIN_FUZZY_LENGTH or not word.isalpha() or word in self.vocabulary or _known(word):
            return None
        from rapidfuzz import fuzz, process

        best = process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        return best[0] if best else None


def words(text: str, speller: Speller | None = None) -> tuple[Word, ...]:
    """The words of `text`, each with every key it may stand for."""
    low = folded(text or "")
    found = []
    for match in _WORD.finditer(low):
        surface = _CONTRACTION.sub("", match.group())
        keys = set(_lemmas(surface))
        correction = speller.correct(surface) if speller else None
        if correction:
            keys.update(_lemmas(correction))
        found.append(Word(match.start(), match.end(), surface, frozenset(keys)))
    return tuple(found)
