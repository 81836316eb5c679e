"""`make run` starts the console the way bot/runtime starts its other servers."""
from __future__ import annotations

from pathlib import Path

import requests

from bot.runtime.console import console_service
from bot.runtime.processes import free_port
from bot.store import upgrade

ROOT = Path(__file__).resolve().parents[2]


def test_the_runtime_console_service_starts_healthy_and_stops(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'orienta.db'}"
    upgrade(url)
    monkeypatch.setenv("ORIENTA_DATABASE_URL", url)
    port = free_port()
    service = console_service(ROOT, "127.0.0.1", port, tmp_path / "logs", tmp_path / "tracker.db")
    with service:
        service.wait_healthy(60)
        assert requests.get(f"http://127.0.0.1:{port}/", allow_redirects=False).headers["Location"] == "/login"
    assert not service.running
    assert (tmp_path / "logs" / "console.log").exists()
