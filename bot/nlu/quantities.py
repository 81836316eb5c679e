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
from bot.money import to_decimal
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
_COUNTS = {"employees", "fairs_count", "balance_sheets"}  # whole numbers only: "2,5 dipendenti" is not a headcount
_BALANCE_SHEETS_BEFORE = re.compile(lexicon.BALANCE_SHEETS_BEFORE)


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


def _nearest_cue(tokens: list[_Token], at: int, cues: dict[str, re.Pattern], window: int = lexicon.ROLE_WINDOW) -> str | None:
    """The cue nearest to tokens[at] within the clause and the window; ties go to the specific cost."""
    best: tuple[int, int, str] | None = None
    for step in (-1, 1):
        i, distance = at + step, 0
        while 0 <= i < len(tokens) and distance < window and not tokens[i].ends_clause:
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
        if name in _COUNTS and (not _is_whole(number.value) or (name != "employees" and number.value > 100)):
            return None  # "2,5 dipendenti" is no headcount, "2022 fiere" is a year
        return Entity(number.start, number.end, name, value)
    if number.percent:
        # a share is about exports when the clause says so: "70% of what we sell goes abroad"
        role = "export" if _nearest_cue(tokens, at, {"export": _EXPORT}, lexicon.SHARE_WINDOW) else None
        if role is None and _TOTAL_AFTER.match(low, number.end):
            role = "total"  # "30% fuori UE e 15% in UE, quindi 45% in tutto": the sum is the answer
        return Entity(number.start, number.end, "percent", value, role)
    if not number.bare:
        return Entity(number.start, number.end, "amount", value, _role(tokens, at))
    before = low[max(0, number.start - 40):number.start]
    if _is_whole(number.value) and not number.grouped and _EMPLOYEES_BEFORE.search(before):
        return Entity(number.start, number.end, "employees", value)
    if _is_whole(number.value) and number.value < 100 and _BALANCE_SHEETS_BEFORE.search(before):
        return Entity(number.start, number.end, "balance_sheets", value)
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
    found += _ranges(low, tokens, found)
    found += _no_exports(low, found)
    found += _no_balance_sheets(low, found)
    found += _single_fair(low, found)
    found += _no_spending(low, found)
    return found


_RANGE_OPEN = {"tra", "fra", "da", "dai", "dal", "between", "from"}
_RANGE_JOIN = {"e", "a", "ai", "al", "and", "to", "-"}
_ARTICLES = {"il", "lo", "i", "the", "l"}
_NO_EXPORTS = re.compile(lexicon.NO_EXPORTS)
_RANGED = ("amount", "percent", "employees", "balance_sheets", "sqm", "fairs_count")


def _skip(tokens: list[_Token], i: int) -> int:
    return i + 1 if i < len(tokens) and tokens[i].text in _ARTICLES else i


def _range_at(tokens: list[_Token], i: int) -> int | None:
    """The index of the upper number when tokens[i] opens a range ("tra il 10 e il 20%"), else None."""
    join = _skip(tokens, i + 1)
    second = _skip(tokens, join + 1)
    if second >= len(tokens) or tokens[second].number is None or tokens[join].text not in _RANGE_JOIN:
        return None
    opened = i > 0 and (tokens[i - 1].text in _RANGE_OPEN or (i > 1 and tokens[i - 1].text in _ARTICLES
                                                               and tokens[i - 2].text in _RANGE_OPEN))
    return second if opened or tokens[join].text == "-" else None


def _ranges(low: str, tokens: list[_Token], found: list[Entity]) -> list[Entity]:
    """"tra 10 e 20 milioni", "from 30 to 40 employees", "10-20%": the upper end is the entity found
    (with the role the words before the range give); the lower end becomes a `range_low` entity
    whose role names the entity it bounds ("amount:turnover"). Returns the entities to add."""
    added = []
    for i, first in enumerate(tokens):
        if first.number is None or (second_at := _range_at(tokens, i)) is None:
            continue
        second = tokens[second_at]
        upper = next((e for e in found if e.start == second.start), None)
        if upper is None or upper.entity not in _RANGED:
            continue
        value = first.number.value
        if first.number.scale == 1 and second.number.scale != 1 and value < second.number.value / second.number.scale:
            value *= second.number.scale  # "tra 10 e 20 milioni": the scale is written once
        if value >= to_decimal(upper.value):
            continue
        found[:] = [e for e in found if e.start != first.start]  # the lower end is not a value of its own
        if upper.entity in ("amount", "percent") and upper.role is None:
            role = _role(tokens, i) if upper.entity == "amount" else (
                "export" if _nearest_cue(tokens, i, {"export": _EXPORT}) else None)
            if role:
                found[found.index(upper)] = upper = Entity(upper.start, upper.end, upper.entity, upper.value, role)
        role = upper.entity + (f":{upper.role}" if upper.role else "")
        added.append(Entity(first.start, first.end, "range_low", plain(value), role))
    return added


_NO_BALANCE_SHEETS = re.compile(lexicon.NO_BALANCE_SHEETS)


def _no_balance_sheets(low: str, found: list[Entity]) -> list[Entity]:
    if any(e.entity == "balance_sheets" for e in found):
        return []
    match = _NO_BALANCE_SHEETS.search(low)
    return [Entity(match.start(), match.end(), "balance_sheets", "0")] if match else []


_SINGLE_FAIR = re.compile(lexicon.SINGLE_FAIR)
_TOTAL_AFTER = re.compile(r"\s*(?:%\s*)?(?:in\s+total|in\s+all|overall|altogether|in\s+tutto|in\s+totale|totale|complessiv\w*)\b")
_NO_SPENDING = re.compile(lexicon.NO_SPENDING)


def _no_spending(low: str, found: list[Entity]) -> list[Entity]:
    zeros = []
    for match in _NO_SPENDING.finditer(low):
        role = "training" if match.group(1) in ("formazione", "training") else "consultancy"
        if not any(e.entity == "amount" and e.role == role for e in found):
            zeros.append(Entity(match.start(), match.end(), "amount", "0", role))
    return zeros


def _single_fair(low: str, found: list[Entity]) -> list[Entity]:
    if any(e.entity == "fairs_count" for e in found):
        return []
    match = _SINGLE_FAIR.search(low)
    return [Entity(match.start(), match.end(), "fairs_count", "1")] if match else []


def _no_exports(low: str, found: list[Entity]) -> list[Entity]:
    """"non esportiamo ancora", "we don't export yet", "nessuna esportazione": an export share of 0%."""
    if any(e.entity == "percent" and e.role == "export" for e in found):
        return []
    match = _NO_EXPORTS.search(low)
    return [Entity(match.start(), match.end(), "percent", "0", "export")] if match else []
