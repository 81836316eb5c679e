"""What each number in a message is: an amount (and of what), a share, a headcount, a duration...

The unit written after a number decides first ("25 dipendenti", "6 anni", "24 mq", "due fiere");
then a percent sign or a currency or multiplier; then the words before it ("siamo in 25",
"nel 2024"). An amount's role, and whether a share is about exports, comes from the nearest
cue word in the same clause ("4 milioni di fatturato", "vorremmo investire 100 mila euro").
A number nothing explains gives no entity: a guess would fill the wrong fact.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from bot.nlu import lexicon
from bot.nlu.numbers import Number, numbers_in
from bot.nlu.text import lowered
from bot.nlu.types import Entity, plain

_UNITS = {name: re.compile(rf"\s*{pattern}") for name, pattern in lexicon.UNITS.items()}
_EMPLOYEES_BEFORE = re.compile(lexicon.EMPLOYEES_BEFORE)
_YEAR_BEFORE = re.compile(lexicon.YEAR_BEFORE)
_ROLES = {role: re.compile(rf"(?:{pattern})") for role, pattern in lexicon.AMOUNT_ROLES.items()}
_EXPORT = re.compile(rf"(?:{lexicon.EXPORT})")
_SPENDING = {"investment": re.compile(rf"(?:{lexicon.GENERIC_SPENDING})")}
_FRACTIONS = tuple((re.compile(pattern), Decimal(value)) for pattern, value in lexicon.FRACTIONS)
_FRACTION_AFTER = re.compile(lexicon.FRACTION_AFTER)
_EXHIBITOR = {kind: re.compile(pattern) for kind, pattern in lexicon.EXHIBITOR.items()}
_TOKEN = re.compile(r"[^\W_]+(?:'(?=\w))?|[^\w\s]|\n")
_COUNTS = {"employees", "fairs_count"}  # whole numbers only: "2,5 dipendenti" is not a headcount


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    number: Number | None = None

    @property
    def ends_clause(self) -> bool:
        return self.number is None and (self.text in lexicon.CLAUSE_MARKS or self.text in lexicon.CLAUSE_WORDS)


def _tokens(low: str, numbers: list[Number]) -> list[_Token]:
    """Words and marks, each number as one token (so "1,5" or "un milione e mezzo" ends no clause)."""
    tokens = [_Token(n.start, n.end, low[n.start:n.end], n) for n in numbers]
    for match in _TOKEN.finditer(low):
        if all(match.end() <= n.start or match.start() >= n.end for n in numbers):
            tokens.append(_Token(match.start(), match.end(), match.group().rstrip("'")))
    return sorted(tokens, key=lambda t: t.start)


def _nearest_cue(tokens: list[_Token], at: int, cues: dict[str, re.Pattern]) -> str | None:
    """The cue nearest to tokens[at] within the clause and the window; ties go to the specific cost."""
    best: tuple[int, int, str] | None = None
    for step in (-1, 1):
        i, distance = at + step, 0
        while 0 <= i < len(tokens) and distance < lexicon.ROLE_WINDOW and not tokens[i].ends_clause:
            distance += 1
            for name, pattern in cues.items():
                if tokens[i].number is None and pattern.fullmatch(tokens[i].text):
                    rank = lexicon.ROLE_PREFERENCE.index(name) if name in lexicon.ROLE_PREFERENCE else 0
                    candidate = (distance, rank, name)
                    best = candidate if best is None or candidate < best else best
            i += step
    return best[2] if best else None


def _role(tokens: list[_Token], at: int) -> str | None:
    return _nearest_cue(tokens, at, _ROLES) or _nearest_cue(tokens, at, _SPENDING)


def _unit(low: str, number: Number) -> tuple[str, int] | None:
    if number.percent or number.currency or number.scale != 1:
        return None
    for name, pattern in _UNITS.items():
        match = pattern.match(low, number.end)
        if match:
            return name, match.end()
    return None


def _is_whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


def _looks_like_a_year(number: Number) -> bool:
    low_year, high_year = lexicon.YEARS_RANGE
    return number.digits.isdigit() and len(number.digits) == 4 and low_year <= number.value <= high_year


def _classify(low: str, tokens: list[_Token], at: int) -> Entity | None:
    number = tokens[at].number
    value = plain(number.value)
    unit = _unit(low, number)
    if unit is not None:
        name, _ = unit
        if name in _COUNTS and not _is_whole(number.value):
            return None
        return Entity(number.start, number.end, name, value)
    if number.percent:
        role = "export" if _nearest_cue(tokens, at, {"export": _EXPORT}) else None
        return Entity(number.start, number.end, "percent", value, role)
    if not number.bare:
        return Entity(number.start, number.end, "amount", value, _role(tokens, at))
    before = low[max(0, number.start - 40):number.start]
    if _is_whole(number.value) and not number.grouped and _EMPLOYEES_BEFORE.search(before):
        return Entity(number.start, number.end, "employees", value)
    if _looks_like_a_year(number):
        # "nel 2024", and "fatturato 2023" (the year of a figure); an amount that size comes with "€" or "euro".
        after_a_cue = at > 0 and any(p.fullmatch(tokens[at - 1].text) for p in _ROLES.values())
        return Entity(number.start, number.end, "year", value) if _YEAR_BEFORE.search(before) or after_a_cue else None
    if number.value.copy_abs() <= 100 and _nearest_cue(tokens, at, {"export": _EXPORT}):
        return Entity(number.start, number.end, "percent", value, "export")  # "export al 30"
    role = _role(tokens, at)
    if role is not None and (number.value.copy_abs() >= 1000 or number.grouped):
        return Entity(number.start, number.end, "amount", value, role)  # "fatturato di 800000"
    return None


def _fractions(low: str, numbers: list[Number]) -> list[tuple[int, int, Decimal]]:
    found = []
    for pattern, value in _FRACTIONS:
        for match in pattern.finditer(low):
            if any(n.scale != 1 and n.start < match.end() and match.start() < n.end for n in numbers):
                continue  # "half a million" is money, not a share
            if _FRACTION_AFTER.match(low, match.end()):
                found.append((match.start(), match.end(), value))
    return found


def quantities(text: str, *, exclude: list[tuple[int, int]] = ()) -> list[Entity]:
    """Amounts, percents, headcounts, durations, areas, fair counts, years and the exhibitor kind in `text`.

    `exclude` holds spans already taken by other entities (a call's title carries its year).
    """
    low = lowered(text)
    numbers = [n for n in numbers_in(text) if all(n.end <= s or n.start >= e for s, e in exclude)]
    fractions = _fractions(low, numbers)
    numbers = [n for n in numbers if all(n.end <= s or n.start >= e for s, e, _ in fractions)]
    tokens = _tokens(low, numbers)
    found = []
    for at, token in enumerate(tokens):
        if token.number is not None:
            entity = _classify(low, tokens, at)
            if entity is not None:
                found.append(entity)
    for start, end, share in fractions:
        fraction = Number(start, end, share, percent=True)
        tokens_with = _tokens(low, sorted(numbers + [fraction], key=lambda n: n.start))
        at = next(i for i, t in enumerate(tokens_with) if t.number is fraction)
        role = "export" if _nearest_cue(tokens_with, at, {"export": _EXPORT}) else None
        found.append(Entity(start, end, "percent", plain(share), role))
    for kind, pattern in _EXHIBITOR.items():
        for match in pattern.finditer(low):
            found.append(Entity(match.start(), match.end(), "exhibitor", kind))
    return found
