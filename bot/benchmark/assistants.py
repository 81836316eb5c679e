"""The two assistants under test, each started the way its users start it, on free ports.

Orienta: the fingerprinted model of bot.runtime (trained only when its inputs changed) and the
same Stack as `make run`. Stock: the project `rasa init --no-prompt` creates and trains, made
once per Rasa version and cached, served by the same Stack (its endpoints.yml has no action
endpoint and an in-memory tracker store: that is what "stock" means).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from bot.runtime.environment import rasa_env
from bot.runtime.processes import free_ports, tail
from bot.runtime.stack import Stack
from bot.runtime.training import ensure_model
from bot.store import upgrade

ENQUIRIES_VARIABLE = "ORIENTA_DATABASE_URL"

RASA_INIT_TIMEOUT = 1800.0  # a bound on `rasa init` (it trains a model: 1-3 minutes)
PINNED_DAY = "2025-07-01"   # Verso Nuovi Mercati open: the scripts reach a full verdict


class AssistantError(RuntimeError):
    pass


def _stack(root: Path, model: Path, work_dir: Path, env: dict[str, str | None], host: str) -> Stack:
    rasa_port, actions_port = free_ports(2, host)
    return Stack(root=root, model=model, host=host, rasa_port=rasa_port, actions_port=actions_port,
                 log_dir=work_dir / "logs", tracker_db=work_dir / "tracker.db", env=env)


def orienta_stack(root: Path, work_dir: Path, host: str = "127.0.0.1", date: str | None = PINNED_DAY) -> Stack:
    """Orienta's servers (not started), trained first if needed; conversations in a fresh tracker,
    enquiries in a fresh database (env[ENQUIRIES_VARIABLE]). The actions see `date` as today
    (None: the real date)."""
    if work_dir.exists():
        shutil.rmtree(work_dir)  # last run's tracker and logs
    work_dir.mkdir(parents=True)
    model = ensure_model(root, log_dir=work_dir / "logs", say=lambda line: print(line, flush=True))
    # Its own enquiry database: the benchmark counts the enquiries, and the desk's is left alone.
    database_url = f"sqlite:///{work_dir / 'enquiries.db'}"
    upgrade(database_url)
    return _stack(root, model, work_dir, {"ORIENTA_TODAY": date, ENQUIRIES_VARIABLE: database_url}, host)


def _model_in(project: Path) -> Path | None:
    models = sorted((project / "models").glob("*.tar.gz"))
    return models[-1] if models else None


def rasa_init_project(cache_dir: Path) -> tuple[Path, Path]:
    """(project folder, its model): the `rasa init` assistant of the installed Rasa version,
    created and trained the first time, reused afterwards."""
    project = cache_dir / f"rasa-{metadata.version('rasa')}"
    model = _model_in(project)
    if model is not None:
        return project, model
    # Built next to its final place and renamed when complete, so an interrupted init is never reused.
    partial = cache_dir / f".partial-{os.getpid()}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    log_path = cache_dir / "rasa-init.log"
    print(f"Creating and training the stock `rasa init` assistant (1-3 minutes; log: {log_path})", flush=True)
    with open(log_path, "wb") as log:
        try:
            result = subprocess.run([sys.executable, "-m", "rasa", "init", "--no-prompt", "--init-dir", str(partial)],
                                    cwd=cache_dir, env=rasa_env(), stdin=subprocess.DEVNULL, stdout=log,
                                    stderr=subprocess.STDOUT, timeout=RASA_INIT_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise AssistantError(f"rasa init still running after {RASA_INIT_TIMEOUT:.0f}s; log {log_path}") from None
    if result.returncode != 0 or _model_in(partial) is None:
        raise AssistantError(f"rasa init failed (exit {result.returncode}). Log {log_path}:\n{tail(log_path)}")
    shutil.rmtree(project, ignore_errors=True)
    partial.rename(project)
    return project, _model_in(project)


def rasa_init_stack(cache_dir: Path, work_dir: Path, host: str = "127.0.0.1") -> Stack:
    """The stock assistant's servers (not started): `rasa run` and its action server."""
    project, model = rasa_init_project(cache_dir)
    if work_dir.exists():
        shutil.rmtree(work_dir)
    work_dir.mkdir(parents=True)
    return _stack(project, model, work_dir, {}, host)
