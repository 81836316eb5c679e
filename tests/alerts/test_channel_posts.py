"""The public Telegram channel: each new call once, and reminders 7 days and 1 day before a
window closes, each with the t.me link that opens the chat on that call."""
import pytest

from tests.alerts.conftest import add_call

CHANNEL = "@orienta_bandi"
VNM = "verso-nuovi-mercati-2025"  # closes on 9 September 2025


@pytest.fixture
def channel(alerts, monkeypatch):
    monkeypatch.setenv("ORIENTA_TELEGRAM_CHANNEL", CHANNEL)
    monkeypatch.setenv("ORIENTA_TELEGRAM_BOT_USERNAME", "@OrientaBot")
    return alerts


def _posts(telegram) -> list[str]:
    return [call.params["text"] for call in telegram.messages_to(CHANNEL)]


def test_the_live_calls_are_posted_once_each_with_a_link_that_opens_the_chat_on_them(channel, telegram):
    status, out = channel.send("2025-07-01")
    assert status == 0, out
    posts = _posts(telegram)
    assert [post.split("\n")[0] for post in posts] == [
        "Nuovo bando aperto: Fiere internazionali in Lombardia 2024-2026.",
        "Nuovo bando annunciato: Fiere internazionali in forma aggregata 2026-2027.",
        "Nuovo bando aperto: Verso Nuovi Mercati 2025.",
    ]
    assert posts[2].endswith(f"Chiedete a Orienta se fa per voi: https://t.me/OrientaBot?start={VNM}")
    channel.send("2025-07-01")
    assert len(_posts(telegram)) == 3


def test_reminders_go_7_days_and_1_day_before_the_window_closes_once_each(channel, telegram):
    channel.send("2025-07-01")
    channel.send("2025-09-01")  # 8 days left: not yet
    assert len(_posts(telegram)) == 3
    channel.send("2025-09-02")
    channel.send("2025-09-03")
    assert _posts(telegram)[3:] == [
        "Mancano 7 giorni: Verso Nuovi Mercati 2025 chiude il 9 settembre 2025.\n\n"
        "Domande dal 3 giugno 2025 al 9 settembre 2025. L'orario di chiusura non è stato trovato: verificare sul "
        "bando ufficiale.\n\n"
        "La pagina ufficiale non è ancora nel nostro catalogo; fonte consultata: eosconsulenza.eu, articolo sul "
        "bando Verso Nuovi Mercati, https://eosconsulenza.eu/?p=82461. Verificate sempre sul bando ufficiale.\n\n"
        f"Chiedete a Orienta se fa per voi: https://t.me/OrientaBot?start={VNM}"]
    channel.send("2025-09-08")
    channel.send("2025-09-09")
    assert [post.split("\n")[0] for post in _posts(telegram)[4:]] == [
        "Ultimo giorno domani: Verso Nuovi Mercati 2025 chiude il 9 settembre 2025."]


def test_a_call_file_added_later_is_posted_on_the_next_run(channel, telegram, calls_dir):
    channel.send("2025-07-01")
    add_call(calls_dir, VNM, "verso-nuovi-mercati-2026",
             title={"it": "Verso Nuovi Mercati 2026", "en": "Verso Nuovi Mercati 2026"},
             window={"kind": "announced", "sources": ["seed-000"]})
    channel.send("2025-07-01")
    channel.send("2025-07-01")
    assert [post.split("\n")[0] for post in _posts(telegram)[3:]] == [
        "Nuovo bando annunciato: Verso Nuovi Mercati 2026."]


def test_a_dry_run_shows_the_posts_and_posts_nothing(channel, telegram):
    status, out = channel.dry_run("2025-09-02")
    assert f"would send telegram {CHANNEL} {VNM} [closes_in_7]" in out
    assert telegram.calls_of("sendMessage") == []


def test_posts_in_english_when_the_channel_is_english(channel, telegram, monkeypatch):
    monkeypatch.setenv("ORIENTA_TELEGRAM_CHANNEL_LANGUAGE", "en")
    channel.send("2025-09-08")
    assert "Last day tomorrow: Verso Nuovi Mercati (Towards New Markets) 2025 closes on 9 September 2025." in [
        post.split("\n")[0] for post in _posts(telegram)]


def test_a_channel_without_the_bot_username_is_refused_naming_the_setting(channel, monkeypatch):
    monkeypatch.delenv("ORIENTA_TELEGRAM_BOT_USERNAME")
    assert channel.send("2025-07-01")[0] == 2
    assert "ORIENTA_TELEGRAM_BOT_USERNAME" in channel.err
