"""Which call a message names, from the catalogue: each call's titles and aliases, and the years
and distinctive words in them.

People rarely type a title whole: "il bando fiere 2020-2022", "the 2024 Export call", "la
Linea Artigiani". A call is named by one of its names written out (an alias or a title, any
inflection), or by its distinctive words together with its years or a word that announces a
call ("bando", "call", "misura", "linea"). A year that is not the call's counts against it, so
"the 2020-2022 fairs call" is the older edition even though "fairs call" names the newer one.
Adding a call file (with `aliases`) is all it takes for the chat to recognise it.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from typing import Iterable

from bot.catalogue import Catalogue, default_catalogue
from bot.nlu.words import Word, words as split_words

# Words that announce a call; alone they name none.
CALL_WORDS = frozenset("""bando bandi call calls misura misure linea line avviso voucher programma programme
    program edizione edition contributo contributi incentivo incentivi finanziamento agevolazione scheme measure measures""".split())
# Words of titles that say nothing about which call it is.
_GENERIC = frozenset("""il lo la i gli le di del della dei delle in per e a al da con the of for and to in
    lombardia lombardy regione region bando call misura measure linea line internazionali international
    trade pmi sme smes""".split()
    # words any owner says of the firm ("siamo un'impresa", "stati" read as "essere"), and the
    # chamber itself: in a title they tell no call apart
    + """nel negli nella nei sul sulla dal dalla with essere avere impresa imprese firm firms company
    camera commercio chamber commerce""".split()
    # the expense lines owners give figures for ("consulenza 10.000, formazione 5.000"): a label of
    # an amount, not the name of SIMEST's consultancy line (its name written out still is)
    + """consulenza consulenze consultancy consulting formazione training iniziative initiatives""".split())
_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)$")
_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-/]\s*((?:19|20)\d\d)\b")
PHRASE_SCORE = 10
YEAR_REACH = 2  # words between a call's word and its year: "Export Call 2024", "fiere 2020-2022"
YEAR_MATCH, YEAR_MISMATCH = 3.0, -4.0
MIN_SCORE = 2.0


@dataclass(frozen=True)
class CallHit:
    call_id: str
    score: float
    first: int  # word span of the name, when written out (else the distinctive words' span)
    last: int
    exact: bool


def _years(text: str) -> set[str]:
    found = set(re.findall(r"\b(?:19|20)\d\d\b", text))
    for low, high in _RANGE.findall(text):
        if int(low) <= int(high) <= int(low) + 10:
            found.update(str(y) for y in range(int(low), int(high) + 1))
    return found


@dataclass(frozen=True)
class _Names:
    call_id: str
    phrases: tuple[tuple[str, ...], ...]
    distinctive: frozenset[str]
    years: frozenset[str]


def _variants(title: str) -> set[str]:
    # "Bando Export 2024 (Unioncamere Lombardia)" is also written "Bando Export 2024".
    return {title, re.sub(r"\s*\([^)]*\)", "", title).strip()}


@functools.cache
def _place_words() -> frozenset[str]:
    """The words of Lombardy's province names ("bergamo", "monza", "brianza"). A chamber's call is
    titled with its place, but "siamo di Bergamo, che bandi ci sono?" names the firm's site, not
    the Bergamo chamber's fairs call: the place names it only with its other words ("Sondrio fairs
    call") or written out (an alias, a title)."""
    from bot.geo.municipalities import in_lombardy
    from bot.nlu.places import province_names

    return frozenset(w.text for name, code in province_names().items() if in_lombardy(code)
                     for w in split_words(name))


class CallNames:
    def __init__(self, catalogue: Catalogue):
        table = []
        places = _place_words()
        for call in catalogue:
            names = {v for title in call.title.values() for v in _variants(title)} | set(call.data.get("aliases", []))
            phrases, vocabulary, years = set(), set(), set()
            for name in names:
                said = split_words(name)
                phrases.add(tuple(w.text for w in said))
                # a title's words and their lemmas: "fiera" names the calls titled "Fiere ..."
                vocabulary.update(key for w in said for key in w.keys
                                  if not key.isdigit() and key not in _GENERIC and key not in CALL_WORDS
                                  and len(key) > 2)
                years.update(_years(name))
            table.append(_Names(call.id, tuple(sorted(phrases, key=len, reverse=True)), frozenset(vocabulary),
                                frozenset(years)))
        self.table = tuple(table)
        self.places = places
        counts: dict[str, int] = {}
        for names in table:
            for token in names.distinctive:
                counts[token] = counts.get(token, 0) + 1
        n = len(table)
        self.weight = {token: math.log((n + 1) / (df + 0.5)) for token, df in counts.items()}
        self.shared = frozenset(token for token, df in counts.items() if df > 1)

    def find(self, words: tuple[Word, ...]) -> list[CallHit]:
        """The calls named, best first; calls tied for best are all kept (the caller decides)."""
        said_years = {w.text for w in words if _YEAR.match(w.text)}
        announced = any(w.keys & CALL_WORDS for w in words)
        hits = [hit for names in self.table if (hit := self._score(names, words, said_years, announced))]
        dated = [hit for hit in hits if self._years_of(hit.call_id) & said_years]
        if dated:  # a year that a named call covers rules out the editions that do not cover it
            hits = dated
        hits.sort(key=lambda h: -h.score)
        if not hits:
            return []
        best = hits[0].score
        return [h for h in hits if h.score >= best - 0.5]

    def _years_of(self, call_id: str) -> frozenset[str]:
        return next((names.years for names in self.table if names.call_id == call_id), frozenset())

    def years_of(self, call_id: str) -> frozenset[int]:
        """The years a call's names cover ("Fiere ... 2020-2022": 2020, 2021, 2022)."""
        return frozenset(int(y) for y in self._years_of(call_id))

    def _score(self, names: _Names, words: tuple[Word, ...], said_years: set[str], announced: bool) -> CallHit | None:
        year_score = sum(YEAR_MATCH if y in names.years else YEAR_MISMATCH for y in said_years) if names.years else 0
        phrase = _phrase_at(names.phrases, words)
        if phrase is not None:
            first, last = phrase
            first, last = _start_of_name(names, words, first), _rest_of_name(names, words, last)
            # the name's own words count, not "bando" before it ("bando Export Plan" is the Export
            # Plan) nor a word skipped inside it ("bando temporary export manager" is SIMEST's)
            own = sum(1 for w in words[first:last] if not w.keys & CALL_WORDS
                      and (w.keys & names.distinctive or w.text in names.years))
            return CallHit(names.call_id, PHRASE_SCORE + own + year_score, first, last, True)
        present = [i for i, w in enumerate(words) if w.keys & names.distinctive]
        if not present:
            return None
        matched = {token for i in present for token in words[i].keys & names.distinctive}
        if matched <= self.places:  # "siamo di Bergamo": the firm's site alone names no chamber's call
            return None
        score = sum(self.weight[token] for token in matched)
        # A year names a call only next to its words ("fiere 2020-2022", "the 2024 Export call"),
        # not as the year of a figure elsewhere in the message ("volume d'affari 2024").
        years_agree = any(words[j].text in names.years for i in present
                          for j in range(max(0, i - YEAR_REACH), min(len(words), i + YEAR_REACH + 1)))
        # ...or, with a call word in the message, anywhere in it ("le fiere del bando 2024-2026")
        years_agree = years_agree or (announced and bool(said_years & names.years))
        if not (announced or years_agree):
            return None
        # "bandi per l'export": a word several calls share names none of them by a call word alone
        # (with 29 calls "export" weighs as much as a name would)
        if not years_agree and matched <= self.shared:
            return None
        score += year_score
        if score < MIN_SCORE:
            return None
        return CallHit(names.call_id, score, min(present), max(present) + 1, False)


_LINKS = frozenset({"di", "del", "della", "dell", "of", "the", "by", "da"})


def _rest_of_name(names: _Names, words: tuple[Word, ...], end: int) -> int:
    """The end of a name written out, with the rest of its title after it ("Bando Export 2024 di
    Unioncamere"): those words name the call, not what the question is about."""
    at = end
    while at < len(words):
        if words[at].keys & names.distinctive or words[at].text in names.years:
            end = at = at + 1
        elif words[at].text in _LINKS and at + 1 < len(words) and words[at + 1].keys & names.distinctive:
            at += 1
        else:
            break
    return end


def _start_of_name(names: _Names, words: tuple[Word, ...], start: int) -> int:
    """The start of a name written out, with the title's words just before it ("the Brescia AGEF
    2507 call"): "Brescia" is then the call's, not the firm's province."""
    while start > 0 and words[start - 1].keys & names.distinctive:
        start -= 1
    return start


def _phrase_at(phrases: Iterable[tuple[str, ...]], words: tuple[Word, ...]) -> tuple[int, int] | None:
    """The longest name written out in the words (each name word in a message word's keys); one
    extra word may stand inside a name of three words or more ("fiere internazionali in forma
    aggregata" for "fiere in forma aggregata")."""
    for phrase in phrases:
        for at in range(len(words)):
            end = _match_from(phrase, words, at, gaps=1 if len(phrase) >= 3 else 0)
            if end is not None:
                return at, end
    return None


# Little words an owner puts inside a name ("SIMEST per l'e-commerce" for "SIMEST e-commerce").
_FILLERS = frozenset("per l la il lo le i gli di del della dell un una for the of a".split())


def _match_from(phrase: tuple[str, ...], words: tuple[Word, ...], at: int, gaps: int) -> int | None:
    i = at
    for n, token in enumerate(phrase):
        # after a name's own word (not "bando": "bandi per le fiere" is no call's name), fillers pass
        if 0 < n and phrase[n - 1] not in CALL_WORDS:
            while i < len(words) and words[i].text in _FILLERS and token not in words[i].keys:
                i += 1
        if i < len(words) and token in words[i].keys:
            i += 1
        elif gaps and 0 < n and i + 1 < len(words) and token in words[i + 1].keys:
            gaps, i = gaps - 1, i + 2
        else:
            return None
    return i


@functools.cache
def _default() -> CallNames:
    return CallNames(default_catalogue())


def call_names(catalogue: Catalogue | None = None) -> CallNames:
    return _default() if catalogue is None else CallNames(catalogue)


def reset() -> None:
    """Forget the names (after the catalogue was reloaded)."""
    _default.cache_clear()
