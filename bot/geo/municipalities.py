"""Italian municipalities (comuni) and provinces, from the register bundled with python-codicefiscale.

The register (codicefiscale/data/municipalities.json, built from the national ANPR list) holds
every municipality since 1861, ceased ones included, each with the dates it existed. We keep
those that exist on the clock's today, so a merger or a new province code takes effect on its
date and tests can pin the day with ORIENTA_TODAY. Names are as the register spells them.
"""
from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from bot import clock

# The 12 provinces of Lombardy, as listed with their chambers in FACTS.md §4 (Lombardy's
# 7 chambers of commerce and the provinces each serves). The register has no region field,
# so this cannot be derived from it; the tests assert each code is a current province there.
LOMBARDY_PROVINCES: frozenset[str] = frozenset(
    {"BG", "BS", "CO", "CR", "LC", "LO", "MB", "MI", "MN", "PV", "SO", "VA"}
)

# Longer than any real name ("San Giorgio di Nogaro"...), short enough to keep fuzzy search cheap.
MAX_NAME_LENGTH = 100
_PROVINCE_CODE = re.compile(r"^[A-Z]{2}$")


class PlaceError(ValueError):
    """A place we cannot pin down; the message (English) says why and what was meant."""

    def __init__(self, message: str, candidates: tuple["Comune", ...] = (), suggestions: tuple["Comune", ...] = ()):
        super().__init__(message)
        self.candidates = candidates  # homonyms to choose from, when the name is ambiguous
        self.suggestions = suggestions  # close spellings, when the name is unknown


@dataclass(frozen=True, order=True, slots=True)
class Comune:
    name: str
    province: str

    def __str__(self) -> str:
        return f"{self.name} ({self.province})"


@dataclass(frozen=True, slots=True)  # ~19,000 of them: slots halve their memory
class _Entry:
    comune: Comune
    keys: frozenset[str]  # normalised official, translated and alternative (e.g. German) names
    created: date
    ceased: date | None

    def exists_on(self, day: date) -> bool:
        return self.created <= day and (self.ceased is None or day <= self.ceased)


@dataclass(frozen=True)
class _Register:
    by_key: dict[str, tuple[Comune, ...]]
    provinces: frozenset[str]


def _key(text: str) -> str:
    """Comparison form: no accents, case, apostrophes, hyphens or spaces ("Cantu'" == "cantù")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed.casefold() if ch.isalnum() and not unicodedata.combining(ch))


def _day(raw: str) -> date:
    # A few entries carry a stray character after the date ("1934-01-01:T00:00:00").
    return date.fromisoformat(raw[:10])


@functools.cache
def _entries() -> tuple[_Entry, ...]:
    from codicefiscale.data import get_municipalities_data  # slow import: only when a place is asked

    entries = []
    for row in get_municipalities_data():
        names = {row["name"], row["name_trans"], row["name_alt"], row["name_alt_trans"]} - {""}
        entries.append(
            _Entry(
                comune=Comune(row["name"], row["province"]),
                keys=frozenset(_key(n) for n in names),
                created=_day(row["date_created"]),
                ceased=_day(row["date_deleted"]) if row["date_deleted"] else None,
            )
        )
    return tuple(entries)


@functools.cache
def _register_on(day: date) -> _Register:
    by_key: dict[str, set[Comune]] = {}
    for entry in _entries():
        if entry.exists_on(day):
            for key in entry.keys:
                by_key.setdefault(key, set()).add(entry.comune)
    return _Register(
        by_key={k: tuple(sorted(v, key=lambda c: (c.province, c.name))) for k, v in by_key.items()},
        provinces=frozenset(c.province for found in by_key.values() for c in found),
    )


def _register() -> _Register:
    return _register_on(clock.today())


def province_codes() -> frozenset[str]:
    """Every Italian province code in use today (two capital letters)."""
    return _register().provinces


def comuni() -> list[Comune]:
    """Every municipality existing today, homonyms included (the NLU builds its name lookup from them)."""
    return sorted({c for found in _register().by_key.values() for c in found})


def in_lombardy(province: str) -> bool:
    return isinstance(province, str) and province.strip().upper() in LOMBARDY_PROVINCES


def candidates(name: str) -> list[Comune]:
    """All municipalities existing today whose name matches, homonyms in other provinces included."""
    if not isinstance(name, str) or len(name) > MAX_NAME_LENGTH:
        return []
    return list(_register().by_key.get(_key(name), ()))


def resolve(name: str, province: str | None = None) -> Comune:
    """The one municipality meant by a name, the province (if given) telling homonyms apart."""
    key = _checked_key(name)
    code = _checked_province(province)
    register = _register()
    found = register.by_key.get(key, ())
    if not found:
        raise _unknown(name, code, register)
    if code is not None:
        in_province = tuple(c for c in found if c.province == code)
        if not in_province:
            where = ", ".join(str(c) for c in found)
            raise PlaceError(f"'{name.strip()}' is not in province {code}: it is {where}", candidates=found)
        found = in_province
    if len(found) > 1:
        listed = ", ".join(str(c) for c in found)
        raise PlaceError(f"'{name.strip()}' is ambiguous; give the province: {listed}", candidates=found)
    return found[0]


def _checked_key(name: str) -> str:
    if not isinstance(name, str):
        raise PlaceError("a municipality name must be text")
    if len(name) > MAX_NAME_LENGTH:
        raise PlaceError(f"a municipality name is at most {MAX_NAME_LENGTH} characters")
    key = _key(name)
    if not key:
        raise PlaceError(f"'{name}' is not a municipality name")
    return key


def _checked_province(province: str | None) -> str | None:
    if province is None or (isinstance(province, str) and not province.strip()):
        return None  # a blank province from a form means "not given"
    code = province.strip().upper() if isinstance(province, str) else ""
    if not _PROVINCE_CODE.match(code) or code not in province_codes():
        raise PlaceError(f"'{province}' is not an Italian province code")
    return code


def _unknown(name: str, province: str | None, register: _Register) -> PlaceError:
    key = _key(name)
    ceased = _ceased(key, province)
    if ceased is not None:
        return PlaceError(
            f"'{ceased.comune}' is no longer a municipality (ceased on {ceased.ceased.isoformat()}); "
            "give the municipality it is part of today"
        )
    pool = {
        k: found
        for k, found in register.by_key.items()
        if province is None or any(c.province == province for c in found)
    }
    close = difflib.get_close_matches(key, list(pool), n=3, cutoff=0.8)
    suggestions = tuple(c for k in close for c in pool[k] if province is None or c.province == province)
    message = f"'{name.strip()}' is not an Italian municipality"
    if suggestions:
        names = [str(c) for c in suggestions]
        message += "; did you mean " + " or ".join(filter(None, [", ".join(names[:-1]), names[-1]])) + "?"
    return PlaceError(message, suggestions=suggestions)


def _ceased(key: str, province: str | None) -> _Entry | None:
    """The latest entry under that name that has ceased, for a helpful message about mergers."""
    today = clock.today()
    gone = [
        e
        for e in _entries()
        if key in e.keys and e.ceased is not None and e.ceased < today
        and (province is None or e.comune.province == province)
    ]
    return max(gone, key=lambda e: e.ceased, default=None)
