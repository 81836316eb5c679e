"""The custom action on its own (no servers): what action_turn says and which slots it sets.

A turn is simulated the way Rasa calls the action server: a tracker with the slots so far and
the latest message as the NLU parsed it (the entities bot.nlu extracts, or a payload's values).
"""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions import common
from actions.dialogue import ActionDefaultFallback, ActionTurn
from bot.nlu import extract
from bot.store import session_factory, upgrade
from bot.store.models import Enquiry
from bot.texts import t
from tests.unit.chat import payload

DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())
VNM = "verso-nuovi-mercati-2025"


def tracker(text: str, intent: str | None = None, entities=None, metadata=None, confidence=1.0, **slots) -> Tracker:
    """The latest message with the intent given (a payload's own) and bot.nlu's entities (a payload's values)."""
    if text.startswith("/"):
        intent, found = payload(text)
    else:
        found = [entity.as_rasa() for entity in extract(text)]
    latest = {"text": text, "intent": {"name": intent, "confidence": confidence},
              "entities": found if entities is None else list(entities), "metadata": metadata or {}}
    events = [{"event": "user", "text": text, "parse_data": latest, "input_channel": "rest"}]
    return Tracker("tester", slots, latest, events, False, None, {}, "action_listen")


def run(tracker_: Tracker, action=None) -> tuple[dict, list[dict]]:
    dispatcher = CollectingDispatcher()
    result = (action or ActionTurn()).run(dispatcher, tracker_, DOMAIN)
    events = asyncio.run(result) if asyncio.iscoroutine(result) else result
    assert all(e["event"] == "slot" for e in events)
    return {e["name"]: e["value"] for e in events}, dispatcher.messages


def texts(said: list[dict]) -> list[str]:
    return [message["text"] for message in said]


def test_every_rule_runs_the_one_action():
    rules = yaml.safe_load((Path(__file__).resolve().parents[2] / "data" / "rules.yml").read_text())["rules"]
    assert {step["action"] for rule in rules for step in rule["steps"] if "action" in step} == {"action_turn"}
    assert {step["intent"] for rule in rules for step in rule["steps"] if "intent" in step} == {
        *DOMAIN["intents"], "nlu_fallback"}


def test_every_user_turn_of_the_test_stories_goes_to_the_one_action():
    stories = yaml.safe_load(Path(__file__).with_name("test_stories.yml").read_text(encoding="utf-8"))["stories"]
    for story in stories:
        steps = story["steps"]
        assert len(steps) % 2 == 0, story["story"]
        for user, action in zip(steps[::2], steps[1::2]):
            assert user["intent"] in {*DOMAIN["intents"], "nlu_fallback"}, (story["story"], user)
            assert action == {"action": "action_turn"}, (story["story"], action)


def test_every_slot_the_turn_writes_is_in_the_domain():
    slots, _ = run(tracker("siamo 25 dipendenti di Bergamo, export al 30%", "inform"))
    assert set(slots) <= set(DOMAIN["slots"])


def test_facts_in_a_message_are_kept_checked_in_the_facts_slot():
    slots, said = run(tracker("siamo 25 dipendenti, export al 30%", "inform"))
    assert slots["facts"] == {"employees": "25", "export_share_pct": "30"}
    assert said[0]["text"] == t("it", "chat.noted", facts="25 dipendenti, export 30%")
    assert slots["check_scope"] == "all" and slots["pending"]["kind"] == "fact"


def test_only_the_slots_the_turn_changed_are_set():
    slots, _ = run(tracker("12", "inform", facts={"employees": "25"}, language="it",
                           pending={"kind": "fact", "key": "turnover_eur"}, check_scope="all"))
    assert "language" not in slots and "check_scope" not in slots
    assert slots["facts"] == {"employees": "25", "turnover_eur": "12"}


def test_a_forced_absurd_value_is_refused_and_not_kept():
    slots, said = run(tracker('/inform{"employees": "-5"}', pending={"kind": "fact", "key": "employees"},
                              check_scope=VNM))
    assert "facts" not in slots
    assert texts(said) == [t("it", "chat.invalid.employees", value="-5"), t("it", "chat.ask.employees")]


def test_a_slot_holding_garbage_is_read_as_empty():
    slots, said = run(tracker("siamo 25 dipendenti", "inform", facts="drop table", pending=[1], misses="x"))
    assert slots["facts"] == {"employees": "25"} and said


def test_the_reply_follows_the_language_the_nlu_detected():
    slots, said = run(tracker("what is de minimis?", "ask", language="it"))
    assert slots["language"] == "en" and "€300,000.00" in said[0]["text"]


def test_the_widgets_language_hint_sets_the_first_reply():
    slots, _ = run(tracker("PID?", "ask", metadata={"language": "en"}))
    assert slots["language"] == "en"


def test_a_language_asked_by_name_is_switched_to():
    slots, said = run(tracker("in English please", "switch_language", language="it"))
    assert slots["language"] == "en" and said[0]["text"] == t("en", "chat.language_switched")


def test_answer_buttons_are_sent_as_ask_payloads():
    _, said = run(tracker("quanto mi finanziano su 100.000 €?", "ask"))
    payloads = [b["payload"] for m in said for b in m.get("buttons") or []]
    assert payloads and all(p.startswith('/ask{"aspect":"loan_plan"') for p in payloads)


def test_a_button_payload_is_answered_with_its_values():
    _, said = run(tracker('/ask{"aspect":"loan_plan","call_id":"verso-nuovi-mercati-2025","amount":100000,"years":4}'))
    assert "8 rate semestrali da 10.787,67\u00a0€" in said[0]["text"]


def test_a_miss_counts_and_an_understood_message_resets_the_count():
    slots, _ = run(tracker("asdfgh", "nlu_fallback", confidence=0.2), ActionDefaultFallback())
    assert slots["misses"] == 1
    slots, _ = run(tracker("cos'è il PID?", "ask", misses=1))
    assert slots["misses"] == 0


def test_start_over_clears_the_facts_and_a_half_given_contact():
    slots, said = run(tracker("ricominciamo", "start_over", facts={"employees": "25"},
                              contact={"consent": True, "name": "Maria Rossi"}))
    assert slots["facts"] == {} and slots["contact"] is None
    assert texts(said) == [t("it", "chat.restarted")]


# --- the handoff, a step of the same action ----------------------------------------------------

def handoff(step: str, text: str, intent: str = "inform", **slots) -> tuple[dict, list[dict]]:
    return run(tracker(text, intent, pending={"kind": "handoff", "step": step}, **slots))


def test_asking_for_a_person_asks_consent():
    slots, said = run(tracker("voglio parlare con un consulente", "human_handoff"))
    assert slots["pending"] == {"kind": "handoff", "step": "consent"} and slots["contact"] == {}
    assert said[0]["text"] == t("it", "chat.handoff.ask_handoff_consent")
    assert [b["payload"] for b in said[0]["buttons"]] == ["/affirm", "/deny"]


def test_with_consent_the_name_is_asked_next():
    slots, said = handoff("consent", "sì", "affirm", contact={})
    assert slots["contact"] == {"consent": True} and slots["pending"]["step"] == "name"
    assert texts(said) == [t("it", "chat.handoff.ask_contact_name")]


def test_without_consent_only_the_province_is_asked_when_unknown():
    slots, _ = handoff("consent", "no", "deny", contact={})
    assert slots["pending"] == {"kind": "handoff", "step": "province"}


def test_a_question_is_not_taken_as_a_name():
    slots, said = handoff("name", "cos'è il de minimis?", "ask", contact={"consent": True})
    assert "contact" not in slots and texts(said) == [t("it", "chat.handoff.invalid_contact_name")]


@pytest.fixture
def database(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'orienta.db'}"
    monkeypatch.setenv("ORIENTA_DATABASE_URL", url)
    upgrade(url)
    common._sessions.cache_clear()
    yield session_factory(url)
    common._sessions.cache_clear()


def stored(database) -> list[Enquiry]:
    with database() as session:
        return list(session.scalars(select(Enquiry)))


def test_with_consent_the_enquiry_keeps_the_contact_and_is_routed_to_the_desk(database):
    slots, said = handoff("company", "Rossi Meccanica srl", facts={"employees": "25", "province": "BG"},
                          contact={"consent": True, "name": "Maria Rossi",
                                   "reach": {"email": "maria@rossi.it", "phone": None}})
    [enquiry] = stored(database)
    assert (enquiry.consent, enquiry.contact_email, enquiry.desk_id) == (True, "maria@rossi.it", "bergamo")
    assert (enquiry.contact_name, enquiry.company, enquiry.channel) == ("Maria Rossi", "Rossi Meccanica srl", "rest")
    assert enquiry.profile == {"employees": 25, "province": "BG"} and enquiry.conversation_id == "tester"
    assert enquiry.reference in said[0]["text"] and slots["contact"] is None and slots["pending"] is None


def test_without_consent_nothing_personal_is_stored(database):
    handoff("province", "Voghera", contact={"consent": False})
    [enquiry] = stored(database)
    assert enquiry.consent is False and enquiry.desk_id == "cremona-mantova-pavia"
    assert (enquiry.contact_name, enquiry.contact_email, enquiry.company, enquiry.conversation_id) == (None,) * 4


def test_the_province_answer_joins_the_profile(database):
    slots, _ = handoff("province", "Voghera", contact={"consent": False})
    assert slots["facts"] == {"comune": "Voghera", "province": "PV"}


def test_a_database_that_is_down_loses_no_enquiry(monkeypatch, tmp_path):
    monkeypatch.setenv("ORIENTA_DATABASE_URL", "sqlite:////nonexistent-dir/forbidden/orienta.db")
    monkeypatch.setenv("ORIENTA_ENQUIRY_SPOOL", str(tmp_path / "spool"))
    common._sessions.cache_clear()
    try:
        slots, said = handoff("consent", "no", "deny", contact={}, facts={"province": "BG"})
    finally:
        common._sessions.cache_clear()
    [kept] = list((tmp_path / "spool").glob("*.json"))  # written to the database once it answers
    assert texts(said)[0].startswith("Fatto: ho registrato la richiesta " + kept.stem)
    assert slots["contact"] is None and slots["pending"] is None


def test_a_database_down_and_no_room_to_spool_is_said_and_never_crashes(monkeypatch, tmp_path):
    monkeypatch.setenv("ORIENTA_DATABASE_URL", "sqlite:////nonexistent-dir/forbidden/orienta.db")
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("ORIENTA_ENQUIRY_SPOOL", str(tmp_path / "file" / "spool"))  # cannot be a folder
    common._sessions.cache_clear()
    try:
        slots, said = handoff("consent", "no", "deny", contact={}, facts={"province": "BG"})
    finally:
        common._sessions.cache_clear()
    assert texts(said) == [t("it", "chat.handoff.unavailable")]
    assert slots["contact"] is None and slots["pending"] is None
