"""Which aspect a question asks about, from the concepts it says (bot/nlu/aspects.yaml).

A question is read as a set of concepts ("max" + "loan"); each aspect lists the combinations
that ask for it (max_loan: the maximum and the loan). Matching combinations rather than whole
sentences is what lets the reader follow wording it has never seen: "quanto prestito massimo",
"the largest loan", "il tetto del finanziamento" all say max + loan.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

ASPECTS_FILE = Path(__file__).with_name("aspects.yaml")
CALL, GENERAL = "call", "general"
# Concepts the reader adds from the call's own data rather than from concepts.yaml.
DYNAMIC_CONCEPTS = frozenset({"expense_item_word", "money_amount", "percent_value", "sqm_value", "eu_country",
                              "place_named", "headcount", "expense_split"})


class AspectsError(ValueError):
    pass


@dataclass(frozen=True)
class Pattern:
    all: tuple[frozenset[str], ...]
    also: frozenset[str]
    none: frozenset[str]

    def score(self, said: frozenset[str]) -> tuple[int, int] | None:
        if not all(item & said for item in self.all) or self.none & said:
            return None
        return len(self.all), len(self.also & said)


@dataclass(frozen=True)
class Aspect:
    id: str
    about: str
    patterns: tuple[Pattern, ...]
    order: int

    def score(self, said: frozenset[str]) -> tuple[int, int] | None:
        scores = [s for s in (p.score(said) for p in self.patterns) if s is not None]
        return max(scores) if scores else None


@dataclass(frozen=True)
class Match:
    aspect: Aspect
    score: tuple[int, int]

    @property
    def id(self) -> str:
        return self.aspect.id


def _items(raw, aspect_id: str, known: frozenset[str]) -> tuple[frozenset[str], ...]:
    items = []
    for item in raw or []:
        names = frozenset([item] if isinstance(item, str) else item)
        unknown = names - known
        if unknown:
            raise AspectsError(f"{aspect_id}: unknown concept(s) {sorted(unknown)}")
        items.append(names)
    return tuple(items)


def load(data: dict, concepts: Iterable[str]) -> tuple[Aspect, ...]:
    known = frozenset(concepts) | DYNAMIC_CONCEPTS
    aspects = []
    for order, (aspect_id, spec) in enumerate((data.get("aspects") or {}).items()):
        if spec.get("about") not in (CALL, GENERAL):
            raise AspectsError(f"{aspect_id}: about must be '{CALL}' or '{GENERAL}'")
        patterns = []
        for raw in spec.get("patterns") or []:
            all_ = _items(raw.get("all"), aspect_id, known)
            if not all_:
                raise AspectsError(f"{aspect_id}: a pattern needs at least one concept in `all`")
            also = frozenset().union(*_items(raw.get("also"), aspect_id, known))
            none = frozenset().union(*_items(raw.get("none"), aspect_id, known))
            patterns.append(Pattern(all_, also, none))
        if not patterns:
            raise AspectsError(f"{aspect_id}: no patterns")
        aspects.append(Aspect(aspect_id, spec["about"], tuple(patterns), order))
    return tuple(aspects)


@functools.cache
def default_aspects() -> tuple[Aspect, ...]:
    from bot.nlu.concepts import default_lexicon

    return load(yaml.safe_load(ASPECTS_FILE.read_text(encoding="utf-8")), default_lexicon().names)


@functools.cache
def known_aspect_ids() -> frozenset[str]:
    """The aspect ids, read from the file alone (the catalogue checks its `about` tags with it)."""
    data = yaml.safe_load(ASPECTS_FILE.read_text(encoding="utf-8"))
    return frozenset(data.get("aspects") or {})


def by_id(aspect_id: str) -> Aspect:
    for aspect in default_aspects():
        if aspect.id == aspect_id:
            return aspect
    raise KeyError(aspect_id)


def ranked(said: Iterable[str], aspects: Iterable[Aspect] | None = None) -> list[Match]:
    """Every aspect the concepts ask for, best first."""
    said = frozenset(said)
    matches = [Match(a, s) for a in (aspects or default_aspects()) if (s := a.score(said)) is not None]
    return sorted(matches, key=lambda m: (-m.score[0], -m.score[1], m.aspect.order))


def closest(said: Iterable[str], n: int = 3, aspects: Iterable[Aspect] | None = None) -> list[Aspect]:
    """The aspects the concepts half ask for (some items of a pattern said): what to offer as
    buttons when nothing was understood for sure."""
    said = frozenset(said)
    partial = []
    for aspect in aspects or default_aspects():
        best = None
        for pattern in aspect.patterns:
            if pattern.none & said:
                continue
            hit = sum(1 for item in pattern.all if item & said)
            if hit:
                candidate = (hit, hit / len(pattern.all))
                best = candidate if best is None or candidate > best else best
        if best:
            partial.append((best, aspect))
    partial.sort(key=lambda item: (-item[0][0], -item[0][1], item[1].order))
    return [aspect for _, aspect in partial[:n]]
