"""What a firm can apply for on a day, and what to watch: the measures API for the chat.

Two pure functions over the engine (bot.assess) and the full catalogue (every call file, also
those not yet in the chat):
- `open_measures(profile, today, plan)`: the measures accepting applications that fit the firm
  (every checkable rule met or still undetermined, never one failed) and, given a plan, fund it;
  each with its managing body, how to apply, the indicative money and what is still missing.
- `calls_to_watch(today, profile)`: the calls not open today (announced, upcoming, closed), with
  their last known dates, the dates the sources dispute and what is known of a next edition.
Both say when a call's data was last verified and whether that is over six months ago.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping

from bot import clock, fmt, texts
from bot.assess import assess
from bot.catalogue import Call, Catalogue, full_catalogue, is_stale
from bot.profile import PLANS, Profile, ProfileError
from bot.rules.eligibility import Verdict
from bot.status import ANNOUNCED, CLOSED, OPEN, UPCOMING


def _text(section: Mapping[str, Any] | None) -> dict[str, str] | None:
    return dict(section["text"]) if section else None


def stale_note(call: Call, today: dt.date) -> dict[str, str] | None:
    """"Checked on 1 December 2026, over six months ago": the sentence when the data is stale."""
    if not is_stale(call, today):
        return None
    return {lang: texts.t(lang, "measures.stale", date=fmt.date(lang, call.last_verified)) for lang in texts.LANGUAGES}


@dataclass(frozen=True)
class Offer:
    """A measure the firm may apply for today; `verdict` holds every check and the money."""

    verdict: Verdict
    today: dt.date

    @property
    def call(self) -> Call:
        return self.verdict.call

    @property
    def stale(self) -> bool:
        return is_stale(self.call, self.today)

    def to_dict(self) -> dict[str, Any]:
        call, verdict = self.call, self.verdict
        status = verdict.status
        return {
            "id": call.id,
            "title": dict(call.title),
            "managing_body": _text(call.data["managing_body"]),
            "scope": call.scope["level"],
            "how_to_apply": _text(call.data.get("how_to_apply")),
            "links": [dict(link) for link in call.data["links"]],
            "status": status.status,
            "subject_to_funds": status.subject_to_funds,
            "closes": status.closes.isoformat() if status.closes else None,
            "days_left": status.days_left,
            "eligible": verdict.eligible,
            "missing": verdict.missing,
            "conditions": verdict.conditions(),
            "funding": verdict.funding.to_dict() if verdict.funding else None,
            "funding_summary": dict(call.funding["summary"]) if call.funding.get("summary") else None,
            "services": call.funding.get("form") == "services",
            "rate": verdict.rate(),
            "last_verified": call.data["last_verified"],
            "stale": is_stale(call, self.today),
            "stale_note": stale_note(call, self.today),
        }


@dataclass(frozen=True)
class WatchItem:
    """A call not open today, with its last known dates."""

    call: Call
    status: str  # announced | upcoming | closed
    opens: dt.date | None
    closes: dt.date | None
    eligible: bool | None  # with a profile: whether the firm met (or would have met) its rules
    today: dt.date

    @property
    def call_status(self):
        """The call's status on the day, as bot.status gives it (for the wording of its dates)."""
        from bot.status import call_status

        return call_status(self.call, self.today)

    @property
    def stale(self) -> bool:
        return is_stale(self.call, self.today)

    def to_dict(self) -> dict[str, Any]:
        call = self.call
        next_edition = call.data.get("next_edition")
        return {
            "id": call.id,
            "title": dict(call.title),
            "managing_body": _text(call.data["managing_body"]),
            "scope": call.scope["level"],
            "status": self.status,
            "opens": self.opens.isoformat() if self.opens else None,
            "closes": self.closes.isoformat() if self.closes else None,
            "window_note": dict(call.window["note"]) if call.window.get("note") else None,
            "reported_dates": [
                {"opens": item.get("opens"), "closes": item.get("closes"), "text": dict(item["text"])}
                for item in call.window.get("reported", [])],
            "next_edition": dict(next_edition["text"]) if next_edition else None,
            "eligible": self.eligible,
            "last_verified": call.data["last_verified"],
            "stale": is_stale(call, self.today),
            "stale_note": stale_note(call, self.today),
        }


def _with_plan(profile: Profile, plan: Iterable[str] | None) -> Profile:
    if plan is None:
        return profile
    plan = frozenset(plan)
    unknown = sorted(plan - set(PLANS))
    if unknown:
        raise ProfileError("plan", f"{unknown[0]!r} is not one of: {', '.join(PLANS)}")
    return replace(profile, plan=plan)


def open_measures(profile: Profile, today: dt.date | None = None, plan: Iterable[str] | None = None,
                  catalogue: Catalogue | None = None) -> list[Offer]:
    """The measures open on `today` (default: the real date) that fit `profile` and, when `plan`
    is given (ids of bot.profile.PLANS; it replaces profile.plan), fund one of its items.

    A measure fits when none of its rules fails: those still undetermined are kept, with the facts
    they miss. Ranked as the engine ranks them: those the firm surely meets first."""
    day = today or clock.today()
    result = assess(_with_plan(profile, plan), today=day, catalogue=catalogue or full_catalogue())
    return [Offer(verdict, day) for verdict in result.verdicts
            if verdict.status.status == OPEN and verdict.eligible is not False]


_WATCH_ORDER = {UPCOMING: 0, ANNOUNCED: 1, CLOSED: 2}


def calls_to_watch(today: dt.date | None = None, profile: Profile | None = None,
                   catalogue: Catalogue | None = None) -> list[WatchItem]:
    """Calls not accepting applications on `today`: upcoming and announced first, then the closed
    ones, the most recently closed first. With a profile, calls whose rules it fails are left out
    (a firm watches for the next edition of a call it could have used)."""
    day = today or clock.today()
    result = assess(profile or Profile(), today=day, catalogue=catalogue or full_catalogue())
    items = [WatchItem(v.call, v.status.status, v.status.opens, v.status.closes,
                       v.eligible if profile is not None else None, day)
             for v in result.verdicts
             if v.status.status != OPEN and (profile is None or v.eligible is not False)]
    return sorted(items, key=lambda item: (_WATCH_ORDER[item.status],
                                           -(item.closes or dt.date.min).toordinal()))
