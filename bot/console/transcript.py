"""A conversation as the Rasa tracker store keeps it: the `events` table of SQLTrackerStore.

Opened read-only (SQLite URI mode=ro): the console never writes to Rasa's database. Only user
and bot texts are shown; the template escapes them, so markup in a message shows as text.
The tracker's file is ORIENTA_TRACKER_DB, as endpoints.yml reads it (default var/tracker.db,
where bot/runtime puts it).
"""
from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from bot.config import REPO_ROOT

MAX_EVENTS = 2000


@dataclass(frozen=True)
class Line:
    speaker: str  # "user" | "bot"
    text: str
    at: datetime | None


def tracker_db_path() -> Path:
    raw = (os.environ.get("ORIENTA_TRACKER_DB") or "").strip()
    return Path(raw) if raw else REPO_ROOT / "var" / "tracker.db"


def transcript(sender_id: str | None, db_path: Path | None = None) -> list[Line] | None:
    """The lines of one conversation, oldest first; None when the tracker cannot be read."""
    path = db_path or tracker_db_path()
    if not sender_id or not path.is_file():
        return None
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
            rows = connection.execute(
                "SELECT type_name, timestamp, data FROM events WHERE sender_id = ? "
                "AND type_name IN ('user', 'bot') ORDER BY id LIMIT ?", (sender_id, MAX_EVENTS)).fetchall()
    except sqlite3.Error:
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
    path = db_path or tracker_db_path()
    if not sender_id or not path.is_file():
        return None
    try:
        with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
            rows = connection.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'slot' ORDER BY id",
                                      (sender_id,)).fetchall()
    except sqlite3.Error:
        return None
    if not rows and not _has_events(path, sender_id):
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


def _has_events(path: Path, sender_id: str) -> bool:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as connection:
        return connection.execute("SELECT 1 FROM events WHERE sender_id = ? LIMIT 1", (sender_id,)).fetchone() is not None
