"""One question put to the answer layer: the topic's inputs, checked, and the data to answer from.

Everything here may come from a user (Rasa accepts `/intent{"slot": value}` from anyone), so
every input is checked before it reaches the engine; a bad one becomes a clear reply, never an
exception that would reach the action server.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from bot import clock
from bot.answers.say import Say
from bot.catalogue import Call, Catalogue, default_catalogue
from bot.catalogue.topics import Topics, default_topics
from bot.money import to_decimal
from bot.profile import MAX_MONEY, Profile

HEADLINE_CALL = "verso-nuovi-mercati-2025"
FAIR_CALL = "fiere-internazionali-2024-2026"
MAX_SQM = Decimal(1_000_000)  # the profile's own bound on a stand


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


def _decimal(value) -> Decimal | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = to_decimal(value.strip() if isinstance(value, str) else value)
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def _whole(value) -> int | None:
    number = _decimal(value)
    if number is None or number != number.to_integral_value():
        return None
    return int(number)


@dataclass
class Ask:
    say: Say
    today: dt.date
    profile: Profile
    catalogue: Catalogue
    topics: Topics
    call_id: object = None
    raw_amount: object = None
    raw_years: object = None
    raw_months: object = None
    raw_sqm: object = None
    raw_exhibitor: object = None

    @classmethod
    def build(cls, lang: str, *, call_id, profile, today, amount, years, months, sqm, exhibitor,
              catalogue, topics) -> "Ask":
        return cls(say=Say(lang), today=today or clock.today(),
                   profile=profile if isinstance(profile, Profile) else Profile(),
                   catalogue=catalogue or default_catalogue(), topics=topics or default_topics(),
                   call_id=call_id, raw_amount=amount, raw_years=years, raw_months=months,
                   raw_sqm=sqm, raw_exhibitor=exhibitor)

    # --- the call ------------------------------------------------------------------------------

    def call(self, default: str = HEADLINE_CALL) -> Call:
        """The call asked about, found by id (or, leniently, by a title or alias); else `default`."""
        wanted = self.call_id
        if wanted is None or (isinstance(wanted, str) and not wanted.strip()):
            return self.catalogue.get(default)
        if not isinstance(wanted, str) or len(wanted) > 200:
            raise CallNotFound(wanted)
        key = wanted.strip().casefold()
        for call in self.catalogue:
            names = [call.id, *call.title.values(), *call.data.get("aliases", [])]
            if key in (name.casefold() for name in names):
                return call
        raise CallNotFound(wanted)

    # --- numbers -------------------------------------------------------------------------------

    def amount(self) -> Decimal | None:
        """The project amount in euros, if given; BadInput when it is not a usable amount."""
        if self.raw_amount is None:
            return None
        number = _decimal(self.raw_amount)
        if number is None or number <= 0 or number > MAX_MONEY:
            raise BadInput("input.amount")
        return number

    def years(self) -> int | None:
        if self.raw_years is None:
            return self.profile.loan_years
        years = _whole(self.raw_years)
        if years is None or years < 1:
            raise BadInput("input.years")
        return years

    def months(self) -> int | None:
        if self.raw_months is None:
            return self.profile.preamortisation_months
        months = _whole(self.raw_months)
        if months is None or months < 0:
            raise BadInput("input.months")
        return months

    def sqm(self) -> Decimal | None:
        if self.raw_sqm is None:
            return self.profile.fairs.stand_sqm
        number = _decimal(self.raw_sqm)
        if number is None or number <= 0 or number > MAX_SQM:
            raise BadInput("input.sqm")
        return number

    def exhibitor(self) -> str | None:
        if self.raw_exhibitor is None:
            return self.profile.fairs.exhibitor
        if self.raw_exhibitor not in ("new", "frequent"):
            raise BadInput("input.exhibitor")
        return self.raw_exhibitor
