"""Places, the one reader: municipalities and provinces in a message (and when a name that is
also a word is a place), and a place typed as the answer to "where is the firm?".

Names come from the national register (bot.geo.municipalities) and from ISO 3166-2 (pycountry)
for provinces ("Monza e Brianza" -> MB). Many comuni are also ordinary words ("Sale", "Opera",
"Fondi", "Mese", "Calcio"), so a name is taken as a place when:
- it is written as a name: capitalised in mid-sentence ("ho la sede a Sale", "a Rho Fiera");
- or words before it say a place follows ("sono di", "siamo a", "sede a", "comune di", "based in");
- or it is the whole answer ("Voghera", "sono di Voghera.", "Sale (AL)");
- or, lowercase or first in the sentence, it is not an ordinary word ("voghera", "Bergamo, 25 dipendenti").
A two-letter code is a province when written in capitals next to a place or as the whole answer,
or after "provincia di": "NO" and "SI" in a sentence are words, "PC" is a computer.

An answer ("Seriate", "Seriate (BG)", "BG", "siamo a Lodi") is read whole by `read_answer`,
which resolves it against the register and says why when it cannot (unknown, ambiguous, a
near miss to suggest).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

from bot.geo import municipalities
from bot.nlu import lexicon
from bot.nlu.gazetteer import Hit
from bot.nlu.text import folded
from bot.nlu.types import Entity

# English names of Italian cities, which the register does not carry.
EXONYMS = {"Milan": "Milano", "Mantua": "Mantova", "Turin": "Torino", "Rome": "Roma", "Venice": "Venezia",
           "Florence": "Firenze", "Naples": "Napoli", "Genoa": "Genova", "Padua": "Padova", "Syracuse": "Siracusa"}
_PROVINCE_TYPES = {"Province", "Metropolitan city", "Autonomous province", "Free municipal consortium",
                   "Decentralized regional entity"}

_STRONG_CUE = re.compile(
    r"(?:\b(?:sono|siamo|sta|stiamo|abito|abitiamo|lavoro|lavoriamo|operiamo|opero|produciamo|sede|sedi|operativa|"
    r"legale|produttiva|stabilimento|comune|citta|paese|provincia|zona|dintorni|vicino|presso|based|located|situated|"
    r"headquartered|office|offices|site|plant|covers?|copre|from|near|province|municipality|town|city)"
    r"(?:\s+(?:e|si\s+trova|is|are))?\s+(?:a|ad|di|in|da|of|at|to|near|nel\s+comune\s+di)?\s*"
    r"|\b(?:we're|we\s+are|i'm|i\s+am)\s+(?:in|from|at|near)\s*)$"
)
_WEAK_CUE = {"a", "ad", "di", "da", "in", "at", "of", "near", "to", "d", "from"}
_PROVINCE_ONLY_BEFORE = re.compile(r"\b(?:provincia|province|prov)\s*\.?\s*(?:di|of)?\s*$")
_PROVINCE_ONLY_AFTER = re.compile(r"^\s*(?:province|provincia)\b")
_FILLERS = re.compile(
    r"\b(?:la|nostra|sede|operativa|legale|si|trova|siamo|sono|ci|troviamo|è|e'|a|ad|in|nel|comune|di|del|della|"
    r"provincia|our|the|site|office|is|we|are|we're|based|located|i'm|i|am|from|at|of|province|municipality|town|"
    r"city|near|vicino|presso|zona|in|ok|allora|beh|dunque|anzi|sorry|scusa|actually)\b|[^\w]+",
)
# "la sede legale è a Milano", "registered office in Lugano": where the firm is registered, which
# is not where it operates; the calls ask for an operating site (role "legal": not the firm's place).
_LEGAL_BEFORE = re.compile(r"\b(?:sede\s+legale|sede\s+sociale|registered\s+(?:office|address|seat)|"
                           r"legal\s+(?:seat|address|office))(?:\s+[\w']+){0,3}\s*$")
_CODE = re.compile(r"(?<![\w.])([A-Za-z]{2})(?![\w.])")
_CODE_NEXT_TO_PLACE = re.compile(r"\s*(?:\(\s*|,\s*|-\s*|)([A-Za-z]{2})\s*\)?(?![\w])")
# Two-letter codes that are also everyday words or abbreviations: never on their own.
_CODES_THAT_ARE_WORDS = {"NO", "SI", "PC", "TV", "CE", "PA", "PR", "VC", "FC", "PD", "NA", "AT", "IS", "OR", "IN",
                         "TO", "RE", "ME", "SA", "SS", "SP", "BA", "AN", "AL", "LE", "LO", "MO", "CH", "PI", "GO"}
_YES_NO = {"NO", "SI"}  # Novara and Siena, but as a whole answer they are "no" and "yes"
_NOT_ANSWERS = {"salve", "bella", "ciao", "grazie", "ok"}


@functools.cache
def province_names() -> dict[str, str]:
    """Province name (as ISO 3166-2 writes it, with common variants) -> code, for codes in use today."""
    import pycountry

    codes = municipalities.province_codes()
    found: dict[str, str] = {}
    for division in pycountry.subdivisions.get(country_code="IT"):
        code = division.code.split("-")[1]
        if division.type in _PROVINCE_TYPES and code in codes:
            name = division.name
            for variant in {name, name.replace(" e ", " "), name.replace("-", " "), name.replace(" e ", "-")}:
                found[variant] = code
    found["VCO"] = "VB"  # Verbano-Cusio-Ossola is always called that
    return found


def lookup_entries() -> list[tuple[str, str, str]]:
    entries = [("comune", c.name, c.name) for c in municipalities.comuni()]
    entries += [("comune", official, english) for english, official in EXONYMS.items()]
    entries += [("province", code, name) for name, code in province_names().items()]
    return entries


@functools.cache
def _stop_words() -> frozenset[str]:
    import spacy

    words = set(spacy.blank("it").Defaults.stop_words) | set(spacy.blank("en").Defaults.stop_words)
    return frozenset(folded(w) for w in words)


@functools.cache
def _number_words() -> frozenset[str]:
    """Comuni named like numbers ("Cento", "Nove"): as an answer they are a count."""
    from bot.nlu.numbers import numbers_in

    names = {folded(c.name) for c in municipalities.comuni()}
    return frozenset(name for name in names if " " not in name and numbers_in(name))


@functools.cache
def _dictionary_words() -> frozenset[str]:
    """One-word comuni whose name is also an Italian word in simplemma's dictionary ("Chiusi",
    "Contà", "Crema", "Lodi"): in running text such a word is a place only where it reads as one."""
    import simplemma

    names = {folded(c.name) for c in municipalities.comuni()}
    return frozenset(name for name in names if " " not in name and name.isalpha() and simplemma.is_known(name, lang="it"))


@functools.cache
def _ordinary_words() -> frozenset[str]:
    return (_stop_words() | frozenset(folded(w) for w in lexicon.ORDINARY_WORDS) | _number_words()
            | _dictionary_words())


def is_ordinary_word(name: str) -> bool:
    """Whether a single-word name is also an everyday word, or too short to tell ("Rho", "Re")."""
    key = folded(name).strip()
    return " " not in key and (len(key) <= 3 or key in _ordinary_words())


@dataclass(frozen=True)
class _Context:
    text: str
    low: str  # folded text

    def before(self, start: int) -> str:
        return self.low[max(0, start - 50):start]

    def starts_sentence(self, start: int) -> bool:
        return not re.search(r"[^\W\d_][^.!?\n]*$", self.text[:start])

    def capitalised(self, start: int) -> bool:
        return self.text[start:start + 1].isupper() and not self.text.isupper()

    def whole_answer(self, start: int, end: int) -> bool:
        """Nothing but the name, filler words ("sono di", "we are in") and maybe its province code."""
        after = self.low[end:]
        code = _CODE_NEXT_TO_PLACE.match(after)
        rest = self.low[:start] + " " + (after[code.end():] if code else after)
        return not _FILLERS.sub("", rest).strip()


def _name_is_a_place(ctx: _Context, hit: Hit) -> bool:
    typed = ctx.text[hit.start:hit.end]
    if hit.last - hit.first > 1 and not is_ordinary_word(typed.replace(" ", "")):
        return True  # "Sesto San Giovanni", "Monza e Brianza": no everyday phrase
    if _STRONG_CUE.search(ctx.before(hit.start)):
        return True
    if ctx.whole_answer(hit.start, hit.end):
        # "Sale" or "calcio" alone answer "where?"; "nove" answers "how many?", "ora" and "salve" are no place.
        word = folded(typed)
        if word in _NOT_ANSWERS or word in _number_words():
            return False
        return ctx.capitalised(hit.start) or word not in _stop_words()
    if ctx.capitalised(hit.start) and not ctx.starts_sentence(hit.start):
        return True
    if is_ordinary_word(typed):
        # Capitalised at the start of a sentence, a Lombard comune is the firm's place more often
        # than the word ("Crema, 35 dipendenti"); elsewhere in Italy the word wins ("Conta anche...").
        return ctx.capitalised(hit.start) and hit.kind == "comune" and _lombard(hit.value)
    return True


def _lombard(name: str) -> bool:
    return any(c.province in municipalities.LOMBARDY_PROVINCES for c in municipalities.candidates(name))


def _province_codes(ctx: _Context, places: list[Entity]) -> list[Entity]:
    codes = municipalities.province_codes()
    found = []
    after_places = {p.end for p in places}
    whole = ctx.text.strip(" .!?")
    for match in _CODE.finditer(ctx.text):
        typed = match.group(1)
        code = typed.upper()
        if code not in codes:
            continue
        next_to_place = (typed.isupper() or ctx.text[:match.start()].rstrip().endswith("(")) and any(
            (m := _CODE_NEXT_TO_PLACE.match(ctx.text, end)) and m.start(1) == match.start(1) for end in after_places
        )
        after_provincia = bool(_PROVINCE_ONLY_BEFORE.search(ctx.before(match.start())))
        alone = whole == typed and code not in _YES_NO and (
            typed.isupper() or code in municipalities.LOMBARDY_PROVINCES - {"MI", "SO", "CO", "LO", "VA"})
        in_capitals = typed.isupper() and not ctx.text.isupper() and code not in _CODES_THAT_ARE_WORDS and (
            code in municipalities.LOMBARDY_PROVINCES)
        if next_to_place or after_provincia or alone or in_capitals:
            found.append(Entity(match.start(1), match.end(1), "province", code))
    return found


def places(text: str, hits: list[Hit]) -> list[Entity]:
    """Comuni (each with its province when the name is unique) and provinces named in `text`."""
    ctx = _Context(text, folded(text))
    found: list[Entity] = []
    for hit in hits:
        if hit.kind not in ("comune", "province") or not _name_is_a_place(ctx, hit):
            continue
        province_only = _PROVINCE_ONLY_BEFORE.search(ctx.before(hit.start)) or _PROVINCE_ONLY_AFTER.match(ctx.low[hit.end:])
        if hit.kind == "province":
            found.append(Entity(hit.start, hit.end, "province", hit.value))
        elif not province_only:
            found.append(Entity(hit.start, hit.end, "comune", hit.value))
            homonyms = {c.province for c in municipalities.candidates(hit.value)}
            if len(homonyms) == 1:
                found.append(Entity(hit.start, hit.end, "province", homonyms.pop()))
    named = {e.value for e in found if e.entity == "province"}
    codes = [c for c in _province_codes(ctx, [e for e in found if e.entity == "comune"]) if c.value not in named]
    return [_legal(ctx, e) for e in found + codes]


def _legal(ctx: _Context, place: Entity) -> Entity:
    if _LEGAL_BEFORE.search(ctx.before(place.start)):
        return Entity(place.start, place.end, place.entity, place.value, "legal")
    return place


# --- a place typed as an answer -------------------------------------------------------------------

@dataclass(frozen=True)
class PlaceAnswer:
    """Where the company is: a name without filler words, a province code if one was typed
    ("Seriate (BG)"), and the text as typed, for names that start like a filler ("La Valletta Brianza")."""

    name: str
    province: str | None = None
    as_typed: str = ""


# Words people put around a place name ("siamo a Bergamo", "we are based in Seriate").
_ANSWER_FILLERS = re.compile(
    r"^(?:(?:la|nostra|sede|operativa|si|trova|siamo|sono|ci|troviamo|è|e'|a|ad|in|nel|"
    r"comune|di|del|della|provincia|our|the|site|office|is|we|are|we're|based|located|"
    r"in|at|of|province|municipality|town|city)\b[\s,:]*)+",
    re.IGNORECASE,
)
# A trailing province code: "Seriate (BG)", "Seriate, BG", "Seriate BG", "Seriate - bg".
# Read from the end, not with one regex: "^(.+?)[\s,(-]+.." backtracks quadratically on a name
# followed by a long run of blanks.
_CODE_SEPARATORS = " \t\n\r\f\v\u00a0,(-"
_CODE_AT_END = re.compile(r"[A-Za-z]{2}\Z")
_NOT_CODES = {"di", "in", "la", "le", "lo", "il", "ad", "al", "ed", "da", "du"}


def parse_answer(text: str) -> PlaceAnswer | None:
    """The place in an answer, not yet checked against the register of comuni."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text or "").strip().rstrip(".!?;")
    if text.startswith("/") or not text or re.search(r"\d", text):
        return None
    as_typed = text
    text = _ANSWER_FILLERS.sub("", text).strip(" ,")
    if not text:
        return None
    if re.fullmatch(r"[A-Za-z]{2}", text):
        return PlaceAnswer(name="", province=text.upper(), as_typed=as_typed)
    coded = _trailing_code(text)
    if coded and coded[1].lower() not in _NOT_CODES:
        return PlaceAnswer(coded[0].strip(" ,"), coded[1].upper(), as_typed)
    return PlaceAnswer(name=text, as_typed=as_typed)


def _trailing_code(text: str) -> tuple[str, str] | None:
    """("Seriate", "BG") for "Seriate (BG)": a name, separators, two letters, maybe ")" at the end."""
    body = text.rstrip()
    body = body[:-1].rstrip() if body.endswith(")") else body
    code = _CODE_AT_END.search(body[-2:]) if len(body) >= 2 else None
    if code is None:
        return None
    head = body[:-2]
    name = head.rstrip(_CODE_SEPARATORS)
    if not name or len(name) == len(head):  # no separator before the code, or no name
        return None
    return name, body[-2:]


@dataclass(frozen=True)
class PlaceReading:
    """The place read ({"comune", "province"} or {"province"}), or the sentence key saying why not."""

    place: dict[str, str] | None = None
    problem: str | None = None
    values: dict[str, Any] = field(default_factory=dict)


def read_answer(text: str) -> PlaceReading:
    """A municipality ("Seriate", "Seriate (BG)") or a province code ("BG") typed as an answer."""
    answer = parse_answer(text)
    if answer is None:
        return PlaceReading(problem="chat.invalid.place")
    codes = municipalities.province_codes()
    if not answer.name:
        if answer.province not in codes:
            return PlaceReading(problem="chat.invalid.place_province", values={"code": answer.province})
        return PlaceReading({"province": answer.province})
    attempts = [(answer.name, answer.province)] if answer.province in codes else []
    attempts += [(answer.as_typed, None), (answer.name, None)]
    error: municipalities.PlaceError | None = None
    for name, province in attempts:
        try:
            comune = municipalities.resolve(name, province)
        except municipalities.PlaceError as err:
            error = error or err
            continue
        return PlaceReading({"comune": comune.name, "province": comune.province})
    if error is not None and error.candidates:
        return PlaceReading(problem="chat.invalid.place_ambiguous",
                            values={"name": answer.name, "options": [str(c) for c in error.candidates]})
    if error is not None and error.suggestions:
        return PlaceReading(problem="chat.invalid.place_suggest",
                            values={"name": answer.name, "options": [str(s) for s in error.suggestions]})
    return PlaceReading(problem="chat.invalid.place_unknown", values={"name": answer.name})
