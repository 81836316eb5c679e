"""Fixtures shared by the whole suite. Only the Rasa and end-to-end tests use them; unit tests
never train or start anything."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.runtime.training import ensure_model

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Logs and reports of this run (git-ignored), kept after the run for whoever debugs a failure."""
    path = ROOT / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(scope="session")
def trained_model(artifacts_dir: Path) -> Path:
    """The model for the current training inputs: reused when they did not change, else trained once."""
    return ensure_model(ROOT, log_dir=artifacts_dir, say=lambda line: print(line, flush=True))
