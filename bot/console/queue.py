"""The desks' queue: which enquiries an advisor may see, filtered, searched and put in order.

Order: new enquiries first, then by priority (highest first), then the longest waiting.
The priority is a score from 0 to 100 computed on today's date; PRIORITY_FORMULA says it in
words (shown on the queue page and in the README), `priority()` is its only implementation.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Mapping

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.catalogue import Catalogue
from bot.console.models import PROGRESS, ConsoleUser, FollowUp
from bot.status import OPEN, call_status
from bot.store.models import Enquiry

DEADLINE_DAYS = 30          # a closing day within this many days counts as near
INVESTMENT_CAP = Decimal("500000")
WAITING_CAP_DAYS = 14
COMPLETENESS_FACTS = ("employees", "turnover_eur", "balance_sheet_eur", "province", "lombardy_site",
                      "export_share_pct", "approved_balance_sheets", "years_active", "investment_eur")
MAX_ROWS = 1000

PRIORITY_FORMULA = {
    "it": ("Priorità (0-100) = 40 se idonea a un bando aperto (secondo la verifica registrata) "
           "+ fino a 20 se un bando non escluso chiude entro 30 giorni (20 × (30 − giorni rimasti) / 30) "
           "+ fino a 15 per la dimensione dell'investimento (15 × investimento / 500.000 €, al massimo 15) "
           "+ fino a 10 per la completezza del profilo (10 × fatti noti / 9) "
           "+ fino a 15 per l'attesa (15 × giorni di attesa / 14, al massimo 15). "
           "Prima le richieste nuove, poi per priorità, poi le più vecchie."),
    "en": ("Priority (0-100) = 40 if eligible for an open call (by the stored check) "
           "+ up to 20 if a call not ruled out closes within 30 days (20 × (30 − days left) / 30) "
           "+ up to 15 for the investment size (15 × investment / €500,000, at most 15) "
           "+ up to 10 for profile completeness (10 × known facts / 9) "
           "+ up to 15 for waiting time (15 × days waiting / 14, at most 15). "
           "New enquiries first, then by priority, then the oldest."),
}


@dataclass(frozen=True)
class Filters:
    status: str | None = None
    call: str | None = None
    channel: str | None = None
    language: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None

    @classmethod
    def from_query(cls, args: Mapping[str, Any]) -> "Filters":
        def one(name: str) -> str | None:
            value = args.get(name)
            value = value[0] if isinstance(value, list) else value
            if not isinstance(value, str):
                return None
            return value.strip()[:200] or None

        def day(name: str) -> dt.date | None:
            try:
                return dt.date.fromisoformat(one(name)) if one(name) else None
            except ValueError:
                return None

        status = one("status")
        return cls(status=status if status in PROGRESS else None, call=one("call"), channel=one("channel"),
                   language=one("language") if one("language") in ("it", "en") else None,
                   since=day("since"), until=day("until"), q=one("q"))

    def query_string(self) -> str:
        from urllib.parse import urlencode

        pairs = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in self.__dict__.items() if v}
        return urlencode(pairs)


@dataclass
class Row:
    enquiry: Enquiry
    followup: FollowUp | None
    priority: int
    reasons: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.followup.status if self.followup else "new"

    @property
    def outcome(self) -> str | None:
        return self.followup.outcome if self.followup else None


def visible(user: ConsoleUser, enquiry: Enquiry) -> bool:
    """The one access rule: admins see every enquiry, an advisor only their desk's."""
    return user.is_admin or (enquiry.desk_id is not None and enquiry.desk_id == user.desk_id)


def investment(profile: Mapping[str, Any]) -> Decimal | None:
    """The size of the project: the stated investment, else the planned expenses it is made of."""
    def number(value: Any) -> Decimal | None:
        try:
            return Decimal(str(value)) if value is not None else None
        except ArithmeticError:
            return None

    if number(profile.get("investment_eur")) is not None:
        return number(profile.get("investment_eur"))
    parts = [number(v) for v in (profile.get("vnm_expenses") or {}).values()]
    parts.append(number((profile.get("fairs") or {}).get("eligible_expenses")))
    known = [p for p in parts if p is not None]
    return sum(known, Decimal(0)) if known else None


def stored_calls(enquiry: Enquiry) -> list[dict]:
    calls = (enquiry.verdicts or {}).get("calls") or []
    return [c for c in calls if isinstance(c, dict) and isinstance(c.get("id"), str)]


def priority(enquiry: Enquiry, catalogue: Catalogue, today: dt.date) -> tuple[int, list[str]]:
    """The score of PRIORITY_FORMULA and the parts that made it (for the tooltip)."""
    score, reasons = 0.0, []
    known = {call.id: call for call in catalogue}
    statuses = {c["id"]: call_status(known[c["id"]], today) for c in stored_calls(enquiry) if c["id"] in known}
    if any(c.get("eligible") is True and statuses.get(c["id"]) and statuses[c["id"]].status == OPEN
           for c in stored_calls(enquiry)):
        score += 40
        reasons.append("eligible_open")
    near = [statuses[c["id"]].days_left for c in stored_calls(enquiry)
            if c.get("eligible") is not False and c["id"] in statuses and statuses[c["id"]].status == OPEN
            and statuses[c["id"]].days_left is not None and statuses[c["id"]].days_left <= DEADLINE_DAYS]
    if near:
        score += 20 * (DEADLINE_DAYS - min(near)) / DEADLINE_DAYS
        reasons.append(f"deadline_{min(near)}d")
    size = investment(enquiry.profile or {})
    if size is not None and size > 0:
        score += 15 * float(min(size, INVESTMENT_CAP) / INVESTMENT_CAP)
        reasons.append("investment")
    facts = sum(1 for name in COMPLETENESS_FACTS if (enquiry.profile or {}).get(name) is not None)
    score += 10 * facts / len(COMPLETENESS_FACTS)
    waited = max((today - enquiry.created_at.date()).days, 0)
    score += 15 * min(waited, WAITING_CAP_DAYS) / WAITING_CAP_DAYS
    return round(score), reasons


def queue(session: Session, user: ConsoleUser, filters: Filters, catalogue: Catalogue, today: dt.date) -> list[Row]:
    query = select(Enquiry, FollowUp).outerjoin(FollowUp, FollowUp.enquiry_id == Enquiry.id)
    if not user.is_admin:
        query = query.where(Enquiry.desk_id == user.desk_id)
    if filters.channel:
        query = query.where(Enquiry.channel == filters.channel)
    if filters.language:
        query = query.where(Enquiry.language == filters.language)
    if filters.since:
        query = query.where(Enquiry.created_at >= _midnight(filters.since))
    if filters.until:
        query = query.where(Enquiry.created_at < _midnight(filters.until + dt.timedelta(days=1)))
    if filters.q:
        like = f"%{_escape_like(filters.q)}%"
        reference = filters.q.replace("-", "").replace(" ", "").upper()
        query = query.where(or_(Enquiry.reference == reference, Enquiry.company.ilike(like, escape="\\"),
                                Enquiry.contact_name.ilike(like, escape="\\"),
                                Enquiry.contact_email.ilike(like, escape="\\")))
    rows = []
    for enquiry, followup in session.execute(query.order_by(Enquiry.created_at.desc()).limit(MAX_ROWS)):
        row = Row(enquiry, followup, *priority(enquiry, catalogue, today))
        if filters.status and row.status != filters.status:
            continue
        if filters.call and not any(c["id"] == filters.call and c.get("eligible") is not False
                                    for c in stored_calls(enquiry)):
            continue
        rows.append(row)
    rows.sort(key=lambda r: (r.status != "new", -r.priority, r.enquiry.created_at))
    return rows


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
