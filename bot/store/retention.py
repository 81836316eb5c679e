"""Keeping data no longer than needed: `python -m bot retention` purges what is older than the
configured age (ORIENTA_RETENTION_DAYS, default 365 days, or --days).

- Conversations: every tracker event of a conversation whose last event is older than the age
  (a conversation still going on is kept whole, however old its first message).
- Enquiries: those closed by the desk and not touched since; open ones stay until handled.
- Alert subscriptions already ended (stop), with what was sent to them.

Counts first (--dry-run prints them and deletes nothing); the tracker is Rasa's `events` table
in ORIENTA_TRACKER_DB (SQLite, as endpoints.yml names it), the rest is Orienta's store.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import delete, func, inspect, select
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


def purge_conversations(tracker_db: Path, cutoff: float, dry_run: bool = False) -> tuple[int, int]:
    """(conversations, events) whose last event is before `cutoff` (seconds since the epoch)."""
    if not tracker_db.is_file():
        return 0, 0
    with sqlite3.connect(tracker_db) as connection:
        stale = "SELECT sender_id FROM events GROUP BY sender_id HAVING MAX(timestamp) < ?"
        conversations, events = connection.execute(
            f"SELECT COUNT(DISTINCT sender_id), COUNT(*) FROM events WHERE sender_id IN ({stale})",
            (cutoff,)).fetchone()
        if not dry_run and events:
            connection.execute(f"DELETE FROM events WHERE sender_id IN ({stale})", (cutoff,))
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


def purge(sessions, tracker_db: Path, days: int, now: datetime | None = None, dry_run: bool = False) -> Purged:
    with sessions.kw["bind"].connect() as connection:
        missing = [name for name in ("enquiries", "alert_subscriptions") if not inspect(connection).has_table(name)]
    if missing:
        raise StoreNotReady(f"the store has no {', '.join(missing)} table: migrate it first (python -m bot.store)")
    now = now or datetime.now(timezone.utc)
    cutoff = now - timedelta(days=days)
    conversations, events = purge_conversations(tracker_db, cutoff.timestamp(), dry_run)
    with sessions() as session, session.begin():
        enquiries, subscriptions = purge_store(session, cutoff, dry_run)
    return Purged(conversations, events, enquiries, subscriptions)
