"""Whether a call is open on a given day, read from its window in the catalogue.

The closing time of day is unknown for every call, so the closing day itself counts as open:
telling a firm "closed" while the portal may still accept it would cost them the call.

A rolling window ("a sportello") is open from its opening day, if one is known, with no end.
Any window may also close early when its funds run out (`while_funds_last`): the status cannot
see that, so it says the call is open *subject to funds* and the answer tells the firm to check.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.catalogue import Call

OPEN, CLOSED, UPCOMING, ANNOUNCED = "open", "closed", "upcoming", "announced"


@dataclass(frozen=True)
class CallStatus:
    status: str
    opens: dt.date | None
    closes: dt.date | None
    days_left: int | None  # open: days until the closing day (0 = closes today)
    days_to_open: int | None  # upcoming: days until it opens
    subject_to_funds: bool = False  # open only while its funds last (the window says so)

    @property
    def accepts_applications(self) -> bool:
        return self.status == OPEN


def call_status(call: Call, today: dt.date) -> CallStatus:
    kind = call.window["kind"]
    opens, closes = call.date("opens"), call.date("closes")
    funds = bool(call.window.get("while_funds_last"))
    if kind == "announced":
        return CallStatus(ANNOUNCED, opens, closes, None, None)
    if kind == "ended":
        return CallStatus(CLOSED, opens, closes, None, None)
    if opens and today < opens:
        return CallStatus(UPCOMING, opens, closes, None, (opens - today).days)
    if kind == "rolling":
        return CallStatus(OPEN, opens, None, None, None, subject_to_funds=funds)
    if closes and today > closes:
        return CallStatus(CLOSED, opens, closes, None, None)
    return CallStatus(OPEN, opens, closes, (closes - today).days if closes else None, None,
                      subject_to_funds=funds)
