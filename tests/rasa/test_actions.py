"""The custom actions on their own (no servers): what they say and which slots they set.

A turn is simulated the way Rasa calls the action server: a tracker with the slots so far and
the latest message as the NLU parsed it.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import handoff
from actions.dialogue import ActionAnswerQuestion, ActionDefaultFallback, ActionRestart, ActionTakeAnswer
from actions.handoff import HANDOFF_SLOTS, ActionSubmitEnquiry, ValidateHandoffForm
from bot.store import session_factory, upgrade
from bot.store.models import Enquiry
from bot.texts import LANGUAGES, catalogue, t

DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())


def tracker(text: str, intent: str, entities=(), metadata=None, active_loop=None, extracted=None,
            **slots) -> Tracker:
    """`extracted`: the slot Rasa filled from this message (the form's answer), validated next."""
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": list(entities),
              "metadata": metadata or {}}
    events = [{"event": "user", "text": text, "parse_data": latest, "input_channel": "rest"}]
    if extracted:
        events.append({"event": "slot", "name": extracted, "value": slots[extracted]})
    return Tracker("tester", slots, latest, events, False, None, {"name": active_loop} if active_loop else {},
                   "action_listen")


def run(action, tracker_: Tracker) -> tuple[dict, list[dict]]:
    dispatcher = CollectingDispatcher()
    result = action.run(dispatcher, tracker_, DOMAIN)
    events = asyncio.run(result) if asyncio.iscoroutine(result) else result
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    return slots, dispatcher.messages


def test_facts_in_a_message_are_kept_checked_in_the_facts_slot():
    slots, said = run(ActionTakeAnswer(), tracker(
        "siamo 25 dipendenti, export al 30%", "inform",
        [{"entity": "employees", "value": "25"}, {"entity": "percent", "role": "export", "value": "30"}]))
    assert slots["facts"] == {"employees": "25", "export_share_pct": "30"}
    assert said[0]["text"] == t("it", "chat.noted", facts="25 dipendenti, export 30%")


def test_a_forced_absurd_value_is_refused_and_not_kept():
    slots, said = run(ActionTakeAnswer(), tracker(
        '/inform{"employees": "-5"}', "inform", [{"entity": "employees", "value": "-5"}],
        pending={"kind": "fact", "key": "employees"}, check_scope="verso-nuovi-mercati-2025"))
    assert "facts" not in slots
    assert [m["text"] for m in said] == [t("it", "chat.invalid.employees", value="-5"), t("it", "chat.ask.employees")]


def test_the_reply_follows_the_language_the_nlu_detected():
    slots, said = run(ActionAnswerQuestion(), tracker(
        "what is de minimis?", "ask_de_minimis", [{"entity": "language", "value": "en"}], language="it"))
    assert slots["language"] == "en" and "300,000" in said[0]["text"]


def test_the_widgets_language_hint_sets_the_first_reply():
    slots, _ = run(ActionAnswerQuestion(), tracker("PID?", "ask_pid", metadata={"language": "en"}))
    assert slots["language"] == "en"


def test_answer_buttons_are_sent_as_the_intent_of_their_topic():
    _, said = run(ActionAnswerQuestion(), tracker("quanto mi finanziano su 100.000 €?", "ask_simulation",
                                                  [{"entity": "amount", "value": "100000"}]))
    payloads = [b["payload"] for m in said for b in m.get("buttons") or []]
    assert payloads and all(p.startswith("/ask_loan_plan") for p in payloads)


def test_a_miss_counts_and_an_understood_message_resets_the_count():
    slots, _ = run(ActionDefaultFallback(), tracker("asdfgh", "nlu_fallback"))
    assert slots["misses"] == 1
    slots, _ = run(ActionAnswerQuestion(), tracker("cos'è il PID?", "ask_pid", misses=1))
    assert slots["misses"] == 0


def test_restart_clears_the_facts_and_a_half_given_contact():
    slots, said = run(ActionRestart(), tracker("ricominciamo", "restart", facts={"employees": "25"},
                                               contact_name="Maria Rossi"))
    assert slots["facts"] == {} and slots["contact_name"] is None
    assert said[0]["text"] == t("it", "chat.restarted")


def validate(slot: str, text: str, intent: str = "inform", entities=(), **slots) -> tuple[dict, list[dict]]:
    form_tracker = tracker(text, intent, entities, active_loop="handoff_form", extracted=slot,
                           **{**slots, slot: text, "requested_slot": slot})
    return run(ValidateHandoffForm(), form_tracker)


def test_consent_is_read_from_yes_or_no():
    assert validate("handoff_consent", "sì", "affirm")[0]["handoff_consent"] is True
    assert validate("handoff_consent", "no", "deny")[0]["handoff_consent"] is False


def test_with_consent_the_contact_is_asked_next():
    slots, _ = validate("handoff_consent", "sì", "affirm")
    assert slots["requested_slot"] == "contact_name"


def test_without_consent_only_the_province_is_asked_when_unknown():
    slots, _ = validate("handoff_consent", "no", "deny")
    assert slots["requested_slot"] == "handoff_province"
    slots, _ = validate("handoff_consent", "no", "deny", facts={"province": "BG"})
    assert slots["requested_slot"] is None


def test_a_question_is_not_taken_as_a_name():
    slots, said = validate("contact_name", "cos'è il de minimis?", "ask_de_minimis", handoff_consent=True)
    assert slots["contact_name"] is None and said[0]["text"] == t("it", "chat.handoff.invalid_contact_name")


def test_the_province_answer_joins_the_profile():
    slots, _ = validate("handoff_province", "Voghera", handoff_consent=False)
    assert slots["handoff_province"] == "PV" and slots["facts"]["comune"] == "Voghera"


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'orienta.db'}"
    monkeypatch.setenv("ORIENTA_DATABASE_URL", url)
    upgrade(url)
    handoff._sessions.cache_clear()
    yield session_factory(url)
    handoff._sessions.cache_clear()


def stored(database) -> list[Enquiry]:
    with database() as session:
        return list(session.scalars(select(Enquiry)))


def test_with_consent_the_enquiry_keeps_the_contact_and_is_routed_to_the_desk(database):
    _, said = run(ActionSubmitEnquiry(), tracker(
        "Rossi Meccanica srl", "inform", handoff_consent=True, contact_name="Maria Rossi",
        contact_reach={"email": "maria@rossi.it", "phone": None}, company="Rossi Meccanica srl",
        facts={"employees": "25", "province": "BG"}))
    [enquiry] = stored(database)
    assert (enquiry.consent, enquiry.contact_email, enquiry.desk_id) == (True, "maria@rossi.it", "bergamo")
    assert enquiry.profile == {"employees": 25, "province": "BG"} and enquiry.conversation_id == "tester"
    assert enquiry.reference in said[0]["text"]


def test_without_consent_nothing_personal_is_stored(database):
    run(ActionSubmitEnquiry(), tracker("no", "deny", handoff_consent=False, contact_name="Maria Rossi",
                                       facts={"province": "PV"}))
    [enquiry] = stored(database)
    assert enquiry.consent is False and enquiry.desk_id == "cremona-mantova-pavia"
    assert (enquiry.contact_name, enquiry.conversation_id) == (None, None)


def test_a_database_that_fails_is_said_and_never_crashes(monkeypatch):
    monkeypatch.setenv("ORIENTA_DATABASE_URL", "sqlite:////nonexistent-dir/forbidden/orienta.db")
    handoff._sessions.cache_clear()
    try:
        slots, said = run(ActionSubmitEnquiry(), tracker("no", "deny", handoff_consent=False))
    finally:
        handoff._sessions.cache_clear()
    assert said[0]["text"] == t("it", "chat.handoff.unavailable") and slots["handoff_consent"] is None


def test_every_handoff_question_and_refusal_exists_in_both_languages():
    for lang in LANGUAGES:
        for slot in HANDOFF_SLOTS:
            assert f"chat.handoff.ask_{slot}" in catalogue(lang)
            assert slot == "handoff_consent" or f"chat.handoff.invalid_{slot}" in catalogue(lang)
