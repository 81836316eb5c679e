"""extract(): every entity of the contract (issue 3) in one message, Italian or English."""
from __future__ import annotations

import re

from bot.nlu import language, places
from bot.nlu.calls import call_names
from bot.nlu.company_age import company_age
from bot.nlu.countries import demonym_hits, written_as_a_name
from bot.nlu.gazetteer import gazetteer
from bot.nlu.quantities import quantities
from bot.nlu.text import MAX_MESSAGE_CHARS
from bot.nlu.types import Entity
from bot.nlu.words import words as split_words

# Longer than any real message; past it we read only the beginning (a pasted document is not a question).
MAX_CHARS = MAX_MESSAGE_CHARS


def _longest_first(found: list[Entity]) -> list[Entity]:
    """Where names overlap, the longer one ("Monza e Brianza" over "Monza"); one span may carry several."""
    kept: list[Entity] = []
    for entity in sorted(found, key=lambda e: (e.start - e.end, e.start)):
        clashes = [k for k in kept if k.start < entity.end and entity.start < k.end]
        if all((k.start, k.end) == (entity.start, entity.end) for k in clashes):
            kept.append(entity)
    return kept


# One way only to split the blanks around a dash ("\s*(?:[-/]\s*)?", not "\s*[-/]?\s*"): the
# ambiguous form backtracks cubically over a long run of spaces after a call's name.
_YEARS_AFTER = re.compile(r"(?:\s*(?:[-/]\s*)?(?:19|20)\d\d\b)+")
_YEARS_BEFORE = re.compile(r"(?:\b(?:19|20)\d\d\s*(?:[-/]\s*)?)+$")


def _calls(text: str) -> list[Entity]:
    """The calls named, each over the words that name it and the years written next to them."""
    said = split_words(text)
    found = []
    for hit in call_names().find(said):
        start, end = said[hit.first].start, said[hit.last - 1].end
        after, before = _YEARS_AFTER.match(text, end), _YEARS_BEFORE.search(text[:start])
        found.append(Entity(before.start() if before else start, after.end() if after else end, "call", hit.call_id))
    return found


def extract(text: str, lang: str | None = None) -> list[Entity]:
    """The entities in `text`, in reading order. `lang` picks the tokenizer; by default the detected language."""
    if not isinstance(text, str) or not text.strip() or text.lstrip().startswith("/"):
        return []
    text = text[:MAX_CHARS]
    detected = language.detect(text)
    hits = gazetteer(lang or detected or "it").find(text)
    named = _calls(text)
    named += [
        Entity(h.start, h.end, "country", h.value)
        for h in hits
        if h.kind == "country" and written_as_a_name(text[h.start:h.end])
    ]
    named += [Entity(start, end, "country", code) for start, end, code in demonym_hits(text)]
    named += places.places(text, hits)
    named = _longest_first(named)
    calls = [(e.start, e.end) for e in named if e.entity == "call"]
    ages = company_age(text)
    numbers = [e for e in quantities(text, exclude=calls)
               if not (e.entity in ("years", "months", "year") and any(a.start <= e.start < a.end for a in ages))]
    found = named + ages + numbers
    if detected:
        # A property of the whole message, not of some words: an empty span at the start, so
        # token-level scoring (`rasa test nlu`) never counts the message's words as "language".
        found.append(Entity(0, 0, "language", detected))
    return sorted(set(found))
