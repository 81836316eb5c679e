"""Keeping data no longer than needed: `python -m bot retention` purges what is older than the
configured age (ORIENTA_RETENTION_DAYS, default 365 days, or --days).

- Conversations: every tracker event of a conversation whose last event is older than the age
  (a conversation still going on is kept whole, however old its first message).
- Enquiries: those closed by the desk and not touched since; open ones stay until handled.
- Alert subscriptions already ended (stop), with what was sent to them.

Counts first (--dry-run prints them and deletes nothing); the tracker is Rasa's `events` table
at ORIENTA_TRACKER_URL (several servers: PostgreSQL) or in ORIENTA_TRACKER_DB (SQLite, as
endpoints.yml names it); the rest is Orienta's store.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import create_engine, delete, func, inspect, select, text
from sqlalchemy.orm import Session

from bot.config import ConfigError
from bot.store.models import Enquiry

DEFAULT_DAYS = 365
MAX_DAYS = 36500


@dataclass(frozen=True)
class Purged:
    conversations: int = 0
    events: int = 0
    enquiries: int = 0
    subscriptions: int = 0


def retention_days(raw: str | None = None) -> int:
    text = (raw if raw is not None else os.environ.get("ORIENTA_RETENTION_DAYS") or "").strip()
    if not text:
        return DEFAULT_DAYS
    if not text.isdigit() or not 1 <= int(text) <= MAX_DAYS:
        raise ConfigError(f"ORIENTA_RETENTION_DAYS: a whole number of days from 1 to {MAX_DAYS}, not {text!r}")
    return int(text)


def tracker_url(tracker_db: Path | None = None) -> str | None:
    """ORIENTA_TRACKER_URL (the cluster's PostgreSQL), else the SQLite file, if it exists."""
    configured = (os.environ.get("ORIENTA_TRACKER_URL") or "").strip()
    if configured:
        return configured
    return f"sqlite:///{tracker_db}" if tracker_db is not None and tracker_db.is_file() else None


def purge_conversations(url: str | None, cutoff: float, dry_run: bool = False) -> tuple[int, int]:
    """(conversations, events) whose last event is before `cutoff` (seconds since the epoch), in
    Rasa's `events` table at `url`."""
    if url is None:
        return 0, 0
    engine = create_engine(url, future=True)
    try:
        with engine.begin() as connection:
            if not inspect(connection).has_table("events"):
                return 0, 0
            stale = "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < :cutoff"
            conversations, events = connection.execute(
                text(f"SELECT COUNT(DISTINCT sender_id), COUNT(*) FROM events WHERE sender_id IN ({stale})"),
                {"cutoff": cutoff}).one()
            if not dry_run and events:
                connection.execute(text(f"DELETE FROM events WHERE sender_id IN ({stale})"), {"cutoff": cutoff})
    finally:
        engine.dispose()
    return conversations or 0, events or 0


def purge_store(session: Session, cutoff: datetime, dry_run: bool = False) -> tuple[int, int]:
    """(closed enquiries, ended subscriptions) last changed before `cutoff`."""
    from bot.store.alerts import ended_before, forget_subscriptions

    closed = (Enquiry.status == "closed") & (Enquiry.updated_at < cutoff)
    enquiries = session.scalar(select(func.count()).select_from(Enquiry).where(closed)) or 0
    subscriptions = ended_before(session, cutoff)
    if not dry_run:
        session.execute(delete(Enquiry).where(closed))
        forget_subscriptions(session, subscriptions)
    return enquiries, len(subscriptions)


class StoreNotReady(RuntimeError):
    pass


def purge(sessions, tracker: str | None, days: int, now: datetime | None = None, dry_run: bool = False) -> Purged:
    """Purge with `tracker` the URL of Rasa's tracker database (tracker_url()), or None."""
    with sessions.kw["bind"].connect() as connection:
        missing = [name for name in ("enquiries", "alert_subscriptions") if not inspect(connection).has_table(name)]
    if missing:
        raise StoreNotReady(f"the store has no {', '.join(missing)} table: migrate it first (python -m bot.store)")
    now = now or datetime.now(timezone.utc)
    cutoff = now - timedelta(days=days)
    conversations, events = purge_conversations(tracker, cutoff.timestamp(), dry_run)
    with sessions() as session, session.begin():
        enquiries, subscriptions = purge_store(session, cutoff, dry_run)
    return Purged(conversations, events, enquiries, subscriptions)
