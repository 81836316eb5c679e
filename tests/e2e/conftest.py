"""The real assistant for end-to-end chats: the action server and the Rasa server started as
`make run` starts them, on free ports, with logs under test-artifacts/ (tail shown on failure),
and an enquiry database of their own, migrated first as `make run` does."""
from __future__ import annotations

import datetime as dt
import json
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
from sqlalchemy import select

from bot.runtime.processes import free_ports
from bot.runtime.stack import Stack
from tests.live_stacks import LIVE_STACKS
from bot.store import session_factory, upgrade
from bot.store.models import Enquiry

ROOT = Path(__file__).resolve().parents[2]
# Inside the Verso Nuovi Mercati window (3 Jun - 9 Sep 2025): the call is open, 70 days left.
PINNED_DAY = "2025-07-01"
NBSP = "\u00a0"  # Italian amounts: "21.828,00\u00a0€", the euro sign never apart from its figure
# The tests on the real date were written for 2026-12-02: every call closed or only announced.
ALL_CLOSED_SINCE = dt.date(2026, 9, 1)
closed_today = pytest.mark.skipif(dt.date.today() < ALL_CLOSED_SINCE, reason="written for a day every call is closed")

_live_stacks = LIVE_STACKS  # shown on failure by tests/conftest.py


@dataclass(frozen=True)
class Reply:
    """Everything the bot answered to one message: the texts joined by newlines, and the buttons."""

    text: str
    buttons: tuple[tuple[str, str], ...]

    def payload(self, title: str) -> str:
        return next(payload for shown, payload in self.buttons if shown == title)

    @property
    def titles(self) -> list[str]:
        return [title for title, _ in self.buttons]

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @property
    def last(self) -> str:
        """The reply's last line: what the user is asked or offered next."""
        return self.lines[-1] if self.lines else ""


def post(rest_url: str, body: dict[str, Any], timeout: float = 60.0) -> list[dict[str, Any]]:
    request = urllib.request.Request(rest_url, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode())


class Chat:
    """One conversation (its own sender id)."""

    def __init__(self, stack: Stack, name: str):
        self.stack, self.sender = stack, f"{name}-{uuid.uuid4().hex[:8]}"

    def send(self, text: str, metadata: dict | None = None) -> Reply:
        body: dict[str, Any] = {"sender": self.sender, "message": text}
        if metadata is not None:
            body["metadata"] = metadata
        messages = post(self.stack.rest_url, body)
        reply = Reply("\n".join(m["text"] for m in messages if m.get("text")),
                      tuple((b["title"], b["payload"]) for m in messages for b in m.get("buttons") or []))
        print(f"> {text}")  # the transcript shows in pytest's report when a test fails
        print("< " + reply.text.replace("\n", "\n  "))
        if reply.buttons:
            print("  [" + " | ".join(title for title, _ in reply.buttons) + "]")
        return reply

    def say(self, text: str, metadata: dict | None = None) -> str:
        """The bot's replies to `text`, joined by newlines."""
        return self.send(text, metadata).text

    def press(self, reply: Reply, title: str) -> Reply:
        """Press the button shown as `title` in `reply` (its payload is sent as the message)."""
        return self.send(reply.payload(title))


class Assistant:
    def __init__(self, stack: Stack, database_url: str):
        self.stack, self.database_url = stack, database_url

    def chat(self, name: str = "e2e") -> Chat:
        return Chat(self.stack, name)

    def enquiries(self, reference: str | None = None) -> list[Enquiry]:
        with session_factory(self.database_url)() as session:
            query = select(Enquiry).order_by(Enquiry.id)
            if reference:
                query = query.where(Enquiry.reference == reference)
            return list(session.scalars(query))


def _running(trained_model: Path, log_dir: Path, env: dict[str, str | None]) -> Iterator[Assistant]:
    rasa_port, actions_port = free_ports(2)
    log_dir.mkdir(parents=True, exist_ok=True)
    for old in log_dir.glob("*"):
        old.unlink()
    database_url = f"sqlite:///{log_dir / 'orienta.db'}"
    upgrade(database_url)
    stack = Stack(root=ROOT, model=trained_model, host="127.0.0.1", rasa_port=rasa_port,
                  actions_port=actions_port, log_dir=log_dir, tracker_db=log_dir / "tracker.db",
                  env={**env, "ORIENTA_DATABASE_URL": database_url})
    with stack:
        _live_stacks.append(stack)
        try:
            yield Assistant(stack, database_url)
        finally:
            _live_stacks.remove(stack)


@pytest.fixture(scope="session")
def assistant(trained_model: Path, artifacts_dir: Path) -> Iterator[Assistant]:
    """The assistant with the actions' date pinned to PINNED_DAY."""
    yield from _running(trained_model, artifacts_dir / "e2e-pinned", {"ORIENTA_TODAY": PINNED_DAY})


@pytest.fixture(scope="session")
def assistant_on_real_date(trained_model: Path, artifacts_dir: Path) -> Iterator[Assistant]:
    """The assistant on the machine's real date (ORIENTA_TODAY removed from its environment): on
    2026-12-02 every call is closed or only announced."""
    yield from _running(trained_model, artifacts_dir / "e2e-real-date", {"ORIENTA_TODAY": None})



@pytest.fixture(params=["pinned", "real"])
def day(request) -> tuple[Assistant, bool]:
    """A test run on both dates: (the assistant, whether the calls are closed on its day)."""
    if request.param == "real" and dt.date.today() < ALL_CLOSED_SINCE:
        pytest.skip("written for a day every call is closed")
    name = "assistant" if request.param == "pinned" else "assistant_on_real_date"
    return request.getfixturevalue(name), request.param == "real"
