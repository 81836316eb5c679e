"""The facts vnm_form asks for: how to read each answer and what the engine makes of them.

No Rasa here (plain functions over slot values) so it is tested without a server. The
sanity bounds are the profile's (bot.profile), the call's rules are the engine's (bot.assess):
this module only connects chat answers to them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, Mapping

from bot import parsing
from bot.assess import assess
from bot.profile import ProfileError, parse_profile

VNM_CALL_ID = "verso-nuovi-mercati-2025"
NO_PREFERENCE = "default"  # stored when the user lets us assume the usual loan terms


@dataclass(frozen=True)
class Fact:
    slot: str
    profile_key: str  # dotted for nested keys: "vnm_expenses.training"
    kind: str  # count | money | percent | place | loan_choice


FACTS: tuple[Fact, ...] = (
    Fact("employees", "employees", "count"),
    Fact("turnover_eur", "turnover_eur", "money"),
    Fact("balance_sheet_eur", "balance_sheet_eur", "money"),
    Fact("operating_site", "comune", "place"),
    Fact("export_share_pct", "export_share_pct", "percent"),
    Fact("approved_balance_sheets", "approved_balance_sheets", "count"),
    Fact("vnm_consultancy", "vnm_expenses.consultancy", "money"),
    Fact("vnm_initiatives", "vnm_expenses.initiatives", "money"),
    Fact("vnm_training", "vnm_expenses.training", "money"),
    Fact("loan_years", "loan_years", "loan_choice"),
    Fact("preamortisation_months", "preamortisation_months", "loan_choice"),
)
BY_SLOT = {fact.slot: fact for fact in FACTS}
FORM_SLOTS = tuple(fact.slot for fact in FACTS)
PLACE_SLOTS = ("province", "comune")  # filled with operating_site, read by the engine


@dataclass(frozen=True)
class Reading:
    """An answer read for one slot: the values to store, or the sentence that explains the refusal."""

    slots: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None  # a bot/texts key
    values: dict[str, Any] = field(default_factory=dict)  # its placeholders

    @property
    def accepted(self) -> bool:
        return self.problem is None


def _nested(key: str, value: Any) -> dict[str, Any]:
    head, _, tail = key.partition(".")
    return {head: _nested(tail, value) if tail else value}


def _canonical(value: Decimal) -> str:
    # Stored as text: exact (no float), and read back by the same parser, so validating a
    # stored value again gives the same value (validators may run twice in a turn).
    return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")


def _checked(fact: Fact, value: Decimal | None, unreadable: str) -> Reading:
    if value is None:
        return Reading(problem=unreadable)
    try:
        parse_profile(_nested(fact.profile_key, value))
    except ProfileError:
        return Reading(problem=f"chat.invalid.{fact.slot}")
    return Reading(slots={fact.slot: _canonical(value)})


def _read_loan_choice(fact: Fact, text: str) -> Reading:
    if parsing.leaves_choice_open(text):
        return Reading(slots={fact.slot: NO_PREFERENCE})
    if fact.slot == "preamortisation_months" and parsing.means_none(text):
        return Reading(slots={fact.slot: "0"})
    return _checked(fact, parsing.parse_number(text), f"chat.invalid.{fact.slot}")




def _read_place(fact: Fact, text: str) -> Reading:
    from bot.geo import municipalities as geo  # the register loads on first use

    answer = parsing.parse_place(text)
    if answer is None:
        return Reading(problem="chat.invalid.place")
    codes = geo.province_codes()
    if not answer.name:
        if answer.province not in codes:
            return Reading(problem="chat.invalid.place_province", values={"code": answer.province})
        return Reading(slots={fact.slot: answer.province, "province": answer.province, "comune": None})
    attempts = [(answer.name, answer.province)] if answer.province in codes else []
    attempts += [(answer.as_typed, None), (answer.name, None)]
    error: geo.PlaceError | None = None
    for name, province in attempts:
        try:
            comune = geo.resolve(name, province)
        except geo.PlaceError as err:
            error = error or err
            continue
        return Reading(slots={fact.slot: str(comune), "province": comune.province, "comune": comune.name})
    if error is not None and error.candidates:
        return Reading(problem="chat.invalid.place_ambiguous",
                       values={"name": answer.name, "options": list(error.candidates)})
    if error is not None and error.suggestions:
        return Reading(problem="chat.invalid.place_suggest",
                       values={"name": answer.name, "options": list(error.suggestions)})
    return Reading(problem="chat.invalid.place_unknown", values={"name": answer.name})


_READERS: dict[str, Callable[[Fact, str], Reading]] = {
    "count": lambda fact, text: _checked(fact, parsing.parse_number(text), "chat.invalid.not_a_number"),
    "money": lambda fact, text: _checked(fact, parsing.parse_amount(text), "chat.invalid.not_an_amount"),
    "percent": lambda fact, text: _checked(fact, parsing.parse_percentage(text), "chat.invalid.not_a_percentage"),
    "place": _read_place,
    "loan_choice": _read_loan_choice,
}


def read_answer(slot: str, value: Any) -> Reading:
    """Read what the user typed (or a value stored earlier) for `slot`."""
    fact = BY_SLOT[slot]
    if value is None:
        return Reading(problem=f"chat.invalid.{slot}")
    return _READERS[fact.kind](fact, str(value))


def profile_input(slots: Mapping[str, Any]) -> dict[str, Any]:
    """The profile JSON the engine takes, from stored slot values; unreadable ones are left out."""
    data: dict[str, Any] = {}
    for fact in FACTS:
        raw = slots.get(fact.slot)
        if raw is None or fact.kind == "place" or raw == NO_PREFERENCE:
            continue
        reading = read_answer(fact.slot, raw)
        if reading.accepted:
            _merge(data, _nested(fact.profile_key, reading.slots[fact.slot]))
    if slots.get("operating_site") is not None:
        for key in PLACE_SLOTS:
            if slots.get(key):
                data[key] = slots[key]
    return data


def _merge(into: dict[str, Any], update: Mapping[str, Any]) -> None:
    for key, value in update.items():
        if isinstance(value, Mapping):
            _merge(into.setdefault(key, {}), value)
        else:
            into[key] = value


def vnm_verdict(slots: Mapping[str, Any]) -> dict[str, Any]:
    """The engine's whole answer (assess().to_dict()) for the headline call, from slot values."""
    return assess(parse_profile(profile_input(slots)), call_ids=[VNM_CALL_ID]).to_dict()


def engine_objection(slot: str, slots: Mapping[str, Any]) -> dict[str, str] | None:
    """The call's own objection to this fact ({"it", "en"}), e.g. a loan longer than it allows."""
    call = vnm_verdict(slots)["calls"][0]
    problem = call.get("funding_error")
    if problem and problem.get("field") == BY_SLOT[slot].profile_key:
        return {"it": problem["it"], "en": problem["en"]}
    return None


def still_to_ask(slots: Mapping[str, Any], answering: set[str]) -> list[str]:
    """The form's required slots for now, in asking order.

    Stops early (only the slots being answered remain) once the engine says the company is
    not eligible, and asks the balance sheet total only while the engine still needs it.
    Slots being answered right now always stay, so their answer is validated.
    """
    call = vnm_verdict(slots)["calls"][0]
    if call["eligible"] is False:
        return [slot for slot in FORM_SLOTS if slot in answering]
    needed = set(call["missing"])
    return [
        slot for slot in FORM_SLOTS
        if slot != "balance_sheet_eur" or slot in answering or slots.get(slot) is not None
        or BY_SLOT[slot].profile_key in needed
    ]
