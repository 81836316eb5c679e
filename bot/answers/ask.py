"""One question put to the answer layer: the call it is about, the figures it carries, checked,
and the data to answer from.

Everything here may come from a user (Rasa accepts `/intent{"slot": value}` from anyone), so
every input is checked before it reaches the engine; a bad one becomes a clear reply, never an
exception that would reach the action server.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from bot import clock
from bot.answers.say import Say
from bot.catalogue import Call, Catalogue, default_catalogue
from bot.catalogue.subjects import Subjects, default_subjects
from bot.money import to_decimal
from bot.profile import MAX_MONEY, Profile

MAX_SQM = Decimal(1_000_000)  # the profile's own bound on a stand
MAX_FAIRS = 1000


class CallNotFound(Exception):
    def __init__(self, wanted: object):
        super().__init__(f"unknown call {wanted!r}")
        self.wanted = wanted


class BadInput(Exception):
    """An input the answer cannot use; `key` is the answers.yaml sentence that says why."""

    def __init__(self, key: str, **values):
        super().__init__(key)
        self.key = key
        self.values = values


def decimal_of(value) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = to_decimal(value.strip() if isinstance(value, str) else value)
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def _whole(value) -> int | None:
    number = decimal_of(value)
    if number is None or number != number.to_integral_value() or abs(number) > 10**6:
        return None
    return int(number)


@dataclass(frozen=True)
class Inputs:
    """The figures a question carries, as typed or sent by a button (checked when read)."""

    amount: object = None  # euros: a project's direct costs, or the de minimis aid received
    amounts: tuple = ()  # every amount the question gives (de minimis aid received year by year)
    expenses: dict | None = None  # {"consultancy", "initiatives", "training"} named in the question
    years: object = None
    months: object = None
    sqm: object = None
    exhibitor: object = None  # "new" | "frequent"
    fairs_count: object = None
    percent: object = None
    items: tuple = ()  # expense items the question names (bot.nlu.reading.ItemHit)
    micro: bool | None = None  # "as a micro enterprise"
    startup: bool | None = None  # "for start-ups"
    theme: str | None = None  # "fairs": the question asks about calls of that theme
    body: str | None = None  # "SIMEST": the question asks about the measures whose titles start with it
    place_named: bool = False  # the question names a place (the profile then holds it)


@dataclass
class Ask:
    say: Say
    today: dt.date
    profile: Profile
    catalogue: Catalogue
    subjects: Subjects
    inputs: Inputs = field(default_factory=Inputs)
    resolved: Call | None = None
    named: bool = False  # the question named the call (else it is the default for the aspect)

    @classmethod
    def build(cls, lang: str, *, profile, today, inputs, catalogue, subjects) -> "Ask":
        return cls(say=Say(lang), today=today or clock.today(),
                   profile=profile if isinstance(profile, Profile) else Profile(),
                   catalogue=catalogue or default_catalogue(), subjects=subjects or default_subjects(),
                   inputs=inputs if isinstance(inputs, Inputs) else Inputs())

    def call(self) -> Call:
        if self.resolved is None:
            raise CallNotFound(None)
        return self.resolved

    # --- numbers -------------------------------------------------------------------------------

    def amount(self) -> Decimal | None:
        """The amount in euros, if given; BadInput when it is not a usable amount."""
        if self.inputs.amount is None:
            return None
        number = decimal_of(self.inputs.amount)
        if number is None or number <= 0 or number > MAX_MONEY:
            raise BadInput("input.amount")
        return number

    def amounts(self) -> list[Decimal]:
        """Every amount given, each usable (else BadInput)."""
        numbers = [decimal_of(raw) for raw in self.inputs.amounts]
        if any(n is None or n <= 0 or n > MAX_MONEY for n in numbers):
            raise BadInput("input.amount")
        return numbers

    def expenses(self) -> dict | None:
        """The expense lines the question named, each a usable amount (else BadInput)."""
        if not self.inputs.expenses:
            return None
        if not isinstance(self.inputs.expenses, dict):
            raise BadInput("input.amount")
        lines = {}
        for name, raw in self.inputs.expenses.items():
            number = decimal_of(raw)
            if name not in ("consultancy", "initiatives", "training") or number is None or not 0 <= number <= MAX_MONEY:
                raise BadInput("input.amount")
            lines[name] = number
        return lines

    def years(self) -> int | None:
        if self.inputs.years is None:
            return self.profile.loan_years
        years = _whole(self.inputs.years)
        if years is None or years < 1:
            raise BadInput("input.years")
        return years

    def months(self) -> int | None:
        if self.inputs.months is None:
            return self.profile.preamortisation_months
        months = _whole(self.inputs.months)
        if months is None or months < 0:
            raise BadInput("input.months")
        return months

    def sqm(self) -> Decimal | None:
        if self.inputs.sqm is None:
            return self.profile.fairs.stand_sqm
        number = decimal_of(self.inputs.sqm)
        if number is None or number <= 0 or number > MAX_SQM:
            raise BadInput("input.sqm")
        return number

    def exhibitor(self) -> str | None:
        if self.inputs.exhibitor is None:
            return self.profile.fairs.exhibitor
        if self.inputs.exhibitor not in ("new", "frequent"):
            raise BadInput("input.exhibitor")
        return self.inputs.exhibitor

    def fairs_count(self) -> int | None:
        if self.inputs.fairs_count is None:
            return self.profile.fairs.count
        count = _whole(self.inputs.fairs_count)
        if count is None or not 1 <= count <= MAX_FAIRS:
            raise BadInput("input.fairs_count")
        return count

    def percent(self) -> Decimal | None:
        if self.inputs.percent is None:
            return None
        number = decimal_of(self.inputs.percent)
        if number is None or not 0 <= number <= 100:
            raise BadInput("input.percent")
        return number
