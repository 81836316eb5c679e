"""The console reads a conversation from the tracker wherever Rasa keeps it: the SQLite file of
`make run`, or the server database of several servers (ORIENTA_TRACKER_URL, PostgreSQL)."""
import json

import pytest
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine

from bot.console import transcript as tracker
from tests.databases import throwaway_postgres

EVENTS = [("user", 1.0, {"event": "user", "text": "siamo 12 dipendenti"}),
          ("slot", 2.0, {"event": "slot", "name": "facts", "value": {"employees": 12}}),
          ("bot", 3.0, {"event": "bot", "text": "Qual è il fatturato?"}),
          ("slot", 4.0, {"event": "slot", "name": "language", "value": "it"})]


def _fill(url: str) -> None:
    engine = create_engine(url, future=True)
    events = Table("events", MetaData(), Column("id", Integer, primary_key=True), Column("sender_id", String(255)),
                   Column("type_name", String(255)), Column("timestamp", Float), Column("data", Text))
    with engine.begin() as connection:
        events.create(connection)
        connection.execute(events.insert(), [{"sender_id": "rest:anna", "type_name": kind, "timestamp": at,
                                              "data": json.dumps(data)} for kind, at, data in EVENTS])
    engine.dispose()


def _reads(monkeypatch, url: str) -> None:
    monkeypatch.setenv("ORIENTA_TRACKER_URL", url)
    monkeypatch.setenv("ORIENTA_TRACKER_DB", "/nonexistent/tracker.db")  # not used when the URL is set
    lines = tracker.transcript("rest:anna")
    assert [(line.speaker, line.text) for line in lines] == [("user", "siamo 12 dipendenti"),
                                                             ("bot", "Qual è il fatturato?")]
    assert tracker.latest_slots("rest:anna", ("facts", "language")) == {"facts": {"employees": 12}, "language": "it"}
    assert tracker.latest_slots("rest:nobody", ("facts",)) is None
    assert tracker.transcript("rest:nobody") == []


def test_the_cluster_tracker_in_postgresql_is_read(monkeypatch):
    with throwaway_postgres() as url:
        _fill(url)
        _reads(monkeypatch, url)
        tracker._engine(url).dispose()  # its connections closed, so the throwaway database can be dropped
        tracker._engine.cache_clear()


def test_a_tracker_url_to_sqlite_is_read_too(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    _fill(url)
    _reads(monkeypatch, url)


def test_an_unreachable_tracker_gives_no_transcript_not_an_error(monkeypatch):
    monkeypatch.setenv("ORIENTA_TRACKER_URL", "postgresql://nobody@127.0.0.1:9/none?connect_timeout=2")
    assert tracker.transcript("rest:anna") is None
    assert tracker.latest_slots("rest:anna", ("facts",)) is None


def test_without_a_url_the_file_is_read_read_only(monkeypatch, tmp_path):
    path = tmp_path / "tracker.db"
    _fill(f"sqlite:///{path}")
    monkeypatch.delenv("ORIENTA_TRACKER_URL", raising=False)
    monkeypatch.setenv("ORIENTA_TRACKER_DB", str(path))
    assert len(tracker.transcript("rest:anna")) == 2
    path.chmod(0o400)  # mode=ro: a read-only file is enough
    assert tracker.latest_slots("rest:anna", ("language",)) == {"language": "it"}
