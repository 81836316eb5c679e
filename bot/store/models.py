"""The store's tables: enquiries (what a firm asked, what the bot answered, and whom to contact
if it agreed) and alerts (who asked to be told when a call fits, and what they were told).

Written in SQLAlchemy 2.0 style on 1.4 (typed `Mapped[...]` attributes, `select()`), so moving
to 2.0 is mostly swapping `Column` for `mapped_column`. The CHECK constraints repeat the
repository's rules in the database, so a script that bypasses the repository still cannot
store personal data without consent.
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (JSON, Boolean, CheckConstraint, Column, DateTime, ForeignKey, Index, Integer, MetaData,
                        String, UniqueConstraint)
from sqlalchemy.orm import Mapped, declarative_base
from sqlalchemy.types import TypeDecorator

STATUSES = ("new", "in_progress", "closed")
LANGUAGES = ("it", "en")
ALERT_CHANNELS = ("telegram", "email")
# What an alert said of its call: it opened, or a new one was announced (or is dated but not open yet).
ALERT_KINDS = ("open", "announced")
# What a post on the public Telegram channel said: the same, or that the window closes in 7 / 1 days.
POST_KINDS = ("open", "announced", "closes_in_7", "closes_in_1")
# Fields that identify a person (a company name can, for a sole trader; free text can hold anything).
PERSONAL_FIELDS = ("contact_name", "contact_email", "contact_phone", "company", "message")

# Deterministic constraint names: migrations can refer to them on every database.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)
Base = declarative_base(metadata=metadata)


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Aware UTC datetimes in and out; SQLite keeps no zone, so it stores naive UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware (naive ones are ambiguous)")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def _sql_list(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


class Enquiry(Base):
    __tablename__ = "enquiries"

    id: Mapped[int] = Column(Integer, primary_key=True)
    reference: Mapped[str] = Column(String(16), nullable=False, unique=True)  # shown to the user
    created_at: Mapped[datetime] = Column(UTCDateTime, nullable=False, default=utc_now)
    updated_at: Mapped[datetime] = Column(UTCDateTime, nullable=False, default=utc_now)
    channel: Mapped[str] = Column(String(20), nullable=False)
    language: Mapped[str] = Column(String(2), nullable=False)
    conversation_id: Mapped[str | None] = Column(String(255))
    # Snapshots as JSON; Decimal amounts are stored as strings (see enquiries.json_ready).
    profile: Mapped[dict] = Column(JSON, nullable=False)
    verdicts: Mapped[dict] = Column(JSON, nullable=False)
    desk_id: Mapped[str | None] = Column(String(40), index=True)
    consent: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    consent_at: Mapped[datetime | None] = Column(UTCDateTime)
    consent_version: Mapped[str | None] = Column(String(40))  # which consent text was shown
    contact_name: Mapped[str | None] = Column(String(120))
    contact_email: Mapped[str | None] = Column(String(254))
    contact_phone: Mapped[str | None] = Column(String(40))
    company: Mapped[str | None] = Column(String(200))
    message: Mapped[str | None] = Column(String(2000))
    status: Mapped[str] = Column(String(20), nullable=False, default="new", index=True)

    __table_args__ = (
        CheckConstraint(f"status IN ({_sql_list(STATUSES)})", name="status"),
        CheckConstraint(f"language IN ({_sql_list(LANGUAGES)})", name="language"),
        CheckConstraint(
            "consent OR (" + " AND ".join(f"{f} IS NULL" for f in PERSONAL_FIELDS) + ")",
            name="personal_data_needs_consent",
        ),
        CheckConstraint(
            "(consent AND consent_at IS NOT NULL) OR (NOT consent AND consent_at IS NULL)",
            name="consent_is_dated",
        ),
        Index(None, "created_at"),
    )

    def __repr__(self) -> str:  # no personal data in logs
        return f"<Enquiry {self.reference} {self.status} desk={self.desk_id}>"


class AlertSubscription(Base):
    """A firm's request to be told when a call fits it. `address` is a Telegram chat id or an
    e-mail address: personal data, so it is stored only with consent, dated, and its version."""

    __tablename__ = "alert_subscriptions"

    id: Mapped[int] = Column(Integer, primary_key=True)
    created_at: Mapped[datetime] = Column(UTCDateTime, nullable=False, default=utc_now)
    ended_at: Mapped[datetime | None] = Column(UTCDateTime)  # "stop alerts"; kept until forgotten
    channel: Mapped[str] = Column(String(20), nullable=False)
    address: Mapped[str] = Column(String(254), nullable=False)
    language: Mapped[str] = Column(String(2), nullable=False)
    # The facts known when the firm subscribed, as enquiries store them (money as strings).
    profile: Mapped[dict] = Column(JSON, nullable=False)
    # What was asked: every fitting call, or these call ids and/or these families of editions.
    any_call: Mapped[bool] = Column(Boolean, nullable=False, default=False)
    call_ids: Mapped[list] = Column(JSON, nullable=False)
    families: Mapped[list] = Column(JSON, nullable=False)
    consent_version: Mapped[str] = Column(String(40), nullable=False)  # which consent text was shown
    consent_at: Mapped[datetime] = Column(UTCDateTime, nullable=False)

    __table_args__ = (
        CheckConstraint(f"channel IN ({_sql_list(ALERT_CHANNELS)})", name="channel"),
        CheckConstraint(f"language IN ({_sql_list(LANGUAGES)})", name="language"),
        CheckConstraint("consent_version <> '' AND consent_at IS NOT NULL", name="address_needs_consent"),
        CheckConstraint("ended_at IS NULL OR ended_at >= created_at", name="ends_after_it_starts"),
        Index(None, "channel", "address"),
    )

    def __repr__(self) -> str:  # no address in logs
        return f"<AlertSubscription {self.id} {self.channel} {'ended' if self.ended_at else 'active'}>"


class SentAlert(Base):
    """One alert delivered: written after the channel accepted it, so a failed send is retried."""

    __tablename__ = "sent_alerts"

    id: Mapped[int] = Column(Integer, primary_key=True)
    subscription_id: Mapped[int] = Column(Integer, ForeignKey("alert_subscriptions.id", ondelete="CASCADE"),
                                          nullable=False)
    call_id: Mapped[str] = Column(String(80), nullable=False)
    kind: Mapped[str] = Column(String(20), nullable=False)
    sent_at: Mapped[datetime] = Column(UTCDateTime, nullable=False, default=utc_now)

    __table_args__ = (
        CheckConstraint(f"kind IN ({_sql_list(ALERT_KINDS)})", name="kind"),
        UniqueConstraint("subscription_id", "call_id", "kind", name="uq_sent_alerts_once"),
    )


class ChannelPost(Base):
    """One post on a public Telegram channel (new call, closing reminder), made once."""

    __tablename__ = "channel_posts"

    id: Mapped[int] = Column(Integer, primary_key=True)
    channel: Mapped[str] = Column(String(100), nullable=False)  # "@name" or the channel's numeric id
    call_id: Mapped[str] = Column(String(80), nullable=False)
    kind: Mapped[str] = Column(String(20), nullable=False)
    sent_at: Mapped[datetime] = Column(UTCDateTime, nullable=False, default=utc_now)

    __table_args__ = (
        CheckConstraint(f"kind IN ({_sql_list(POST_KINDS)})", name="kind"),
        UniqueConstraint("channel", "call_id", "kind", name="uq_channel_posts_once"),
    )
