"""Names looked up in a message: municipalities, provinces and countries (calls: bot.nlu.calls).

A blank spaCy pipeline per language (its tokenizer only: nothing to download) and one
PhraseMatcher holding every name from the lookups: the national register of comuni
(bot.geo.municipalities) and ISO 3166 names from pycountry. Names and messages are matched in their folded form (lowercase, no accents), so
"cantu" finds "Cantù"; offsets stay those of the text as typed. Built once per process
and language (about a second), then a message is matched in well under a millisecond.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Iterable

from bot.nlu.text import fold_phrase, folded

_SEPARATOR = "\t"


@dataclass(frozen=True)
class Hit:
    """A name found in the message: token positions in the folded doc and character offsets."""

    kind: str  # comune | province | country
    value: str
    first: int  # token index
    last: int  # token index, exclusive
    start: int  # character offsets into the text
    end: int


class Gazetteer:
    def __init__(self, lang: str, entries: Iterable[tuple[str, str, str]]):
        import spacy
        from spacy.matcher import PhraseMatcher

        self.nlp = spacy.blank(lang)
        self.matcher = PhraseMatcher(self.nlp.vocab)
        by_key: dict[str, set[str]] = {}
        for kind, value, name in entries:
            by_key.setdefault(f"{kind}{_SEPARATOR}{value}", set()).update({folded(name).strip(), fold_phrase(name)})
        for key, names in by_key.items():
            self.matcher.add(key, list(self.nlp.tokenizer.pipe(sorted(n for n in names if n))))

    def find(self, text: str) -> list[Hit]:
        """Every name in `text`, overlapping ones included (the caller decides between them)."""
        doc = self.nlp.make_doc(folded(text))
        found = []
        for match_id, first, last in self.matcher(doc):
            kind, value = self.nlp.vocab.strings[match_id].split(_SEPARATOR, 1)
            span = doc[first:last]
            found.append(Hit(kind, value, first, last, span.start_char, span.end_char))
        return found


def _entries() -> list[tuple[str, str, str]]:
    from bot.nlu import countries, places

    return [*places.lookup_entries(), *countries.lookup_entries()]


@functools.lru_cache(maxsize=None)
def gazetteer(lang: str) -> Gazetteer:
    """The matcher for a language ("it" or "en"), built on first use and kept for the process."""
    return Gazetteer(lang if lang in ("it", "en") else "it", _entries())
