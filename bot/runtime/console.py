"""`make run` starts the advisor console beside the assistant: its own process
(`python -m bot console serve`), logs in var/logs/console.log, ready when /health answers."""
from __future__ import annotations

import sys
from pathlib import Path

from bot.runtime.environment import rasa_env
from bot.runtime.processes import Service

CONSOLE_START_TIMEOUT = 60.0


def console_service(root: Path, host: str, port: int, log_dir: Path, tracker_db: Path | None = None,
                    database_url: str | None = None) -> Service:
    """The console on host:port, reading the tracker the servers write: the SQLite file `tracker_db`
    (make run), or the server database `database_url` that holds both the enquiries and Rasa's
    events (make cluster)."""
    where = {"ORIENTA_TRACKER_DB": str(tracker_db)} if tracker_db is not None else {}
    if database_url is not None:
        where = {"ORIENTA_TRACKER_URL": database_url, "ORIENTA_DATABASE_URL": database_url}
    env = rasa_env({"ORIENTA_CONSOLE_PORT": str(port), "ORIENTA_HOST": host, **where})
    return Service("advisor console", [sys.executable, "-m", "bot", "console", "serve"], cwd=root, env=env,
                   log_path=log_dir / "console.log", health_url=f"http://{host}:{port}/health")
