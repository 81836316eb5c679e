"""Telegram end to end, offline: a fake Bot API on loopback, the real action and Rasa servers
started by bot.runtime's Stack with the ORIENTA_TELEGRAM_* variables set (as a person would set
them), and Updates POSTed to the webhook the way Telegram posts them."""
from __future__ import annotations

import itertools
import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest

from bot.runtime.processes import free_ports
from bot.runtime.stack import Stack
from tests.live_stacks import LIVE_STACKS
from bot.store import upgrade
from tests.telegram.fake_bot_api import Call, FakeBotApi

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SECRET = "orienta-test-secret-0123456789abcdef"
WEBHOOK_URL = "https://orienta.example.org/webhooks/telegram/webhook"
PINNED_DAY = "2025-07-01"  # Verso Nuovi Mercati is open

_update_ids = itertools.count(1000)
_chat_ids = itertools.count(5_000_001)
_live = LIVE_STACKS  # shown on failure by tests/conftest.py


class Telegram:
    """Plays Telegram's side: POSTs Updates to the webhook, reads what the bot sent back."""

    def __init__(self, stack: Stack, fake: FakeBotApi):
        self.stack, self.fake = stack, fake
        self.webhook = f"{stack.base_url}/webhooks/telegram/webhook"

    def post(self, body: bytes, secret: str | None = SECRET) -> int:
        """POST a raw body; the HTTP status the webhook answered."""
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        request = urllib.request.Request(self.webhook, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as err:
            return err.code

    def deliver(self, update: dict[str, Any], secret: str | None = SECRET) -> int:
        return self.post(json.dumps(update).encode(), secret=secret)

    def user(self, language_code: str | None = "it", chat_type: str = "private") -> "User":
        return User(self, next(_chat_ids), language_code, chat_type)


class User:
    """One person in one chat. Each action returns the sendMessage calls it caused."""

    def __init__(self, telegram: Telegram, chat_id: int, language_code: str | None, chat_type: str):
        self.telegram, self.chat_id = telegram, chat_id
        self.sender = {"id": chat_id, "is_bot": False, "first_name": "Anna"}
        if language_code:
            self.sender["language_code"] = language_code
        self.chat = {"id": chat_id, "type": chat_type}

    def _message(self, **content: Any) -> dict[str, Any]:
        return {"message_id": next(_update_ids), "date": 1751360000, "chat": self.chat, "from": self.sender,
                **content}

    def update(self, **content: Any) -> dict[str, Any]:
        return {"update_id": next(_update_ids), **content}

    def send(self, update: dict[str, Any], secret: str | None = SECRET) -> list[Call]:
        before = len(self.telegram.fake.messages_to(self.chat_id))
        status = self.telegram.deliver(update, secret=secret)
        assert status == 200, f"the webhook answered {status}"
        replies = self.telegram.fake.messages_to(self.chat_id)[before:]
        print(f"> {json.dumps(update, ensure_ascii=False)}")  # the transcript, shown when a test fails
        for reply in replies:
            print("< " + reply.params["text"].replace("\n", "\n  "))
        return replies

    def says(self, text: str) -> list[Call]:
        return self.send(self.update(message=self._message(text=text)))

    def presses(self, callback_data: str, on_message: Call | None = None) -> list[Call]:
        message = self._message(text=on_message.params["text"] if on_message else "…")
        query = {"id": f"cbq-{next(_update_ids)}", "from": self.sender, "chat_instance": "ci",
                 "message": message, "data": callback_data}
        return self.send(self.update(callback_query=query))

    def sends(self, **media: Any) -> list[Call]:
        return self.send(self.update(message=self._message(**media)))

    def edits(self, text: str) -> list[Call]:
        return self.send(self.update(edited_message={**self._message(text=text), "edit_date": 1751360100}))


def texts(replies: list[Call]) -> str:
    return "\n".join(call.params["text"] for call in replies)


@pytest.fixture(scope="session")
def bot_api() -> Iterator[FakeBotApi]:
    with FakeBotApi(TOKEN) as fake:
        yield fake


@pytest.fixture(scope="session")
def telegram(trained_model: Path, artifacts_dir: Path, bot_api: FakeBotApi) -> Iterator[Telegram]:
    """The assistant with the Telegram channel on, its Bot API being the fake one."""
    log_dir = artifacts_dir / "telegram"
    log_dir.mkdir(exist_ok=True)
    for old in log_dir.glob("*"):
        old.unlink()
    rasa_port, actions_port = free_ports(2)
    database_url = f"sqlite:///{log_dir / 'orienta.db'}"
    upgrade(database_url)  # as `make run` does before starting the servers
    env = {"ORIENTA_TODAY": PINNED_DAY, "ORIENTA_DATABASE_URL": database_url,
           "ORIENTA_TELEGRAM_TOKEN": TOKEN, "ORIENTA_TELEGRAM_SECRET": SECRET,
           "ORIENTA_TELEGRAM_WEBHOOK_URL": WEBHOOK_URL, "ORIENTA_TELEGRAM_API_URL": bot_api.url}
    stack = Stack(root=ROOT, model=trained_model, host="127.0.0.1", rasa_port=rasa_port,
                  actions_port=actions_port, log_dir=log_dir, tracker_db=log_dir / "tracker.db", env=env)
    with stack:
        _live.append(stack)
        try:
            # The channel registers its webhook once the server runs: wait for that call.
            assert bot_api.wait_for(lambda: bot_api.calls_of("setWebhook"), timeout=60), stack.log_tails()
            yield Telegram(stack, bot_api)
        finally:
            _live.remove(stack)

