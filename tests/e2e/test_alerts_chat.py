""""Avvisatemi" / "alert me": consent, the e-mail, a subscription in the real database, then
"non avvisarmi più" ends it. Against the running servers (the REST channel: alerts by e-mail)."""
from sqlalchemy import select

from bot.store import session_factory
from bot.store.models import AlertSubscription
from bot.texts import t


def subscriptions(assistant, address):
    with session_factory(assistant.database_url)() as session:
        return list(session.scalars(select(AlertSubscription).where(AlertSubscription.address == address)))


def test_alert_me_on_a_closed_call_stores_its_series_and_stop_ends_it(assistant_on_real_date):
    chat = assistant_on_real_date.chat("alerts-it")
    chat.say("siamo una srl di Lecco con 15 dipendenti")
    offer = chat.send("Avvisatemi quando riapre Verso Nuovi Mercati")
    assert t("it", "alerts.consent.email") in offer.lines and offer.titles == ["Sì", "No"]
    assert chat.say("sì") == t("it", "chat.alerts.ask_email")
    assert chat.say("mario@") == t("it", "chat.alerts.invalid_email")
    done = chat.send("mario.rossi@example.com")
    assert done.lines[0] == t("it", "chat.alerts.subscribed_email", address="mario.rossi@example.com")
    [sub] = subscriptions(assistant_on_real_date, "mario.rossi@example.com")
    assert sub.ended_at is None and sub.language == "it" and sub.consent_version
    assert "verso-nuovi-mercati" in sub.families and sub.profile["employees"] == 15
    stop = chat.send("non avvisarmi più")
    assert stop.text == t("it", "chat.alerts.ask_stop_email")
    assert chat.send("mario.rossi@example.com").lines[0] == t("it", "chat.alerts.stopped")
    [sub] = subscriptions(assistant_on_real_date, "mario.rossi@example.com")
    assert sub.ended_at is not None


def test_in_english_declining_keeps_nothing(assistant_on_real_date):
    chat = assistant_on_real_date.chat("alerts-en")
    offer = chat.send("Please alert me when a new edition of the Export Call comes out")
    assert t("en", "alerts.consent.email") in offer.lines
    assert chat.say("no") == t("en", "chat.alerts.declined")
    assert chat.send("What can we apply for right now?").lines[0].startswith("What you can do today")
