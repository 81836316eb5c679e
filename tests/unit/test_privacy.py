"""The privacy notice (bot/privacy.py) is reachable from every channel: asked in the chat in
either language, /privacy on Telegram, a page beside the widget (tests/browser)."""
from __future__ import annotations

import pytest

from bot import privacy
from bot.channels.telegram_updates import PRIVACY_NOTICE, Say, parse_update, plan
from bot.nlu import acts
from bot.texts import t
from tests.unit.chat import Chat


@pytest.mark.parametrize("text", ["privacy", "Privacy?", "informativa privacy", "come usate i miei dati?",
                                  "che fate dei nostri dati", "trattamento dei dati", "how do you use my data?",
                                  "what do you do with our data", "privacy policy", "data protection"])
def test_asking_about_the_data_is_recognised(text):
    assert acts.PRIVACY in acts.signals(text)


@pytest.mark.parametrize("text", ["i dati del fatturato sono 2 milioni", "our data: 12 employees",
                                  "privato", "siamo una srl privata"])
def test_ordinary_messages_are_not_privacy_requests(text):
    assert acts.PRIVACY not in acts.signals(text)


@pytest.mark.parametrize("lang, text", [("it", "come usate i miei dati?"), ("en", "how do you use my data?")])
def test_the_chat_answers_the_notice_and_keeps_the_facts(lang, text):
    chat = Chat(lang)
    chat.say("siamo 12 dipendenti a Bergamo" if lang == "it" else "we have 12 employees in Bergamo", intent="inform")
    assert chat.say(text, intent="ask") == privacy.notice(lang)
    assert chat.state.facts.get("employees") == "12"


def test_the_notice_names_the_retention_age_and_the_operator_when_configured(monkeypatch):
    monkeypatch.setenv("ORIENTA_RETENTION_DAYS", "90")
    monkeypatch.setenv("ORIENTA_PRIVACY_CONTACT", "dpo@orienta.example")
    text = privacy.notice("en")
    assert t("en", "privacy.how_long", days=90) in text and "dpo@orienta.example" in text


def test_without_an_operator_contact_the_notice_says_so_instead_of_inventing_one(monkeypatch):
    monkeypatch.delenv("ORIENTA_PRIVACY_CONTACT", raising=False)
    assert t("it", "privacy.operator_unknown") in privacy.notice("it")


def test_telegram_has_a_privacy_command():
    update = {"update_id": 1, "message": {"message_id": 1, "date": 0, "chat": {"id": 5, "type": "private"},
                                          "text": "/privacy", "from": {"id": 5, "language_code": "it"}}}
    assert plan(parse_update(update)) == [Say(PRIVACY_NOTICE)]
