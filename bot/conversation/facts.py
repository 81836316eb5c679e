"""The company's facts as the chat gathers them: from NLU entities, from a bare answer to a
question, checked one by one by the engine's own profile validation.

The facts are kept as the profile's raw input (`bot.profile.parse_profile` accepts it): a
nested dict with numbers as exact decimal strings ("1500000"), so the conversation can store
it in one slot, show it, and correct any fact in it. No Rasa here.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Iterable, Mapping

from bot import parsing
from bot.money import to_decimal
from bot.profile import Profile, ProfileError, parse_profile

# How each fact is read from a bare answer and which buttons its question offers.
COUNT, MONEY, PERCENT, PLACE, YES_NO, EXHIBITOR, DECIMAL = (
    "count", "money", "percent", "place", "yes_no", "exhibitor", "decimal")

KINDS: dict[str, str] = {
    "employees": COUNT,
    "turnover_eur": MONEY,
    "balance_sheet_eur": MONEY,
    "province": PLACE,
    "export_share_pct": PERCENT,
    "approved_balance_sheets": COUNT,
    "years_active": DECIMAL,
    "craft_enterprise": YES_NO,
    "startup": YES_NO,
    "partner_or_linked": YES_NO,
    "investment_eur": MONEY,
    "vnm_expenses.consultancy": MONEY,
    "vnm_expenses.initiatives": MONEY,
    "vnm_expenses.training": MONEY,
    "fairs.exhibitor": EXHIBITOR,
    "fairs.count": COUNT,
    "fairs.eligible_expenses": MONEY,
    "fairs.stand_sqm": DECIMAL,
    "loan_years": COUNT,
    "preamortisation_months": COUNT,
}

# (entity, role) -> fact. A role says what an amount is about ("4 milioni di fatturato").
_BY_ENTITY: dict[tuple[str, str | None], str] = {
    ("employees", None): "employees",
    ("amount", "turnover"): "turnover_eur",
    ("amount", "balance_sheet"): "balance_sheet_eur",
    ("amount", "investment"): "investment_eur",
    ("amount", "consultancy"): "vnm_expenses.consultancy",
    ("amount", "initiatives"): "vnm_expenses.initiatives",
    ("amount", "training"): "vnm_expenses.training",
    ("amount", "fair_expenses"): "fairs.eligible_expenses",
    ("percent", "export"): "export_share_pct",
    ("province", None): "province",
    ("comune", None): "comune",
    ("sqm", None): "fairs.stand_sqm",
    ("fairs_count", None): "fairs.count",
    ("exhibitor", None): "fairs.exhibitor",
    ("balance_sheets", None): "approved_balance_sheets",
}
# Durations mean different facts depending on the question: "6 anni" of activity or of loan.
_DURATIONS = {"years": ("years_active", "loan_years"), "months": ("preamortisation_months",)}
NO_FAIRS = "none"  # the exhibitor button for "we do not exhibit at fairs"
MAX_ENTITY_CHARS = 100  # an entity value longer than this is not a fact (forced payloads)


def get(data: Mapping[str, Any], key: str) -> Any:
    """The value at a dotted key ("vnm_expenses.training"), or None."""
    node: Any = data
    for part in key.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def _with(data: Mapping[str, Any], key: str, value: Any) -> dict[str, Any]:
    result = copy.deepcopy(dict(data))
    node = result
    *parents, last = key.split(".")
    for part in parents:
        node = node.setdefault(part, {})
    if value is None:
        node.pop(last, None)
    else:
        node[last] = value
    return result


def known_keys(data: Mapping[str, Any]) -> list[str]:
    """Every fact set in `data`, as dotted keys."""
    keys = []
    for key, value in data.items():
        if isinstance(value, Mapping):
            keys += [f"{key}.{inner}" for inner in known_keys(value)]
        elif value is not None:
            keys.append(key)
    return keys


def canonical(value: Decimal) -> str:
    """Exact text for a number: "1500000", "33.5" (never a float)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _entity_text(raw: Any) -> str | None:
    # Values from a forced "/intent{...}" may be any JSON: only short scalars are facts.
    if isinstance(raw, bool) or not isinstance(raw, (str, int, float)):
        return None
    text = str(raw).strip()
    return text if text and len(text) <= MAX_ENTITY_CHARS else None


@dataclass(frozen=True)
class Found:
    """What one message says about the facts, before checking: dotted key -> raw value."""

    facts: dict[str, Any] = field(default_factory=dict)
    calls: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    amounts: tuple[str, ...] = ()  # amounts the message did not tie to a fact
    percents: tuple[str, ...] = ()
    years: str | None = None  # a duration not tied to a fact (e.g. for a loan plan)
    months: str | None = None
    no_fairs: bool = False
    ranges: dict[str, tuple[str, str]] = field(default_factory=dict)  # fact -> (low, high) given as a range
    export_value: str | None = None  # exports in euros ("export 900 mila"): a share once the turnover is known
    share_from: tuple[str, str] | None = None  # (exports, turnover) the export share was worked out from


# Which end of a range is the prudent one to judge on: the top for facts a call caps (size,
# exports), the bottom for facts a call asks a minimum of (balance sheets, years, spending).
UPPER_IS_PRUDENT = {"employees", "turnover_eur", "balance_sheet_eur", "export_share_pct"}


def _with_ranges(facts: dict[str, Any], lows: list[tuple[str, str | None, str]]) -> dict[str, tuple[str, str]]:
    """Apply the lower ends of ranges: keep the prudent end of each, and say which were ranges."""
    ranges = {}
    for entity, role, low in lows:
        key = _BY_ENTITY.get((entity, role)) or _BY_ENTITY.get((entity, None))
        if key is None or key not in facts:
            continue
        high = facts[key]
        ranges[key] = (low, high)
        if key not in UPPER_IS_PRUDENT:
            facts[key] = low
    return ranges


def years_since(value: Any, role: str | None, today: dt.date) -> str | None:
    """A company_age entity as years of activity on `today`: a founding year, or a duration."""
    try:
        number = to_decimal(value)
    except (ArithmeticError, ValueError, TypeError):
        return None
    if not number.is_finite():
        return None
    if role == "since":
        years = Decimal(today.year) - number
    elif role == "months":
        years = (number / 12).quantize(Decimal("0.01"))
    else:
        years = number
    return canonical(years) if years >= 0 else None


def from_entities(entities: Iterable[Mapping[str, Any]], asking: str | None = None,
                  today: dt.date | None = None) -> Found:
    """The facts in a message's entities; an amount, percentage or duration with no role goes to
    the question being asked (`asking`, a dotted fact key) when it is of that kind."""
    facts: dict[str, Any] = {}
    calls, countries, amounts, percents = [], [], [], []
    years = months = export_value = None
    total_given = False
    no_fairs = False
    lows: list[tuple[str, str | None, str]] = []
    for entity in entities or []:
        if not isinstance(entity, Mapping):
            continue
        name, role = entity.get("entity"), entity.get("role")
        value = _entity_text(entity.get("value"))
        if value is None or not isinstance(name, str):
            continue
        if name == "exhibitor" and value == NO_FAIRS:
            no_fairs = True
        elif name in ("call", "call_id"):  # call_id: the same, from an answer's button
            calls.append(value)
        elif name == "country":
            countries.append(value)
        elif name == "range_low" and isinstance(role, str):
            bounded, _, bounded_role = role.partition(":")
            lows.append((bounded, bounded_role or None, value))
        elif name == "company_age":
            years_active = years_since(value, role, today or dt.date.today())
            if years_active is not None:
                facts.setdefault("years_active", years_active)
        elif name in _DURATIONS:
            target = next((key for key in _DURATIONS[name] if key == asking), None)
            if target:
                facts[target] = value
            elif name == "years":
                years = value
            else:
                months = value
        elif (name, role) == ("amount", "export_value"):
            export_value = export_value or value
        elif (name, role) in _BY_ENTITY:
            facts.setdefault(_BY_ENTITY[(name, role)], value)
        elif name == "amount":
            amounts.append(value)
        elif name == "percent" and role == "total":
            percents.insert(0, value)  # the total of the shares said, first
            total_given = True
        elif name == "percent":
            percents.append(value)
    # A role-less figure answers the question asked, if it is the only one of its kind.
    if asking and asking not in facts:
        loose = {MONEY: amounts, PERCENT: percents}.get(KINDS.get(asking, ""), [])
        if len(loose) == 1 or (loose is percents and total_given):
            facts[asking] = loose.pop(0)
    ranges = _with_ranges(facts, lows)
    return Found(facts, tuple(calls), tuple(countries), tuple(amounts), tuple(percents),
                 years, months, no_fairs, ranges, export_value)


def with_export_share(found: Found, known: Mapping[str, Any]) -> Found:
    """Exports said in euros become the export share, on the turnover of the message or the one
    already known: "volume d'affari 2 mln, export 900 mila" is 45%."""
    if found.export_value is None or "export_share_pct" in found.facts:
        return found
    turnover = found.facts.get("turnover_eur") or get(known, "turnover_eur")
    try:
        exports, total = Decimal(str(found.export_value)), Decimal(str(turnover))
    except (ArithmeticError, ValueError):
        return found
    if not (exports.is_finite() and total.is_finite()) or total <= 0 or exports < 0 or exports > total:
        return found
    share = canonical((exports * 100 / total).quantize(Decimal("0.1")))
    return replace(found, facts={**found.facts, "export_share_pct": share},
                   share_from=(canonical(exports), canonical(total)))


@dataclass(frozen=True)
class Reading:
    """A bare answer to one question: the value read, or the sentence key explaining why not."""

    value: Any = None
    problem: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    range: tuple[str, str] | None = None  # (low, high) when the answer was a range; value is its prudent end


_EXHIBITOR_WORDS = {
    "new": ("nuov", "new", "prima volta", "first time", "mai ", "never"),
    "frequent": ("abitual", "frequent", "regular", "già ", "already", "spesso", "often"),
}


# Facts whose question takes "nothing" for an answer: no pre-amortisation, no exports, no balance sheet.
ZERO_MEANS_NONE = {"preamortisation_months", "export_share_pct", "approved_balance_sheets"}
# A bare range as the answer ("tra 10 e 15", "10-15", "between 20 and 30%"): counts and shares only
# (with money the scale is often written once, "tra 1 e 2 milioni", which the extractor reads).
_BARE_RANGE = re.compile(r"^(?:(?:tra|fra|da|dai|dal|between|from)\s+)?(?:(?:il|i|the)\s+)?(?P<low>\d+(?:[.,]\d+)?)\s*%?"
                         r"\s*(?:-|–|\be\b|\ba\b|\bai\b|\bal\b|\band\b|\bto\b)\s*(?:(?:il|i|the)\s+)?"
                         r"(?P<high>\d+(?:[.,]\d+)?\s*(?:%|per\s*cento|percento|percent)?)\s*$", re.IGNORECASE)
_SINCE_YEAR = re.compile(r"\b(?:dal|dall|since|from|a\s+partire\s+dal)\s*'?\s*((?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR_ANSWER = re.compile(r"\b(?:19|20)\d\d\b")


def read_answer(key: str, text: str, intent: str | None = None, today: dt.date | None = None) -> Reading:
    """Read the text typed (or the button pressed) as the answer to the question for `key`."""
    kind = KINDS.get(key, COUNT)
    text = (text or "").strip()
    if key == "years_active" and (year := _YEAR_ANSWER.search(text)):  # "dal 2010": the founding year
        since = years_since(year.group(), "since", today or dt.date.today())
        return Reading(since) if since is not None else Reading(problem="chat.invalid.not_a_number")
    if key == "approved_balance_sheets" and (year := _SINCE_YEAR.search(text)):
        # "tutti dal 1998", "every year since 2014": one a year, up to last year's
        first, this_year = int(year.group(1)), (today or dt.date.today()).year
        return Reading(str(this_year - first)) if first < this_year else Reading(problem="chat.invalid.not_a_number")
    if kind == YES_NO:
        if intent in ("affirm", "deny"):
            return Reading(intent == "affirm")
        return Reading(problem="chat.invalid.yes_no")
    if kind == EXHIBITOR:
        folded = f" {text.casefold()} "
        for value, words in _EXHIBITOR_WORDS.items():
            if any(word in folded for word in words):
                return Reading(value)
        return Reading(problem="chat.invalid.exhibitor")
    if kind == PLACE:
        return read_place(text)
    if (key in ZERO_MEANS_NONE or key.startswith("vnm_expenses.")) and parsing.means_none(text):
        return Reading("0")  # the question says "(0 se nulla)": "nulla", "niente", "none" are 0
    if kind in (COUNT, PERCENT) and (bounds := _BARE_RANGE.match(text)):
        parse = parsing.parse_percentage if kind == PERCENT else parsing.parse_number
        low, high = parse(bounds["low"]), parse(bounds["high"])
        if low is not None and high is not None and low < high:
            chosen = high if key in UPPER_IS_PRUDENT else low
            return Reading(canonical(chosen), range=(canonical(low), canonical(high)))
    parse, problem = {
        MONEY: (parsing.parse_amount, "chat.invalid.not_an_amount"),
        PERCENT: (parsing.parse_percentage, "chat.invalid.not_a_percentage"),
    }.get(kind, (parsing.parse_number, "chat.invalid.not_a_number"))
    value = parse(text)
    return Reading(problem=problem) if value is None else Reading(canonical(value))


def read_place(text: str) -> Reading:
    """A place typed as an answer (bot.nlu.places reads it), as this module's Reading."""
    from bot.nlu.places import read_answer  # the register of comuni loads on first use

    found = read_answer(text)
    return Reading(found.place, found.problem, found.values) if found.problem else Reading(found.place)


@dataclass(frozen=True)
class Refusal:
    key: str
    value: Any


@dataclass(frozen=True)
class Applied:
    """The facts after a message: what was added, what changed (key -> (old, new)), what was refused."""

    data: dict[str, Any]
    added: dict[str, Any] = field(default_factory=dict)
    changed: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    refused: tuple[Refusal, ...] = ()

    @property
    def touched(self) -> bool:
        return bool(self.added or self.changed)


def _place_update(data: Mapping[str, Any], key: str, value: Any) -> dict[str, Any]:
    """A new place replaces the old one whole: a new province drops a comune elsewhere."""
    if isinstance(value, Mapping):  # a typed answer already resolved: {"comune", "province"}
        result = _with(_with(data, "comune", None), "province", None)
        for name in ("comune", "province"):
            if value.get(name):
                result = _with(result, name, value[name])
        return result
    if key == "comune":
        return _with(_with(data, "province", None), "comune", value)
    result = _with(data, "province", str(value).upper())
    if data.get("comune") and data.get("province") != str(value).upper():
        result = _with(result, "comune", None)
    return result


def _normalised(data: dict[str, Any]) -> dict[str, Any]:
    """The comune as the register spells it, with its province: what parse_profile resolved."""
    profile = parse_profile(data)
    if profile.comune:
        data = _with(_with(data, "comune", profile.comune), "province", profile.province)
    return data


def _shown(data: Mapping[str, Any], key: str) -> Any:
    # A place is shown as the comune when known, else the province code.
    return (get(data, "comune") or get(data, "province")) if key == "province" else get(data, key)


def apply(data: Mapping[str, Any], updates: Mapping[str, Any]) -> Applied:
    """Add or replace facts; each is checked by parse_profile and refused alone if implausible."""
    current = dict(data)
    added: dict[str, Any] = {}
    changed: dict[str, tuple[Any, Any]] = {}
    refused: list[Refusal] = []
    for key, value in updates.items():
        if key == "province" and "comune" in updates:
            continue  # the comune's own province wins over a separate mention
        shown_key = "province" if key == "comune" else key
        before = _shown(current, shown_key)
        try:
            if shown_key == "province":
                candidate = _normalised(_place_update(current, key, value))
            else:
                candidate = _normalised(_with(current, key, value))
        except ProfileError:
            refused.append(Refusal(shown_key, value))
            continue
        after = _shown(candidate, shown_key)
        current = candidate
        if before is None:
            added[shown_key] = after
        elif str(before) != str(after):
            changed[shown_key] = (before, after)
    return Applied(current, added, changed, tuple(refused))


def profile(data: Mapping[str, Any] | None) -> Profile:
    """The engine's Profile for the stored facts (every one was checked by `apply`)."""
    try:
        return parse_profile(dict(data or {}))
    except ProfileError:  # not written by apply (an old or hand-made slot): start afresh
        return Profile()
