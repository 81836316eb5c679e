"""Fixtures shared by the whole suite. Only the Rasa and end-to-end tests use them; unit tests
never train or start anything."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.runtime.training import ensure_model
from tests.live_stacks import LIVE_STACKS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _own_enquiry_spool(tmp_path_factory, monkeypatch):
    """Enquiries spooled by a test (database down) stay in that test, never in the repo's var/."""
    monkeypatch.setenv("ORIENTA_ENQUIRY_SPOOL", str(tmp_path_factory.mktemp("enquiry-spool")))


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


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test shows the tail of every running server's logs."""
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for stack in LIVE_STACKS:
            report.sections.append((f"server logs ({stack.log_dir.name})", stack.log_tails()))
