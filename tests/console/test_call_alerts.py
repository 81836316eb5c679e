"""The catalogue page tells which alert subscriptions each call matches, and an admin sends a
call's alerts from there: through a real SMTP server on loopback, once (a second press sends
nothing), advisors may not, and the form needs its CSRF token."""
from __future__ import annotations

import re

import pytest
from aiosmtpd.controller import Controller

from bot.catalogue import CALLS_DIR
from bot.runtime.processes import free_port
from bot.store import session_factory, upgrade
from bot.store.alerts import CONSENT_VERSION, subscribe
from tests.alerts.conftest import SmtpSink
from tests.console import seed
from tests.console.conftest import Console, csrf_of, served

VNM = "verso-nuovi-mercati-2025"
FIRM = {"employees": 20, "turnover_eur": 3_000_000, "balance_sheet_eur": 2_000_000, "province": "BG",
        "export_share_pct": 20, "approved_balance_sheets": 3}


@pytest.fixture(scope="module")
def sink():
    sink = SmtpSink()
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    sink.port = controller.port
    yield sink
    controller.stop()


@pytest.fixture(scope="module")
def console(tmp_path_factory, sink):
    base = tmp_path_factory.mktemp("console-alerts")
    url = f"sqlite:///{base / 'orienta.db'}"
    upgrade(url)
    sessions = session_factory(url)
    with sessions.begin() as session:
        seed.account(session, "admin@example.it", admin=True)
        seed.account(session, "anna@example.it", desk="bergamo")
        subscribe(session, channel="email", address="owner@example.it", language="it", profile=FIRM,
                  families=["verso-nuovi-mercati"], consent=True, consent_version=CONSENT_VERSION)
    calls = base / "calls"
    calls.mkdir()
    for name in (f"{VNM}.yaml", "bando-export-2024.yaml"):
        (calls / name).write_bytes((CALLS_DIR / name).read_bytes())
    env = {"ORIENTA_SMTP_HOST": "127.0.0.1", "ORIENTA_SMTP_PORT": str(sink.port), "ORIENTA_SMTP_STARTTLS": "false",
           "ORIENTA_SMTP_FROM": "avvisi@orienta.example.org"}
    with served(url, base, calls, **env) as console_url:
        yield Console(console_url, url, calls, sessions, {})
    sessions.kw["bind"].dispose()


def audience(html: str, call_id: str) -> str:
    row = re.search(rf'<tr data-call="{call_id}">(.*?)</tr>', html, re.S).group(1)
    return " ".join(re.search(r'data-testid="audience">(.*?)</td>', row, re.S).group(1).split())


def test_the_page_counts_the_subscriptions_a_call_matches_and_an_admin_sends_them_once(console, sink):
    admin = console.login("admin@example.it")
    page = admin.get(f"{console.url}/catalogue").text
    assert audience(page, VNM).startswith("1 iscritti, 1 da avvisare")
    assert audience(page, "bando-export-2024").startswith("0 iscritti")
    sent = admin.post(f"{console.url}/catalogue/{VNM}/alerts", data={"csrf": csrf_of(page)})
    assert sent.status_code == 200 and f"Avvisi per {VNM}: 1 inviati, 0 non riusciti" in sent.text
    [mail] = sink.received
    assert mail["To"] == "owner@example.it" and "Verso Nuovi Mercati 2025" in mail["Subject"]
    again = admin.post(f"{console.url}/catalogue/{VNM}/alerts", data={"csrf": csrf_of(sent.text)})
    assert f"Avvisi per {VNM}: 0 inviati" in again.text and len(sink.received) == 1
    assert audience(again.text, VNM).startswith("1 iscritti") and "da avvisare" not in audience(again.text, VNM)


def test_an_advisor_cannot_send_alerts_and_a_form_without_its_token_is_refused(console):
    advisor = console.login("anna@example.it")
    page = advisor.get(f"{console.url}/catalogue").text
    assert 'data-testid="send-alerts"' not in page
    assert advisor.post(f"{console.url}/catalogue/{VNM}/alerts", data={"csrf": csrf_of(page)}).status_code == 403
    admin = console.login("admin@example.it")
    assert admin.post(f"{console.url}/catalogue/{VNM}/alerts", data={}).status_code == 403
