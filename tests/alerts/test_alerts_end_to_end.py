"""From subscribing to being told, as cron runs `python -m bot alerts`: a Telegram chat that asked
for Verso Nuovi Mercati 2025 and an e-mail address that asked for any new edition of it."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.store import session_factory
from bot.store.alerts import subscribe, unsubscribe
from tests.alerts.conftest import SENDER, add_call

ROOT = Path(__file__).resolve().parents[2]
VNM = "verso-nuovi-mercati-2025"
OPEN_DAY = "2025-07-01"  # Verso Nuovi Mercati 2025 is open (3 June - 9 September 2025)
CHAT = 5000001
ANNA = "anna@example.it"
# A firm that qualifies for Verso Nuovi Mercati, with the expenses the engine needs for figures.
FITTING = {"employees": 20, "turnover_eur": 3_000_000, "balance_sheet_eur": 2_000_000, "province": "BG",
           "export_share_pct": 20, "approved_balance_sheets": 3,
           "vnm_expenses": {"consultancy": 10_000, "initiatives": 70_000, "training": 5_000}}


def _subscribe(database_url, **fields):
    sessions = session_factory(database_url)
    values = dict(profile=FITTING, consent=True, consent_version="alerts-2026-12") | fields
    with sessions.begin() as session:
        subscribe(session, **values)
    sessions.kw["bind"].dispose()


def _stop(database_url, channel, address):
    sessions = session_factory(database_url)
    with sessions.begin() as session:
        unsubscribe(session, channel, address)
    sessions.kw["bind"].dispose()


@pytest.fixture
def subscribed(database_url):
    _subscribe(database_url, channel="telegram", address=CHAT, language="it", call_ids=[VNM])
    _subscribe(database_url, channel="email", address=ANNA, language="en", families=["verso-nuovi-mercati"])


def test_a_dry_run_prints_what_would_be_sent_and_sends_nothing(alerts, subscribed, telegram, smtp):
    status, out = alerts.dry_run(OPEN_DAY)
    assert status == 0
    assert f"would send telegram {CHAT} {VNM} [open]" in out
    assert f"would send email {ANNA} {VNM} [open]: Orienta: Verso Nuovi Mercati (Towards New Markets) 2025 is open" in out
    assert "nothing sent, nothing recorded" in out
    assert (telegram.calls_of("sendMessage"), smtp.received) == ([], [])
    assert alerts.dry_run(OPEN_DAY)[1] == out  # nothing was recorded either


def test_each_subscriber_is_told_once_in_their_language_with_the_figures_and_how_to_stop(
        alerts, subscribed, telegram, smtp):
    status, out = alerts.send(OPEN_DAY)
    assert status == 0, out
    [message] = telegram.messages_to(CHAT)
    text = message.params["text"]
    assert "È aperto un bando che può fare per voi: Verso Nuovi Mercati 2025." in text
    assert "Domande dal 3 giugno 2025 al 9 settembre 2025." in text
    assert "21.828,00\xa0€ a fondo perduto e 70.941,00\xa0€ di finanziamento agevolato" in text
    assert "https://eosconsulenza.eu/?p=82461" in text
    assert "non avvisarmi più" in text
    [mail] = smtp.received
    assert (mail["To"], mail["From"]) == (ANNA, SENDER)
    assert mail["Subject"] == "Orienta: Verso Nuovi Mercati (Towards New Markets) 2025 is open"
    body = mail.get_content()
    assert "€21,828.00 as a grant and €70,941.00 as a subsidised loan" in body
    assert "stop alerts" in body

    status, out = alerts.send(OPEN_DAY)
    assert (status, len(telegram.messages_to(CHAT)), len(smtp.received)) == (0, 1, 1)
    assert "0 sent, 0 failed" in out


def test_a_call_file_added_later_is_alerted_once_to_whoever_asked_for_its_family(
        alerts, subscribed, telegram, smtp, calls_dir):
    alerts.send(OPEN_DAY)
    add_call(calls_dir, VNM, "verso-nuovi-mercati-2026",
             title={"it": "Verso Nuovi Mercati 2026", "en": "Verso Nuovi Mercati 2026"},
             window={"kind": "announced", "sources": ["seed-000"]})
    status, out = alerts.send(OPEN_DAY)
    assert status == 0, out
    assert [m["Subject"] for m in smtp.received[1:]] == ["Orienta: Verso Nuovi Mercati 2026 has been announced"]
    assert len(telegram.messages_to(CHAT)) == 1  # the chat asked for the 2025 call only
    alerts.send(OPEN_DAY)
    assert len(smtp.received) == 2


def test_after_stop_alerts_nothing_more_is_sent(alerts, subscribed, database_url, telegram, smtp, calls_dir):
    alerts.send(OPEN_DAY)
    _stop(database_url, "telegram", str(CHAT))  # "non avvisarmi più"
    _stop(database_url, "email", ANNA)          # "stop alerts"
    add_call(calls_dir, VNM, "verso-nuovi-mercati-2026",
             title={"it": "Verso Nuovi Mercati 2026", "en": "Verso Nuovi Mercati 2026"})
    status, out = alerts.send(OPEN_DAY)
    assert (status, len(telegram.messages_to(CHAT)), len(smtp.received)) == (0, 1, 1)
    assert "0 sent" in out


def test_any_fitting_call_leaves_out_the_calls_the_firm_does_not_qualify_for(alerts, database_url, telegram):
    exporter = FITTING | {"export_share_pct": 55}  # Verso Nuovi Mercati allows at most 40%
    _subscribe(database_url, channel="telegram", address=CHAT, language="en", profile=exporter, any_call=True)
    alerts.send(OPEN_DAY)
    told = [m.params["text"].split("\n")[0] for m in telegram.messages_to(CHAT)]
    assert told == ["A call that may suit you has been announced: International trade fairs for groups of firms 2026-2027.",
                    "A call that may suit you is open: International trade fairs in Lombardy 2024-2026."]


def test_a_failing_smtp_server_does_not_lose_the_alert(alerts, subscribed, telegram, smtp):
    smtp.refusal = "451 4.3.0 Try again later"
    status, out = alerts.send(OPEN_DAY)
    assert status == 1
    assert f"FAILED email {ANNA} {VNM} [open]: SMTP 127.0.0.1:{smtp.port} refused: 451" in out
    assert len(telegram.messages_to(CHAT)) == 1  # the other alert still went
    smtp.refusal = None
    status, out = alerts.send(OPEN_DAY)
    assert (status, [m["To"] for m in smtp.received]) == (0, [ANNA])
    assert len(telegram.messages_to(CHAT)) == 1


def test_a_failing_bot_api_does_not_lose_the_alert(alerts, subscribed, telegram, smtp):
    telegram.fail_next("sendMessage", 502, "Bad Gateway")
    status, out = alerts.send(OPEN_DAY)
    assert (status, len(smtp.received)) == (1, 1)
    assert f"FAILED telegram {CHAT} {VNM} [open]: Telegram: sendMessage: HTTP 502: Bad Gateway" in out
    alerts.send(OPEN_DAY)
    assert [m.params["text"].split("\n")[0] for m in telegram.messages_to(CHAT)] == [
        "È aperto un bando che può fare per voi: Verso Nuovi Mercati 2025."] * 2  # refused once, then delivered
    assert len(smtp.received) == 1


def test_an_unmigrated_store_is_named_not_crashed_into(alerts, monkeypatch, tmp_path):
    monkeypatch.setenv("ORIENTA_DATABASE_URL", f"sqlite:///{tmp_path / 'empty.db'}")
    assert alerts.run("--send")[0] == 2
    assert "migrate it first (python -m bot.store)" in alerts.err


def test_the_command_runs_as_cron_runs_it_with_the_date_from_orienta_today(alerts, subscribed, telegram, smtp):
    environment = os.environ | {"ORIENTA_TODAY": OPEN_DAY}  # the store, catalogue and servers of the fixture
    done = subprocess.run([sys.executable, "-m", "bot", "alerts", "--send"], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "alerts on 2025-07-01: 2 sent, 0 failed" in done.stdout
    assert (len(telegram.messages_to(CHAT)), len(smtp.received)) == (1, 1)
