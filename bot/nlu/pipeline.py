"""extract(): every entity of the contract (issue 3) in one message, Italian or English."""
from __future__ import annotations

from bot.nlu import language, places
from bot.nlu.countries import written_as_a_name
from bot.nlu.gazetteer import gazetteer
from bot.nlu.quantities import quantities
from bot.nlu.types import Entity

# Longer than any real message; past it we read only the beginning (a pasted document is not a question).
MAX_CHARS = 2000


def _longest_first(found: list[Entity]) -> list[Entity]:
    """Where names overlap, the longer one ("Monza e Brianza" over "Monza"); one span may carry several."""
    kept: list[Entity] = []
    for entity in sorted(found, key=lambda e: (e.start - e.end, e.start)):
        clashes = [k for k in kept if k.start < entity.end and entity.start < k.end]
        if all((k.start, k.end) == (entity.start, entity.end) for k in clashes):
            kept.append(entity)
    return kept


def extract(text: str, lang: str | None = None) -> list[Entity]:
    """The entities in `text`, in reading order. `lang` picks the tokenizer; by default the detected language."""
    if not isinstance(text, str) or not text.strip() or text.lstrip().startswith("/"):
        return []
    text = text[:MAX_CHARS]
    detected = language.detect(text)
    hits = gazetteer(lang or detected or "it").find(text)
    named = [Entity(h.start, h.end, "call", h.value) for h in hits if h.kind == "call"]
    named += [
        Entity(h.start, h.end, "country", h.value)
        for h in hits
        if h.kind == "country" and written_as_a_name(text[h.start:h.end])
    ]
    named += places.places(text, hits)
    named = _longest_first(named)
    calls = [(e.start, e.end) for e in named if e.entity == "call"]
    found = named + quantities(text, exclude=calls)
    if detected:
        # A property of the whole message, not of some words: an empty span at the start, so
        # token-level scoring (`rasa test nlu`) never counts the message's words as "language".
        found.append(Entity(0, 0, "language", detected))
    return sorted(set(found))
