"""A conversation as the Rasa tracker store keeps it: the `events` table of SQLTrackerStore.

Read-only: the console never writes to Rasa's database (a SQLite file is opened in URI mode=ro,
a server database in a read-only transaction). Only user and bot texts are shown; the template
escapes them, so markup in a message shows as text. The tracker is ORIENTA_TRACKER_URL when it
is set (several servers: the cluster's PostgreSQL), else the file ORIENTA_TRACKER_DB, as
endpoints.yml reads it (default var/tracker.db, where bot/runtime puts it).
"""
from __future__ import annotations

import functools
import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from bot.config import REPO_ROOT

MAX_EVENTS = 2000
_LINES = ("SELECT type_name, timestamp, data FROM events WHERE sender_id = :sender "
          "AND type_name IN ('user', 'bot') ORDER BY id LIMIT :limit")
_SLOTS = "SELECT data FROM events WHERE sender_id = :sender AND type_name = 'slot' ORDER BY id"
_ANY = "SELECT 1 FROM events WHERE sender_id = :sender LIMIT 1"


@dataclass(frozen=True)
class Line:
    speaker: str  # "user" | "bot"
    text: str
    at: datetime | None


def tracker_db_path() -> Path:
    raw = (os.environ.get("ORIENTA_TRACKER_DB") or "").strip()
    return Path(raw) if raw else REPO_ROOT / "var" / "tracker.db"


def tracker_url() -> str | None:
    return (os.environ.get("ORIENTA_TRACKER_URL") or "").strip() or None


@functools.lru_cache(maxsize=4)
def _engine(url: str):
    from sqlalchemy import create_engine

    return create_engine(url, future=True, pool_pre_ping=True)


class _Unreadable(Exception):
    pass


def _query(sql: str, params: dict, db_path: Path | None) -> list[tuple]:
    """Rows of a read-only query on the tracker: db_path (a test's), else ORIENTA_TRACKER_URL, else the file."""
    url = None if db_path else tracker_url()
    if url is not None:
        from sqlalchemy import text
        from sqlalchemy.exc import SQLAlchemyError

        try:
            with _engine(url).connect() as connection:
                if connection.dialect.name == "postgresql":
                    connection.execute(text("SET TRANSACTION READ ONLY"))
                return [tuple(row) for row in connection.execute(text(sql), params)]
        except SQLAlchemyError as err:
            raise _Unreadable from err
    path = db_path or tracker_db_path()
    if not path.is_file():
        raise _Unreadable
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
            return connection.execute(sql, params).fetchall()
    except sqlite3.Error as err:
        raise _Unreadable from err


def transcript(sender_id: str | None, db_path: Path | None = None) -> list[Line] | None:
    """The lines of one conversation, oldest first; None when the tracker cannot be read."""
    if not sender_id:
        return None
    try:
        rows = _query(_LINES, {"sender": sender_id, "limit": MAX_EVENTS}, db_path)
    except _Unreadable:
        return None
    lines = []
    for type_name, timestamp, data in rows:
        try:
            text = json.loads(data).get("text")
        except (TypeError, ValueError, AttributeError):
            continue
        if isinstance(text, str) and text:
            at = datetime.fromtimestamp(timestamp, timezone.utc) if isinstance(timestamp, (int, float)) else None
            lines.append(Line(type_name, text, at))
    return lines


def latest_slots(sender_id: str, names: tuple[str, ...], db_path: Path | None = None) -> dict | None:
    """The last value set for each slot in `names` in one conversation; None when it is unknown."""
    if not sender_id:
        return None
    try:
        rows = _query(_SLOTS, {"sender": sender_id}, db_path)
        if not rows and not _query(_ANY, {"sender": sender_id}, db_path):
            return None
    except _Unreadable:
        return None
    values: dict = {}
    for (data,) in rows:
        try:
            event = json.loads(data)
        except (TypeError, ValueError):
            continue
        if isinstance(event, dict) and event.get("name") in names:
            values[event["name"]] = event.get("value")
    return values
