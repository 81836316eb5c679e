"""What an advisor does to an enquiry: assign it, move its status on, write notes, reassign its
desk (admins only). Every change is audited; the caller commits."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.console.accounts import AccountError, audit
from bot.console.models import OUTCOMES, PROGRESS, STORE_STATUS, AuditEntry, ConsoleUser, FollowUp, Note
from bot.geo.desks import desk_by_id
from bot.store.models import Enquiry, utc_now

MAX_NOTE = 4000


def followup_of(session: Session, enquiry: Enquiry) -> FollowUp | None:
    return session.get(FollowUp, enquiry.id)


def _ensure(session: Session, enquiry: Enquiry) -> FollowUp:
    row = followup_of(session, enquiry)
    if row is None:
        row = FollowUp(enquiry_id=enquiry.id, status="new", updated_at=utc_now())
        session.add(row)
    return row


def set_progress(session: Session, user: ConsoleUser, enquiry: Enquiry, status: str, outcome: str | None) -> None:
    if status not in PROGRESS:
        raise AccountError("status", f"must be one of {', '.join(PROGRESS)}")
    outcome = outcome or None
    if outcome is not None and outcome not in OUTCOMES:
        raise AccountError("outcome", f"must be one of {', '.join(OUTCOMES)}")
    if status == "closed" and outcome is None:
        raise AccountError("outcome", "a closed enquiry needs its outcome")
    if status != "closed" and outcome is not None:
        raise AccountError("outcome", "only a closed enquiry has an outcome")
    row = _ensure(session, enquiry)
    before = (row.status, row.outcome)
    now = utc_now()
    row.status, row.outcome, row.updated_at = status, outcome, now
    if status != "new" and row.contacted_at is None:
        row.contacted_at = now
    enquiry.status, enquiry.updated_at = STORE_STATUS[status], now  # the chat's table in step
    audit(session, user, "status", enquiry.id, {"from": list(before), "to": [status, outcome]})
    session.flush()


def assign(session: Session, user: ConsoleUser, enquiry: Enquiry, assignee_id: int | None) -> None:
    if assignee_id is not None:
        assignee = session.get(ConsoleUser, assignee_id)
        # Only someone who can see the enquiry can be given it.
        if assignee is None or not (assignee.is_admin or assignee.desk_id == enquiry.desk_id):
            raise AccountError("assignee", "is not an advisor of this enquiry's desk")
    row = _ensure(session, enquiry)
    row.assignee_id, row.updated_at = assignee_id, utc_now()
    audit(session, user, "assign", enquiry.id, {"assignee_id": assignee_id})
    session.flush()


def reassign_desk(session: Session, user: ConsoleUser, enquiry: Enquiry, desk_id: str) -> None:
    if not user.is_admin:
        raise PermissionError("only an admin can move an enquiry to another desk")
    if desk_by_id(desk_id) is None:
        raise AccountError("desk", f"{desk_id!r} is not a known desk")
    before = enquiry.desk_id
    enquiry.desk_id, enquiry.updated_at = desk_id, utc_now()
    row = followup_of(session, enquiry)
    if row is not None and row.assignee_id is not None:
        assignee = session.get(ConsoleUser, row.assignee_id)
        if assignee is not None and not assignee.is_admin and assignee.desk_id != desk_id:
            row.assignee_id = None  # the old desk's advisor can no longer see it
    audit(session, user, "desk", enquiry.id, {"from": before, "to": desk_id})
    session.flush()


def add_note(session: Session, user: ConsoleUser, enquiry: Enquiry, text: str) -> Note:
    text = (text or "").strip()
    if not text:
        raise AccountError("note", "is empty")
    if len(text) > MAX_NOTE:
        raise AccountError("note", f"is longer than {MAX_NOTE} characters")
    note = Note(enquiry_id=enquiry.id, user_id=user.id, author=user.email, created_at=utc_now(), text=text)
    session.add(note)
    audit(session, user, "note", enquiry.id, {"chars": len(text)})
    session.flush()
    return note


def notes_of(session: Session, enquiry: Enquiry) -> list[Note]:
    return list(session.scalars(select(Note).where(Note.enquiry_id == enquiry.id).order_by(Note.created_at, Note.id)))


def advisors_for(session: Session, enquiry: Enquiry) -> list[ConsoleUser]:
    return list(session.scalars(select(ConsoleUser).where(
        (ConsoleUser.desk_id == enquiry.desk_id) | ConsoleUser.is_admin).order_by(ConsoleUser.email)))


def history_of(session: Session, enquiry: Enquiry, limit: int = 100) -> list[AuditEntry]:
    """The audit trail of one enquiry, newest first."""
    return list(session.scalars(select(AuditEntry).where(AuditEntry.enquiry_id == enquiry.id)
                                .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)))
