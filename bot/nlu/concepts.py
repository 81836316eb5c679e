"""Concepts: the ideas a question is made of ("the maximum", "the loan", "when"), each with the
words and phrases that say it in Italian and English (bot/nlu/concepts.yaml).

An entry is one or more words; a word ending in `*` is a stem ("prestit*": prestito, prestiti),
`~` stands for up to two words of any kind ("solo ~ interessi": "solo gli interessi"), and
every word is compared with all the keys of a message word (bot.nlu.words: spelling,
lemmas, near misses), so one entry covers inflections, conjugations and typos. Entries of one
language also match in the other (people write "budget" and "export" in Italian), except the
words listed under `own_language_only`, which mean something else across the border (Italian
"rate" are instalments, English "rate" is the interest rate).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping

import yaml

from bot.nlu.text import folded
from bot.nlu.words import Speller, Word

CONCEPTS_FILE = Path(__file__).with_name("concepts.yaml")
LANGUAGES = ("it", "en")


class ConceptsError(ValueError):
    pass


@dataclass(frozen=True)
class Entry:
    concept: str
    lang: str
    parts: tuple[tuple[str, bool], ...]  # (stem, is a prefix)
    own_language_only: bool = False

    def matches_at(self, words: tuple[Word, ...], at: int) -> int | None:
        """Where the entry ends when it starts at word `at`, or None."""
        return _match(self.parts, words, at)


GAP = ("~", False)
MAX_GAP = 2


def _match(parts: tuple[tuple[str, bool], ...], words: tuple[Word, ...], at: int) -> int | None:
    if not parts:
        return at
    if parts[0] == GAP:
        for skip in range(MAX_GAP + 1):
            end = _match(parts[1:], words, at + skip)
            if end is not None:
                return end
        return None
    if at >= len(words) or not _part_matches(parts[0], words[at]):
        return None
    return _match(parts[1:], words, at + 1)


def _part_matches(part: tuple[str, bool], word: Word) -> bool:
    stem, prefix = part
    if prefix:
        return any(key.startswith(stem) for key in word.keys)
    return stem in word.keys


@dataclass(frozen=True)
class Hit:
    concept: str
    first: int  # word index
    last: int  # word index, exclusive


def _parse(concept: str, lang: str, text: str, own: frozenset[str]) -> Entry:
    parts = []
    for piece in folded(text).replace("'", " ").replace("-", " ").split():
        if piece == "~":
            if not parts:
                raise ConceptsError(f"{concept}: entry {text!r} cannot start with ~")
            parts.append(GAP)
            continue
        prefix = piece.endswith("*")
        stem = piece.rstrip("*")
        if not stem or (prefix and len(stem) < 3):
            raise ConceptsError(f"{concept}: entry {text!r}: a stem needs at least 3 letters")
        parts.append((stem, prefix))
    if not parts or parts[-1] == GAP:
        raise ConceptsError(f"{concept}: entry {text!r} is empty or ends with ~")
    return Entry(concept, lang, tuple(parts), own_language_only=text in own)


class Lexicon:
    def __init__(self, concepts: Mapping[str, Mapping[str, Iterable[str]]], own_language_only: Iterable[str] = ()):
        own = frozenset(own_language_only)
        self.entries: list[Entry] = []
        for concept, by_lang in concepts.items():
            unknown = set(by_lang) - set(LANGUAGES)
            if unknown:
                raise ConceptsError(f"{concept}: unknown language(s) {sorted(unknown)}")
            for lang in LANGUAGES:
                self.entries += [_parse(concept, lang, text, own) for text in by_lang.get(lang) or []]
        self.names = frozenset(concepts)
        # Entries by their first word, so a long message costs a few lookups per word rather than
        # a try of every entry at every word (no entry starts with a gap; prefixes have 3+ letters).
        self._by_word: dict[str, list[Entry]] = {}
        self._by_prefix: dict[str, list[Entry]] = {}
        for entry in self.entries:
            stem, prefix = entry.parts[0]
            (self._by_prefix.setdefault(stem[:3], []) if prefix else self._by_word.setdefault(stem, [])).append(entry)
        vocabulary = {stem for entry in self.entries for stem, prefix in entry.parts if not prefix and stem != "~"}
        self.speller = Speller(vocabulary)

    def find(self, words: tuple[Word, ...], lang: str | None = None) -> list[Hit]:
        """Every concept said in `words` (longer phrases first where they overlap)."""
        hits = []
        for at, word in enumerate(words):
            candidates = {id(e): e for key in word.keys
                          for e in (*self._by_word.get(key, ()), *self._by_prefix.get(key[:3], ()))}
            for entry in candidates.values():
                if entry.own_language_only and lang is not None and entry.lang != lang:
                    continue
                end = entry.matches_at(words, at)
                if end is not None:
                    hits.append(Hit(entry.concept, at, end))
        return sorted(set(hits), key=lambda h: (h.first, h.first - h.last, h.concept))


@functools.cache
def default_lexicon() -> Lexicon:
    data = yaml.safe_load(CONCEPTS_FILE.read_text(encoding="utf-8"))
    return Lexicon(data["concepts"], data.get("own_language_only", ()))
