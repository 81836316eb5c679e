"""The console's tables: advisor accounts, their sessions, the follow-up of each enquiry, notes
and the audit log. They sit beside `enquiries` on the same metadata (migration 0003) and never
change its columns: the chat's table stays the chat's, the desks' work is recorded here.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, Column, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped

from bot.store.models import Base, UTCDateTime, utc_now

# The desks' workflow. The chat's own `enquiries.status` knows only new/in_progress/closed,
# so it is kept in step through STORE_STATUS (contacted counts as in progress there).
PROGRESS = ("new", "contacted", "in_progress", "closed")
OUTCOMES = ("applied", "funded", "not_eligible", "no_answer")
STORE_STATUS = {"new": "new", "contacted": "in_progress", "in_progress": "in_progress", "closed": "closed"}


def _sql_list(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


class ConsoleUser(Base):
    __tablename__ = "console_users"

    id: Mapped[int] = Column(Integer, primary_key=True)
    email: Mapped[str] = Column(String(254), nullable=False, unique=True)
    desk_id: Mapped[str | None] = Column(String(40))
    is_admin: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    password_hash: Mapped[str] = Column(String(255), nullable=False)
    must_change_password: Mapped[bool] = Column(Boolean, nullable=False, default=True)
    failed_logins: Mapped[int] = Column(Integer, nullable=False, default=0)
    locked_until: Mapped[datetime | None] = Column(UTCDateTime)
    created_at: Mapped[datetime] = Column(UTCDateTime, nullable=False, default=utc_now)

    __table_args__ = (
        # An advisor belongs to exactly one desk; an admin to none (sees all).
        CheckConstraint("(is_admin AND desk_id IS NULL) OR (NOT is_admin AND desk_id IS NOT NULL)",
                        name="desk_or_admin"),
    )

    def __repr__(self) -> str:
        return f"<ConsoleUser {self.id} admin={self.is_admin} desk={self.desk_id}>"


class ConsoleSession(Base):
    __tablename__ = "console_sessions"

    id: Mapped[int] = Column(Integer, primary_key=True)
    # Only a hash of the cookie's token is stored: a leaked table opens no session.
    token_hash: Mapped[str] = Column(String(64), nullable=False, unique=True)
    csrf_token: Mapped[str] = Column(String(64), nullable=False)
    user_id: Mapped[int] = Column(Integer, ForeignKey("console_users.id", ondelete="CASCADE"), nullable=False)
    created_at: Mapped[datetime] = Column(UTCDateTime, nullable=False, default=utc_now)
    expires_at: Mapped[datetime] = Column(UTCDateTime, nullable=False)


class FollowUp(Base):
    """How a desk is handling one enquiry; absent means new and unassigned."""

    __tablename__ = "console_followups"

    enquiry_id: Mapped[int] = Column(Integer, ForeignKey("enquiries.id", ondelete="CASCADE"), primary_key=True)
    status: Mapped[str] = Column(String(20), nullable=False, default="new")
    outcome: Mapped[str | None] = Column(String(20))
    assignee_id: Mapped[int | None] = Column(Integer, ForeignKey("console_users.id", ondelete="SET NULL"))
    contacted_at: Mapped[datetime | None] = Column(UTCDateTime)  # first move past "new"
    updated_at: Mapped[datetime] = Column(UTCDateTime, nullable=False, default=utc_now)

    __table_args__ = (
        CheckConstraint(f"status IN ({_sql_list(PROGRESS)})", name="status"),
        CheckConstraint(f"outcome IS NULL OR outcome IN ({_sql_list(OUTCOMES)})", name="outcome"),
        CheckConstraint("outcome IS NULL OR status = 'closed'", name="outcome_when_closed"),
    )


class Note(Base):
    __tablename__ = "console_notes"

    id: Mapped[int] = Column(Integer, primary_key=True)
    enquiry_id: Mapped[int] = Column(Integer, ForeignKey("enquiries.id", ondelete="CASCADE"), nullable=False)
    user_id: Mapped[int | None] = Column(Integer, ForeignKey("console_users.id", ondelete="SET NULL"))
    author: Mapped[str] = Column(String(254), nullable=False)  # kept if the account goes
    created_at: Mapped[datetime] = Column(UTCDateTime, nullable=False, default=utc_now)
    text: Mapped[str] = Column(String(4000), nullable=False)

    __table_args__ = (Index(None, "enquiry_id"),)


class AuditEntry(Base):
    """Who viewed or changed which enquiry (or logged in, exported, published), and when."""

    __tablename__ = "console_audit"

    id: Mapped[int] = Column(Integer, primary_key=True)
    at: Mapped[datetime] = Column(UTCDateTime, nullable=False, default=utc_now)
    user_id: Mapped[int | None] = Column(Integer, ForeignKey("console_users.id", ondelete="SET NULL"))
    actor: Mapped[str] = Column(String(254), nullable=False)
    action: Mapped[str] = Column(String(40), nullable=False)
    enquiry_id: Mapped[int | None] = Column(Integer, ForeignKey("enquiries.id", ondelete="SET NULL"))
    detail: Mapped[dict] = Column(JSON, nullable=False, default=dict)

    __table_args__ = (Index(None, "enquiry_id"), Index(None, "at"))
