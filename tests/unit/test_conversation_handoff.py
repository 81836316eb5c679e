"""Talking to a person: consent first, then the contact details, then an enquiry for the desk of
the firm's province, one question at a time through routing.handle(). The store is the turn's
service: here a fake that records what would be stored (tests/rasa/test_actions.py uses SQLite)."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.store.enquiries import EnquiryError
from bot.texts import LANGUAGES, catalogue, t
from tests.unit.chat import Chat

OPEN_DAY = dt.date(2025, 7, 1)


class Store:
    """A fake enquiry store: keeps what it is given, answers with a reference, or fails as told."""

    def __init__(self, fails: Exception | None = None):
        self.saved: list[dict] = []
        self.fails = fails

    def __call__(self, **values) -> str:
        if self.fails:
            raise self.fails
        self.saved.append(values)
        return f"ORI-{len(self.saved):04d}"


def chat_with(store: Store, *facts: str) -> Chat:
    chat = Chat(today=OPEN_DAY, save_enquiry=store)
    for text in facts:
        chat.say(text, "inform")
    return chat


def consented(chat: Chat) -> None:
    chat.say("voglio parlare con un consulente", "human_handoff")
    chat.say("sì", "affirm")
    chat.say("Maria Rossi", "inform")
    chat.say("maria.rossi@impresa.it", "inform")


def test_asking_for_a_person_asks_consent_first():
    chat = chat_with(Store())
    assert chat.say("voglio parlare con un consulente", "human_handoff") == t("it", "chat.handoff.ask_handoff_consent")
    assert chat.buttons == [("Sì", "/affirm"), ("No", "/deny")]
    assert chat.state.pending == {"kind": "handoff", "step": "consent"}


def test_with_consent_name_reach_and_company_are_asked_in_turn():
    chat = chat_with(Store())
    chat.say("voglio parlare con un consulente", "human_handoff")
    assert chat.say("sì", "affirm") == t("it", "chat.handoff.ask_contact_name")
    assert chat.say("Maria Rossi", "inform") == t("it", "chat.handoff.ask_contact_reach")
    assert chat.say("maria.rossi@impresa.it", "inform") == t("it", "chat.handoff.ask_company")


def test_with_consent_the_enquiry_keeps_the_contact_and_goes_to_the_firms_desk():
    store = Store()
    chat = chat_with(store, "siamo 25 dipendenti di Bergamo")
    consented(chat)
    reply = chat.say("Rossi Meccanica srl", "inform")
    [saved] = store.saved
    assert (saved["consent"], saved["desk_id"], saved["contact_name"]) == (True, "bergamo", "Maria Rossi")
    assert (saved["contact_email"], saved["company"], saved["conversation_id"]) == (
        "maria.rossi@impresa.it", "Rossi Meccanica srl", "chat-1")
    assert saved["profile"].employees == 25 and saved["channel"] == "rest" and saved["language"] == "it"
    assert saved["consent_version"] == "handoff-2026-12-02"  # the wording the user agreed to
    assert reply.splitlines()[0] == t("it", "chat.handoff.stored", reference="ORI-0001",
                                      chamber="Camera di Commercio di Bergamo")
    assert chat.state.contact is None and chat.state.pending is None


def test_the_enquiry_carries_the_verdicts_of_the_check():
    store = Store()
    chat = chat_with(store, "siamo 25 dipendenti di Bergamo")
    consented(chat)
    chat.say("Rossi Meccanica srl", "inform")
    verdicts = store.saved[0]["verdicts"]
    assert verdicts["today"] == "2025-07-01" and verdicts["scope"] == "all"
    assert {"id": "verso-nuovi-mercati-2025", "status": "open", "eligible": None} in verdicts["calls"]


def test_without_consent_only_the_place_is_asked_and_nothing_personal_is_stored():
    store = Store()
    chat = chat_with(store)
    chat.say("voglio parlare con un consulente", "human_handoff")
    assert chat.say("no", "deny") == t("it", "chat.handoff.ask_handoff_province")
    reply = chat.say("Voghera", "inform")
    [saved] = store.saved
    assert saved["consent"] is False and saved["desk_id"] == "cremona-mantova-pavia"
    assert not {"contact_name", "contact_email", "contact_phone", "company", "conversation_id"} & set(saved)
    assert reply.splitlines()[0] == t("it", "chat.handoff.anonymous", reference="ORI-0001",
                                      chamber="Camera di Commercio di Cremona-Mantova-Pavia")
    assert chat.state.facts == {"comune": "Voghera", "province": "PV"}  # the place joins the profile


def test_without_consent_and_a_known_place_the_enquiry_is_stored_at_once():
    store = Store()
    chat = chat_with(store, "siamo di Brescia")
    chat.say("voglio parlare con un consulente", "human_handoff")
    chat.say("no", "deny")
    assert [saved["desk_id"] for saved in store.saved] == ["brescia"]


def test_a_firm_outside_lombardy_gets_a_reference_and_no_desk():
    store = Store()
    chat = chat_with(store)
    chat.say("voglio parlare con un consulente", "human_handoff")
    chat.say("no", "deny")
    reply = chat.say("non so", "dont_know")
    assert store.saved[0]["desk_id"] is None
    assert reply.splitlines() == [t("it", "chat.handoff.anonymous_no_desk", reference="ORI-0001"),
                                  t("it", "chat.anything_else")]
    assert [title for title, _ in chat.buttons] == ["Verificate i requisiti", "Cosa è aperto oggi"]


def test_an_unclear_consent_is_asked_again():
    chat = chat_with(Store())
    chat.say("voglio parlare con un consulente", "human_handoff")
    assert chat.say("forse", "inform") == t("it", "chat.handoff.consent_unclear")
    assert chat.state.pending == {"kind": "handoff", "step": "consent"}


def test_a_question_is_not_taken_as_a_name():
    chat = chat_with(Store())
    chat.say("voglio parlare con un consulente", "human_handoff")
    chat.say("sì", "affirm")
    assert chat.say("cos'è il de minimis?", "ask") == t("it", "chat.handoff.invalid_contact_name")
    assert chat.state.pending == {"kind": "handoff", "step": "name"}


def test_an_address_that_is_neither_email_nor_phone_is_asked_again():
    chat = chat_with(Store())
    chat.say("voglio parlare con un consulente", "human_handoff")
    chat.say("sì", "affirm")
    chat.say("Maria Rossi", "inform")
    assert chat.say("maria at impresa", "inform") == t("it", "chat.handoff.invalid_contact_reach")
    assert chat.state.contact == {"consent": True, "name": "Maria Rossi"}


def test_a_phone_number_is_kept_in_international_form():
    store = Store()
    chat = chat_with(store, "siamo di Bergamo")
    chat.say("voglio parlare con un consulente", "human_handoff")
    chat.say("sì", "affirm")
    chat.say("Maria Rossi", "inform")
    chat.say("035 123456", "inform")
    chat.say("Rossi Meccanica srl", "inform")
    assert (store.saved[0]["contact_phone"], store.saved[0]["contact_email"]) == ("+39 035 123456", None)


@pytest.mark.parametrize("word", ["annulla", "lascia perdere", "cancel"])
def test_cancelling_at_any_step_keeps_nothing(word):
    store = Store()
    chat = chat_with(store)
    consented(chat)
    assert chat.say(word, "inform") == t("it", "chat.handoff.cancelled")
    assert store.saved == [] and chat.state.contact is None and chat.state.pending is None
    assert chat.state.redact_contact  # the tracker store blanks what was typed in the form


def test_the_redaction_signal_lasts_one_turn():
    from bot.conversation.state import State

    assert State.from_slots({"redact_contact": True}).redact_contact is False


def test_starting_over_during_the_handoff_cancels_it_and_forgets_everything():
    store = Store()
    chat = chat_with(store, "siamo 25 dipendenti")
    consented(chat)
    reply = chat.say("ricominciamo", "start_over")
    assert reply.splitlines() == [t("it", "chat.handoff.cancelled"), t("it", "chat.restarted")]
    assert store.saved == [] and chat.state.facts == {}


def test_a_value_the_store_refuses_is_said_and_nothing_is_kept():
    chat = chat_with(Store(fails=EnquiryError("company", "too long")), "siamo di Bergamo")
    consented(chat)
    assert chat.say("Rossi Meccanica srl", "inform") == t("it", "chat.handoff.refused")
    assert chat.state.contact is None


def test_a_database_that_fails_is_said_and_never_crashes():
    chat = chat_with(Store(fails=ConnectionError("database down")), "siamo di Bergamo")
    chat.say("voglio parlare con un consulente", "human_handoff")
    assert chat.say("no", "deny") == t("it", "chat.handoff.unavailable")


def test_without_a_store_the_handoff_says_it_is_unavailable():
    chat = Chat(today=OPEN_DAY)
    chat.say("siamo di Bergamo", "inform")
    chat.say("voglio parlare con un consulente", "human_handoff")
    assert chat.say("no", "deny") == t("it", "chat.handoff.unavailable")


def test_every_handoff_question_and_refusal_exists_in_both_languages():
    for lang in LANGUAGES:
        texts = catalogue(lang)
        for step in ("handoff_consent", "contact_name", "contact_reach", "company", "handoff_province"):
            assert f"chat.handoff.ask_{step}" in texts
            assert step == "handoff_consent" or f"chat.handoff.invalid_{step}" in texts
        assert {"chat.handoff.cancelled", "chat.handoff.refused", "chat.handoff.unavailable"} <= set(texts)
