"""Alerts end to end, offline: a fresh store, a copy of the catalogue an advisor can add calls to,
the fake Bot API of tests/telegram and a real SMTP server (aiosmtpd) on loopback, and
`python -m bot alerts` run in-process with its settings in the environment, as cron would."""
from __future__ import annotations

import email
import shutil
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
import yaml
from aiosmtpd.controller import Controller

from bot.catalogue import CALLS_DIR
from bot.cli import main
from bot.runtime.processes import free_port
from bot.store import session_factory, upgrade
from tests.databases import throwaway_postgres
from tests.telegram.fake_bot_api import FakeBotApi

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SENDER = "avvisi@orienta.example.org"
ALERT_VARIABLES = ("ORIENTA_TELEGRAM_CHANNEL", "ORIENTA_TELEGRAM_BOT_USERNAME", "ORIENTA_TELEGRAM_CHANNEL_LANGUAGE",
                   "ORIENTA_SMTP_USER", "ORIENTA_SMTP_PASSWORD", "ORIENTA_TODAY")


class SmtpSink:
    """An SMTP server that keeps what it receives, or refuses it while `refusal` is set."""

    def __init__(self):
        self.received: list[EmailMessage] = []
        self.refusal: str | None = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's naming
        if self.refusal:
            return self.refusal
        self.received.append(email.message_from_bytes(envelope.original_content, policy=policy.default))
        return "250 OK"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """A fresh database migrated to head, on each engine."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'var' / 'orienta.db'}"
        upgrade(url)
        yield url
        return
    with throwaway_postgres() as url:
        upgrade(url)
        yield url


@pytest.fixture
def sessions(database_url):
    factory = session_factory(database_url)
    yield factory
    factory.kw["bind"].dispose()


# The regional calls plus one SIMEST line: the expected messages stay the same as the catalogue grows.
ALERT_CALLS = ("bando-export-2024", "fiere-internazionali-2020-2022", "fiere-internazionali-2024-2026",
               "fiere-internazionali-aggregate-2026-2027", "investimenti-ripresa-2021-aree-interne",
               "investimenti-ripresa-2021-artigiani", "linea-internazionalizzazione-2019", "verso-nuovi-mercati-2025",
               "simest-e-commerce")


@pytest.fixture
def calls_dir(tmp_path) -> Path:
    target = tmp_path / "calls"
    target.mkdir()
    for call_id in ALERT_CALLS:
        shutil.copy(CALLS_DIR / f"{call_id}.yaml", target)
    return target


def add_call(calls_dir: Path, like: str, new_id: str, **changes) -> None:
    """An advisor adds a call file: a copy of `like` with a new id and the changes given."""
    data = yaml.safe_load((calls_dir / f"{like}.yaml").read_text(encoding="utf-8"))
    data.update(id=new_id, **changes)
    data.pop("headline", None)  # one headline call at most
    (calls_dir / f"{new_id}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                                              encoding="utf-8")


@pytest.fixture
def telegram():
    with FakeBotApi(TOKEN) as fake:
        yield fake


@pytest.fixture
def smtp():
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    sink.port = controller.port
    try:
        yield sink
    finally:
        controller.stop()


class Alerts:
    """`python -m bot alerts` as cron runs it; each run returns (exit status, what it printed)."""

    def __init__(self, capsys):
        self._capsys = capsys
        self.err = ""  # what the last run wrote on stderr

    def run(self, *args: str) -> tuple[int, str]:
        self._capsys.readouterr()
        status = main(["alerts", *args])
        captured = self._capsys.readouterr()
        out, self.err = captured.out, captured.err
        print(out, captured.err)  # shown when a test fails: the run's own report
        return status, out

    def dry_run(self, today: str) -> tuple[int, str]:
        return self.run("--dry-run", "--today", today)

    def send(self, today: str) -> tuple[int, str]:
        return self.run("--send", "--today", today)


@pytest.fixture
def alerts(monkeypatch, database_url, calls_dir, telegram, smtp, capsys) -> Alerts:
    """The alerts command on the test's store, catalogue copy, fake Bot API and SMTP sink."""
    for name in ALERT_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    settings = {
        "ORIENTA_DATABASE_URL": database_url,
        "ORIENTA_CALLS_DIR": str(calls_dir),
        "ORIENTA_TELEGRAM_TOKEN": TOKEN,
        "ORIENTA_TELEGRAM_API_URL": telegram.url,
        "ORIENTA_SMTP_HOST": "127.0.0.1",
        "ORIENTA_SMTP_PORT": str(smtp.port),
        "ORIENTA_SMTP_FROM": SENDER,
        "ORIENTA_SMTP_STARTTLS": "false",
    }
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    return Alerts(capsys)
