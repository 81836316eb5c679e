"""Which calls to tell whom: decided from the catalogue, the date and what was already sent.

A subscriber hears of a call it asked for (every call, the call itself, or its family of
editions) when the call is open, or when it is announced or dated but not open yet, unless
its facts rule it out: a call it does not qualify for is never sent, one it may qualify for
is (with what is still to check). Each (call, kind) goes once to an address: a call first
announced and later opened is told twice, once for each.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from bot.catalogue import Call, Catalogue
from bot.profile import Profile
from bot.rules.eligibility import SME_AUDIENCE, Verdict
from bot.rules.matching import match
from bot.status import ANNOUNCED, OPEN, UPCOMING, CallStatus, call_status

OPENED, COMING = "open", "announced"
CLOSES_IN_7, CLOSES_IN_1 = "closes_in_7", "closes_in_1"
REMINDER_DAYS = {CLOSES_IN_7: 7, CLOSES_IN_1: 1}


@dataclass(frozen=True)
class Wishes:
    """What a subscription asked for."""

    any_call: bool = False
    call_ids: tuple[str, ...] = ()
    families: tuple[str, ...] = ()

    def cover(self, call: Call) -> bool:
        if self.any_call:
            return call.audience == SME_AUDIENCE
        return call.id in self.call_ids or call.family in self.families


@dataclass(frozen=True)
class Alert:
    verdict: Verdict
    kind: str  # OPENED or COMING

    @property
    def call(self) -> Call:
        return self.verdict.call


@dataclass(frozen=True)
class Post:
    call: Call
    status: CallStatus
    kind: str  # OPENED, COMING, CLOSES_IN_7 or CLOSES_IN_1


def news_kind(status: CallStatus) -> str | None:
    """What there is to tell of a call in this state: it is open, it is coming, or nothing."""
    if status.status == OPEN:
        return OPENED
    if status.status in (UPCOMING, ANNOUNCED):
        return COMING
    return None


# A measure open "while funds last" is news for a while after it opens, not for ever: SIMEST's
# lines, open since 2023, are what the chat shows as open today, not an alert or a "new call" post.
NEWS_DAYS = 30


def old_news(status: CallStatus, call: Call, since: dt.date) -> bool:
    """A rolling measure that was already open on `since` (the day of the subscription)."""
    return (status.status == OPEN and call.window.get("kind") == "rolling"
            and status.opens is not None and status.opens < since)


def alerts_for(catalogue: Catalogue, profile: Profile, wishes: Wishes, today: dt.date,
               already: Iterable[tuple[str, str]] = (), since: dt.date | None = None) -> list[Alert]:
    """The alerts due to one subscriber, best matches first (the engine's ranking); `since`, the
    day they subscribed, leaves out the rolling measures already open then (the chat showed them)."""
    sent = set(already)
    asked = [call.id for call in catalogue if wishes.cover(call)]
    if not asked:
        return []
    alerts = []
    for verdict in match(catalogue, profile, today, asked):
        kind = news_kind(verdict.status)
        if since is not None and old_news(verdict.status, verdict.call, since):
            continue
        if kind and verdict.eligible is not False and (verdict.call.id, kind) not in sent:
            alerts.append(Alert(verdict, kind))
    return alerts


def channel_posts(catalogue: Catalogue, today: dt.date, already: Iterable[tuple[str, str]] = ()) -> list[Post]:
    """Posts due on the public channel: calls for SMEs that opened or were announced, and the
    reminders 7 days and 1 day before a window closes (a late run still reminds, once)."""
    posted = set(already)
    posts = []
    for call in catalogue:
        if call.audience != SME_AUDIENCE:
            continue
        status = call_status(call, today)
        fresh = not old_news(status, call, today - dt.timedelta(days=NEWS_DAYS))
        due = [news_kind(status) if fresh else None, _reminder(status)]
        posts += [Post(call, status, kind) for kind in due if kind and (call.id, kind) not in posted]
    return posts


def _reminder(status: CallStatus) -> str | None:
    if status.status != OPEN or status.days_left is None:
        return None
    if status.days_left <= REMINDER_DAYS[CLOSES_IN_1]:
        return CLOSES_IN_1
    if status.days_left <= REMINDER_DAYS[CLOSES_IN_7]:
        return CLOSES_IN_7
    return None
