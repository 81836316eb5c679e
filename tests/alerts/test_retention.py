"""`python -m bot retention`: what is older than the configured age goes, the rest stays
(bot/store/retention.py), on a real tracker file and on each store engine."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from bot.store.alerts import subscribe, unsubscribe
from bot.store.enquiries import create_enquiry, get_by_reference, set_status
from bot.store.models import AlertSubscription
from bot.store.retention import purge, retention_days, tracker_url

NOW = datetime(2026, 12, 2, 12, 0, tzinfo=timezone.utc)
OLD, RECENT = NOW - timedelta(days=400), NOW - timedelta(days=10)


def _tracker(path, conversations):
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id TEXT, type_name TEXT, "
                           "timestamp REAL, intent_name TEXT, action_name TEXT, data TEXT)")
        for sender, times in conversations.items():
            for when in times:
                connection.execute("INSERT INTO events (sender_id, type_name, timestamp) VALUES (?, 'user', ?)",
                                   (sender, when.timestamp()))
    return tracker_url(path)


def _senders(url):
    with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
        return {row[0] for row in connection.execute("SELECT DISTINCT sender_id FROM events")}


@pytest.fixture
def stored(sessions):
    with sessions.begin() as session:
        refs = {}
        for name, status, when in (("old_closed", "closed", OLD), ("old_open", "in_progress", OLD),
                                   ("recent_closed", "closed", RECENT)):
            refs[name] = create_enquiry(session, channel="rest", language="it", profile={}, verdicts={}).reference
            set_status(session, refs[name], status, now=when)
        for address, ended in (("old@example.it", OLD), ("recent@example.it", RECENT)):
            subscribe(session, channel="email", address=address, language="it", any_call=True, consent=True,
                      consent_version="alerts-2026-12", now=OLD)
            unsubscribe(session, "email", address, now=ended)
        subscribe(session, channel="email", address="active@example.it", language="it", any_call=True,
                  consent=True, consent_version="alerts-2026-12", now=OLD)
    return refs


def test_old_conversations_closed_enquiries_and_ended_subscriptions_go(sessions, stored, tmp_path):
    tracker = _tracker(tmp_path / "tracker.db", {"rest:old": [OLD, OLD], "rest:recent": [RECENT],
                                                 "rest:long": [OLD, RECENT]})
    purged = purge(sessions, tracker, 365, now=NOW)
    assert (purged.conversations, purged.events, purged.enquiries, purged.subscriptions) == (1, 2, 1, 1)
    assert _senders(tracker) == {"rest:recent", "rest:long"}  # a conversation still going on stays whole
    with sessions() as session:
        assert get_by_reference(session, stored["old_closed"]) is None
        assert get_by_reference(session, stored["old_open"]) and get_by_reference(session, stored["recent_closed"])
        addresses = set(session.scalars(select(AlertSubscription.address)))
        assert addresses == {"recent@example.it", "active@example.it"}


def test_a_dry_run_counts_and_deletes_nothing(sessions, stored, tmp_path):
    tracker = _tracker(tmp_path / "tracker.db", {"rest:old": [OLD]})
    purged = purge(sessions, tracker, 365, now=NOW, dry_run=True)
    assert (purged.conversations, purged.enquiries, purged.subscriptions) == (1, 1, 1)
    assert _senders(tracker) == {"rest:old"}
    with sessions() as session:
        assert get_by_reference(session, stored["old_closed"]) is not None
        assert session.scalar(select(func.count()).select_from(AlertSubscription)) == 3


def test_without_a_tracker_file_only_the_store_is_purged(sessions, stored, tmp_path):
    assert tracker_url(tmp_path / "none.db") is None
    assert purge(sessions, None, 365, now=NOW).enquiries == 1


@pytest.mark.parametrize("raw, days", [(None, 365), ("", 365), ("30", 30)])
def test_the_age_is_configured(monkeypatch, raw, days):
    monkeypatch.delenv("ORIENTA_RETENTION_DAYS", raising=False)
    assert retention_days(raw) == days


@pytest.mark.parametrize("raw", ["0", "-5", "ten", "1e9", "99999999"])
def test_a_wrong_age_is_refused(raw):
    from bot.config import ConfigError

    with pytest.raises(ConfigError):
        retention_days(raw)


def test_conversations_in_the_store_database_are_purged_too(sessions, database_url):
    """Several servers keep Rasa's events in the same PostgreSQL database (ORIENTA_TRACKER_URL)."""
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url, future=True)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), "
                                "type_name VARCHAR(255), timestamp FLOAT)"))
        for index, (sender, when) in enumerate((("rest:old", OLD), ("rest:recent", RECENT)), 1):
            connection.execute(text("INSERT INTO events VALUES (:id, :sender, 'user', :ts)"),
                               {"id": index, "sender": sender, "ts": when.timestamp()})
    purged = purge(sessions, database_url, 365, now=NOW)
    with engine.connect() as connection:
        left = {row[0] for row in connection.execute(text("SELECT sender_id FROM events"))}
    engine.dispose()
    assert (purged.conversations, purged.events) == (1, 1) and left == {"rest:recent"}
