"""The real assistant for end-to-end chats: the action server and the Rasa server started as
`make run` starts them, on free ports, with logs under test-artifacts/ (tail shown on failure)."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Iterator

import pytest

from bot.runtime.chat import send
from bot.runtime.processes import free_port
from bot.runtime.stack import Stack

ROOT = Path(__file__).resolve().parents[2]
# Inside the Verso Nuovi Mercati window (3 Jun - 9 Sep 2025): the call is open, 70 days left.
PINNED_DAY = "2025-07-01"

_live_stacks: list[Stack] = []


class Chat:
    """One conversation (its own sender id); `say` returns the bot's replies joined by newlines."""

    def __init__(self, stack: Stack, name: str):
        self.stack, self.sender = stack, f"{name}-{uuid.uuid4().hex[:8]}"

    def say(self, text: str) -> str:
        replies = send(self.stack.rest_url, self.sender, text)
        print(f"> {text}")  # the transcript shows in pytest's report when a test fails
        for reply in replies:
            print("< " + reply.replace("\n", "\n  "))
        return "\n".join(replies)


class Assistant:
    def __init__(self, stack: Stack):
        self.stack = stack

    def chat(self, name: str = "e2e") -> Chat:
        return Chat(self.stack, name)


def _two_free_ports() -> tuple[int, int]:
    first = free_port()
    second = free_port()
    while second == first:
        second = free_port()
    return first, second


def _running(trained_model: Path, log_dir: Path, env: dict[str, str | None]) -> Iterator[Assistant]:
    rasa_port, actions_port = _two_free_ports()
    stack = Stack(root=ROOT, model=trained_model, host="127.0.0.1", rasa_port=rasa_port,
                  actions_port=actions_port, log_dir=log_dir, tracker_db=log_dir / "tracker.db", env=env)
    for old in log_dir.glob("*"):
        old.unlink()
    with stack:
        _live_stacks.append(stack)
        try:
            yield Assistant(stack)
        finally:
            _live_stacks.remove(stack)


@pytest.fixture(scope="session")
def assistant(trained_model: Path, artifacts_dir: Path) -> Iterator[Assistant]:
    """The assistant with the actions' date pinned to PINNED_DAY."""
    yield from _running(trained_model, artifacts_dir / "e2e-pinned", {"ORIENTA_TODAY": PINNED_DAY})


@pytest.fixture(scope="module")
def assistant_on_real_date(trained_model: Path, artifacts_dir: Path) -> Iterator[Assistant]:
    """The assistant on the machine's real date (ORIENTA_TODAY removed from its environment)."""
    yield from _running(trained_model, artifacts_dir / "e2e-real-date", {"ORIENTA_TODAY": None})


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        for stack in _live_stacks:
            report.sections.append((f"server logs ({stack.log_dir.name})", stack.log_tails()))
