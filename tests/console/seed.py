"""Test data through the project's own APIs: enquiries by bot.store.enquiries, accounts by
bot.console.accounts, and a Rasa tracker SQLite with SQLTrackerStore's `events` layout."""
from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bot.console.accounts import change_password, create_user
from bot.store.enquiries import create_enquiry

PASSWORD = "correct horse battery"
NOW = datetime(2025, 7, 1, 9, 0, tzinfo=timezone.utc)  # the pinned day of the console tests

# Rasa 3.6 SQLTrackerStore.SQLEvent, column for column.
EVENTS_TABLE = """CREATE TABLE events (
    id INTEGER NOT NULL PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255) NOT NULL,
    timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)"""


def account(session, email: str, desk: str | None = None, admin: bool = False, password: str = PASSWORD):
    """An account whose first-login password change is already done (the tests' usual state)."""
    user, one_time = create_user(session, email, desk_id=desk, admin=admin)
    change_password(session, user, one_time, password, password)
    return user


def enquiry(session, desk: str = "bergamo", days_ago: int = 0, eligible_vnm: bool | None = True, **fields):
    values = dict(channel="socketio", language="it", profile={"employees": 18, "province": "BG",
                                                              "investment_eur": "120000"},
                  verdicts={"today": "2025-06-30", "scope": "all",
                            "calls": [{"id": "verso-nuovi-mercati-2025", "status": "open", "eligible": eligible_vnm}]},
                  desk_id=desk, consent=True, contact_name="Giulia Bianchi", contact_email="giulia@example.it",
                  company="Tessiture Orobiche srl", now=NOW - timedelta(days=days_ago))
    values.update(fields)
    return create_enquiry(session, **values)


def tracker(path: Path, sender_id: str, turns: list[tuple[str, str]], slots: dict | None = None) -> Path:
    """A tracker database holding one conversation of (speaker, text) turns, with Rasa's noise around them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:
        db.execute(EVENTS_TABLE)
        stamp = NOW.timestamp()
        db.execute("INSERT INTO events (sender_id, type_name, timestamp, action_name, data) VALUES (?,?,?,?,?)",
                   (sender_id, "action", stamp, "action_session_start",
                    json.dumps({"event": "action", "name": "action_session_start"})))
        for i, (speaker, text) in enumerate(turns):
            data = {"event": speaker, "timestamp": stamp + i, "text": text}
            db.execute("INSERT INTO events (sender_id, type_name, timestamp, intent_name, data) VALUES (?,?,?,?,?)",
                       (sender_id, speaker, stamp + i, "inform" if speaker == "user" else None, json.dumps(data)))
        for name, value in (slots or {}).items():
            db.execute("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?,?,?,?)",
                       (sender_id, "slot", stamp, json.dumps({"event": "slot", "name": name, "value": value})))
        db.execute("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?,?,?,?)",
                   ("someone-else", "user", stamp, json.dumps({"event": "user", "text": "another conversation"})))
    return path
