"""A question read as what it is about: the call named, the aspect asked (with the concepts that
say it), the expense items named, and the acts the message carries (check, find, correct...).

    read(text, lang) -> Reading

The facts in the message (amounts, places, headcounts) are the entities' job (bot.nlu.extract);
together they let the dialogue answer "the specific fact asked" as a lookup in the call's data.
No Rasa here: the action server calls this on the text Rasa passes on.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable, Mapping

from bot.catalogue import Call, default_catalogue
from bot.nlu import acts
from bot.nlu.aspects import Match, ranked
from bot.nlu.calls import CallHit, call_names
from bot.nlu.concepts import Entry, Lexicon, default_lexicon
from bot.nlu.text import MAX_MESSAGE_CHARS
from bot.nlu.words import Word, words as split_words

MAX_CHARS = MAX_MESSAGE_CHARS
ITEM_CONCEPT = "expense_item_word"
QUESTION_CONCEPTS = frozenset({"q_when", "q_how_much", "q_how", "q_who", "q_where", "q_what_is", "q_what"})
# The other EU member states (ISO 3166 alpha-2): sales there are intra-EU supplies.
EU_COUNTRIES = frozenset("AT BE BG HR CY CZ DK EE FI FR DE GR IE LV LT LU MT NL PL PT RO SK SI ES SE".split())
# Concepts the message's entities say: "30.000 €" is an amount whatever the words around it.
_ENTITY_CONCEPTS = {"amount": "money_amount", "percent": "percent_value", "sqm": "sqm_value",
                    "comune": "place_named", "province": "place_named", "employees": "headcount"}
_SPLIT_ROLES = {"consultancy", "initiatives", "training"}


@dataclass(frozen=True)
class ItemHit:
    """An expense the question names, and whether the call funds it ("eligible") or not ("excluded")."""

    item: str  # a category id, or "excluded:<index>"
    kind: str  # "eligible" | "excluded"
    call_id: str | None = field(default=None, compare=False)  # the call whose list it was read from


@dataclass(frozen=True)
class Reading:
    text: str
    lang: str | None
    calls: tuple[CallHit, ...] = ()
    concepts: frozenset[str] = frozenset()
    aspects: tuple[Match, ...] = ()
    items: tuple[ItemHit, ...] = ()
    signals: frozenset[str] = frozenset()
    words: tuple[Word, ...] = field(default=(), repr=False)
    # Two questions or more in one message ("quanto dura il prestito? e il preammortamento?"):
    # their aspects in the order asked; empty when the message asks one thing.
    questions: tuple[str, ...] = ()
    # The years the question is about ("nel 2022 eravamo..."), outside the facts' own years
    # (a founding year, a balance sheet's year are the entities').
    years: tuple[int, ...] = ()

    @property
    def aspect(self) -> str | None:
        return self.aspects[0].id if self.aspects else None

    @property
    def call_ids(self) -> tuple[str, ...]:
        return tuple(hit.call_id for hit in self.calls)

    @property
    def call(self) -> str | None:
        return self.calls[0].call_id if self.calls else None

    def says(self, *concepts: str) -> bool:
        return any(c in self.concepts for c in concepts)

    def items_for(self, call_id: str) -> tuple[ItemHit, ...]:
        """The expense items named, read against `call_id`'s own lists (the call discussed)."""
        if all(hit.call_id == call_id for hit in self.items) and self.items:
            return self.items
        return items_in(_unmasked(self.words, self.calls), call_id) if self.words else ()

    @property
    def is_question(self) -> bool:
        """Asked as a question: a question mark, a question word, or a request ("dimmi", "explain")."""
        return "?" in self.text or bool(self.concepts & QUESTION_CONCEPTS)


def _item_entries(call: Call) -> list[tuple[ItemHit, Entry]]:
    """The words of a call's expense categories and excluded costs, as lexicon entries."""
    from bot.nlu.concepts import _parse

    pairs = []
    for category in call.data.get("expense_categories", []):
        for lang, texts in (category.get("keywords") or {}).items():
            for text in texts:
                pairs.append((ItemHit(category["id"], "eligible", call.id), _parse(ITEM_CONCEPT, lang, text, frozenset())))
    for index, item in enumerate((call.data.get("excluded_costs") or {}).get("items", [])):
        for lang, texts in (item.get("keywords") or {}).items():
            for text in texts:
                pairs.append((ItemHit(f"excluded:{index}", "excluded", call.id), _parse(ITEM_CONCEPT, lang, text, frozenset())))
    return pairs


@functools.lru_cache(maxsize=64)
def _items_of(call_id: str) -> tuple[tuple[ItemHit, Entry], ...]:
    return tuple(_item_entries(default_catalogue().get(call_id)))


def items_in(words: tuple[Word, ...], call_id: str) -> tuple[ItemHit, ...]:
    found: dict[ItemHit, None] = {}
    for at in range(len(words)):
        for hit, entry in _items_of(call_id):
            if entry.matches_at(words, at) is not None:
                found[hit] = None
    excluded = [h for h in found if h.kind == "excluded"]
    return tuple(excluded + [h for h in found if h.kind == "eligible"])


def headline_call_id() -> str | None:
    return next((call.id for call in default_catalogue() if call.data.get("headline")), None)


PLAN_PREFIX = "plan_"  # concepts.yaml's plans (plan_ecommerce, plan_temporary_manager...)


def _unmasked(words: tuple[Word, ...], hits: Iterable[CallHit]) -> tuple[Word, ...]:
    """The words with a call's name written out blanked: "Verso Nuovi Mercati" says nothing of
    markets. A blank keeps its place, so the words either side never read as one phrase."""
    masked = {i for hit in hits if hit.exact for i in range(hit.first, hit.last)}
    return tuple(replace(w, keys=frozenset({""})) if i in masked else w for i, w in enumerate(words))


def _entity_concepts(entities: Iterable[Mapping[str, Any]]) -> set[str]:
    found = set()
    for entity in entities:
        name = entity.get("entity")
        if name in _ENTITY_CONCEPTS:
            found.add(_ENTITY_CONCEPTS[name])
        if name == "amount" and entity.get("role") in _SPLIT_ROLES:
            found.add("expense_split")
        elif name == "country" and entity.get("value") in EU_COUNTRIES:
            found.add("eu_country")
    return found


def _as_dicts(entities) -> list[Mapping[str, Any]]:
    return [e.as_rasa() if hasattr(e, "as_rasa") else e for e in entities if hasattr(e, "as_rasa") or isinstance(e, Mapping)]


# A year the question is set in: "nel 2022 eravamo...", "in 2021 we were" (a figure's year,
# "fatturato 2024", is not the question's).
_YEAR = re.compile(r"\b(?:nel|nell'anno|durante\s+il|in|during)\s+(20[1-3]\d)\b", re.IGNORECASE)


def _years(text: str, entities: list[Mapping[str, Any]]) -> tuple[int, ...]:
    taken = [(e.get("start"), e.get("end")) for e in entities
             if isinstance(e.get("start"), int) and isinstance(e.get("end"), int) and e.get("entity") != "language"]
    found = [int(m.group(1)) for m in _YEAR.finditer(text)
             if not any(a <= m.start() < b for a, b in taken)]
    return tuple(dict.fromkeys(found))


# Words that join two questions in one sentence: "il contributo massimo e l'investimento minimo".
_JOINS = frozenset({"e", "ed", "and", "also", "anche", "inoltre", "plus"})
_ASKING = QUESTION_CONCEPTS | {"max", "min"}


def _pieces(text: str, said: tuple[Word, ...]) -> tuple[list[tuple[int, int]], bool]:
    """Word ranges of the questions in `text`: cut at each question mark, else at each joining
    word; the flag says whether the cuts were question marks."""
    cuts = [i for i in range(1, len(said)) if "?" in text[said[i - 1].end:said[i].start]]
    by_mark = bool(cuts)
    if not by_mark:
        cuts = [i for i, word in enumerate(said)
                if text[word.start:word.end].lower() in _JOINS and 0 < i < len(said) - 1]  # "è" is not "e"
    bounds = [0, *cuts, len(said)]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a], by_mark


def _questions(text: str, said: tuple[Word, ...], hits, entities: list[Mapping[str, Any]],
               whole: tuple[Match, ...]) -> tuple[str, ...]:
    """The aspects of each question when the message asks more than one, else ()."""
    ranges, by_mark = _pieces(text, said)
    if len(ranges) < 2 or not whole:
        return ()
    found: list[str] = []
    for first, last in ranges:
        start, end = said[first].start, said[last - 1].end
        concepts = {hit.concept for hit in hits if first <= hit.first and hit.last <= last}
        concepts |= _entity_concepts([e for e in entities if start <= (e.get("start") or -1) < end])
        matches = ranked(concepts)
        if not matches:
            continue
        best = matches[0]
        # Joined by "e"/"and" each side must ask on its own: "20 dipendenti e 3 mln di fatturato" is facts.
        if not by_mark and not (concepts & QUESTION_CONCEPTS or (best.score[0] >= 2 and concepts & _ASKING)):
            return ()
        if best.id not in found:
            found.append(best.id)
    if len(found) < 2:
        return ()
    return tuple(found)


def read(text: str, lang: str | None = None, entities: Iterable[Any] | None = None,
         lexicon: Lexicon | None = None) -> Reading:
    """What `text` asks about; `lang` ("it"/"en") settles words that differ across languages.

    `entities` are the message's entities (Rasa's dicts or bot.nlu Entities); by default they
    are extracted here."""
    text = (text or "")[:MAX_CHARS]
    if not text.strip() or text.lstrip().startswith("/"):
        return Reading(text, lang)
    lexicon = lexicon or default_lexicon()
    said = split_words(text, lexicon.speller)
    hits = tuple(call_names().find(said))
    plain = _unmasked(said, hits)
    if entities is None:
        from bot.nlu import extract

        entities = extract(text, lang)
    entity_dicts = _as_dicts(entities)
    concept_hits = lexicon.find(plain, lang)
    concepts = {hit.concept for hit in concept_hits} | _entity_concepts(entity_dicts)
    if any(hit.exact for hit in hits):  # a plan said in a measure's name ("temporary manager") is still the plan
        concepts |= {hit.concept for hit in lexicon.find(said, lang) if hit.concept.startswith(PLAN_PREFIX)}
    target = hits[0].call_id if hits else headline_call_id()
    items = items_in(plain, target) if target else ()
    if items:
        concepts.add(ITEM_CONCEPT)
    concepts = frozenset(concepts)
    aspects = tuple(ranked(concepts))
    return Reading(text, lang, hits, concepts, aspects, items, acts.signals(text), said,
                   _questions(text, said, concept_hits, entity_dicts, aspects),
                   () if hits else _years(text, entity_dicts))
