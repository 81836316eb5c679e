"""Train the Rasa model only when its inputs changed; otherwise reuse models/orienta-<hash>.tar.gz."""
from __future__ import annotations

import fcntl
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from bot.runtime.environment import rasa_env
from bot.runtime.fingerprint import MODEL_PREFIX, model_path
from bot.runtime.processes import tail

KEEP_MODELS = 3  # older models are deleted; a few stay so switching branches does not retrain


class TrainingError(RuntimeError):
    pass


@contextmanager
def _exclusive(lock_path: Path) -> Iterator[None]:
    # Two `make` targets started together must not train the same model twice at once.
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _prune(models_dir: Path, keep: Path) -> None:
    older = sorted((p for p in models_dir.glob(f"{MODEL_PREFIX}*.tar.gz") if p != keep),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for stale in older[KEEP_MODELS - 1:]:
        stale.unlink(missing_ok=True)


def ensure_model(root: Path, *, log_dir: Path, models_dir: Path | None = None,
                 say: Callable[[str], None] = print) -> Path:
    """The trained model for the current config.yml, domain.yml and data/ (training it if needed)."""
    models_dir = models_dir or root / "models"
    target = model_path(root, models_dir)
    if target.exists():
        return target
    with _exclusive(models_dir / ".training.lock"):
        if target.exists():  # trained by whoever held the lock before us
            return target
        log_path = log_dir / "train.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        say(f"Training the model {target.name} (1-2 minutes; log: {log_path})")
        started = time.monotonic()
        command = [sys.executable, "-m", "rasa", "train", "--config", "config.yml", "--domain", "domain.yml",
                   "--data", "data", "--out", str(models_dir), "--fixed-model-name", target.name[:-len(".tar.gz")]]
        with open(log_path, "wb") as log:
            result = subprocess.run(command, cwd=root, env=rasa_env(), stdin=subprocess.DEVNULL,
                                    stdout=log, stderr=subprocess.STDOUT)
        if result.returncode != 0 or not target.exists():
            raise TrainingError(f"rasa train failed (exit {result.returncode}). Log {log_path}:\n{tail(log_path)}")
        say(f"Trained in {time.monotonic() - started:.0f}s: {target}")
        _prune(models_dir, keep=target)
        return target
