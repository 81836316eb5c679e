"""Orienta on several servers (bot/runtime/cluster.py): two Rasa and two action servers behind
nginx, conversations and enquiries in a throwaway PostgreSQL database, locks in Redis."""
from __future__ import annotations

import json
import urllib.request
import uuid
from pathlib import Path

import pytest
import redis
from sqlalchemy import func, select

from bot.benchmark.load import drive
from bot.runtime.cluster import Cluster
from bot.store import session_factory
from bot.store.models import Enquiry
from tests.databases import throwaway_postgres
from tests.live_stacks import LIVE_STACKS

ROOT = Path(__file__).resolve().parents[2]
REDIS_DB = 11  # a database of the machine's Redis no one else here uses; emptied before and after
HANDOFF = ("voglio parlare con un consulente", "no", "Bergamo")  # anonymous enquiry, desk of Bergamo


@pytest.fixture(scope="module")
def cluster(trained_model: Path, artifacts_dir: Path):
    store = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    try:
        store.flushdb()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis not reachable at 127.0.0.1:6379")
    with throwaway_postgres() as database_url:
        running = Cluster(root=ROOT, model=trained_model, work=artifacts_dir / "cluster",
                          database_url=database_url, redis_url=f"redis://127.0.0.1:6379/{REDIS_DB}",
                          env={"ORIENTA_TODAY": "2025-07-01"})
        with running:
            LIVE_STACKS.append(running)
            try:
                yield running
            finally:
                LIVE_STACKS.remove(running)
    store.flushdb()


def say(cluster: Cluster, sender: str, text: str) -> str:
    request = urllib.request.Request(cluster.rest_url, data=json.dumps({"sender": sender, "message": text}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return "\n".join(m.get("text") or "" for m in json.loads(response.read()))


def test_a_conversation_goes_on_when_one_rasa_server_stops(cluster):
    sender = f"anna-{uuid.uuid4().hex[:6]}"
    say(cluster, sender, "siamo 12 dipendenti a Bergamo")
    say(cluster, sender, "il fatturato è di 2 milioni")  # round-robin: the other server took this turn
    stopped = cluster.rasa[0]
    stopped.stop()
    try:
        for _ in range(2):  # whichever server nginx picks, it is the one still running
            summary = say(cluster, sender, "riepilogo")
            assert "12" in summary and "Bergamo" in summary and "2.000.000" in summary
    finally:
        stopped.start().wait_healthy(180)


def test_an_action_server_stopping_is_not_noticed(cluster):
    sender = f"bruno-{uuid.uuid4().hex[:6]}"
    say(cluster, sender, "siamo 30 dipendenti a Como")
    stopped = cluster.actions[0]
    stopped.stop()
    try:
        for _ in range(3):  # nginx passes each call to the action server that is up
            assert "30" in say(cluster, sender, "riepilogo")
    finally:
        stopped.start().wait_healthy(60)


def test_concurrent_conversations_lose_nothing(cluster):
    conversations = 10
    result = drive(cluster.rest_url, (HANDOFF,), concurrency=conversations, conversations=conversations,
                   turn_count=len(HANDOFF))
    assert result.errors == [] and result.empty_replies == 0
    with session_factory(cluster.database_url)() as session:
        stored = session.scalar(select(func.count()).select_from(Enquiry).where(Enquiry.desk_id == "bergamo"))
    assert stored == conversations  # one enquiry per conversation that asked for a person


def test_the_advisor_console_reads_a_cluster_conversation_from_postgresql(cluster, artifacts_dir, monkeypatch):
    import requests

    from bot.runtime.console import console_service
    from bot.runtime.processes import free_ports
    from bot.summary_links import link_for

    monkeypatch.setenv("ORIENTA_SECRET", "cluster-test-secret-not-for-production")  # the console's too
    sender = f"carla-{uuid.uuid4().hex[:6]}"
    say(cluster, sender, "siamo 40 dipendenti a Lecco con 7 milioni di fatturato")
    port, = free_ports(1, "127.0.0.1")
    with console_service(ROOT, "127.0.0.1", port, artifacts_dir, database_url=cluster.database_url) as console:
        console.wait_healthy(60)
        page = requests.get(link_for(f"rest:{sender}", f"http://127.0.0.1:{port}"), timeout=30)
    assert page.status_code == 200
    assert "7.000.000" in page.text and "Lecco" in page.text  # the facts, read from Rasa's events in PostgreSQL
