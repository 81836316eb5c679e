"""The custom actions on their own (no servers): what they say and which slots they keep.

A turn is simulated the way Rasa calls the action server: a tracker whose last events are
the slot values extracted from the user's message.
"""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.dialogue import ActionVnmVerdict
from actions.form import ValidateVnmForm
from bot.texts import t

DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())
WORKED_EXAMPLE = {
    "employees": "12", "turnover_eur": "1500000", "operating_site": "Seriate (BG)", "province": "BG",
    "comune": "Seriate", "export_share_pct": "20", "approved_balance_sheets": "3",
    "vnm_consultancy": "10000", "vnm_initiatives": "70000", "vnm_training": "5000",
}


def answering(slot: str, text: str, filled: dict | None = None, language: str = "it") -> Tracker:
    """The tracker of a turn in which the user answered `text` to the question for `slot`."""
    slots = {**(filled or {}), slot: text, "requested_slot": slot, "language": language}
    events = [{"event": "user", "text": text}, {"event": "slot", "name": slot, "value": text}]
    return Tracker("test", slots, {"text": text}, events, False, None, {"name": "vnm_form"}, "action_listen")


def validate(tracker: Tracker) -> tuple[dict, list[str]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateVnmForm().run(dispatcher, tracker, DOMAIN))
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}, [m["text"] for m in dispatcher.messages]


def test_a_refused_answer_is_explained_and_the_slot_left_empty():
    slots, said = validate(answering("employees", "-5"))
    assert slots["employees"] is None and slots["requested_slot"] == "employees"
    assert said == [t("it", "chat.invalid.employees")]


def test_an_accepted_answer_is_stored_in_a_form_the_validator_reads_back_the_same():
    first, _ = validate(answering("turnover_eur", "1,5 mln", {"employees": "12"}))
    again, _ = validate(answering("turnover_eur", first["turnover_eur"], {"employees": "12"}))
    assert first["turnover_eur"] == again["turnover_eur"] == "1500000"


def test_the_questions_stop_as_soon_as_the_company_is_not_eligible():
    filled = {"employees": "12", "turnover_eur": "1500000", "operating_site": "Milano (MI)",
              "province": "MI", "comune": "Milano"}
    slots, _ = validate(answering("export_share_pct", "50%", filled))
    assert slots["export_share_pct"] == "50" and slots["requested_slot"] is None


def test_the_balance_sheet_total_is_skipped_when_turnover_settles_the_size():
    slots, _ = validate(answering("turnover_eur", "1,5 mln", {"employees": "12"}))
    assert slots["requested_slot"] == "operating_site"


def test_the_balance_sheet_total_is_asked_when_turnover_alone_is_over_the_sme_ceiling():
    slots, _ = validate(answering("turnover_eur", "60 milioni", {"employees": "100"}))
    assert slots["requested_slot"] == "balance_sheet_eur"


def test_a_loan_longer_than_the_call_allows_is_refused_with_the_calls_own_reason():
    slots, said = validate(answering("loan_years", "10", WORKED_EXAMPLE, language="en"))
    assert slots["loan_years"] is None
    assert said == [t("en", "funding.loan_years_range", min_years=3, max_years=6)]


def test_a_municipality_name_shared_by_two_provinces_is_asked_again_with_both():
    slots, said = validate(answering("operating_site", "Castro", {"employees": "12", "turnover_eur": "1500000"}))
    assert slots["operating_site"] is None
    assert said == [t("it", "chat.invalid.place_ambiguous", name="Castro", options="Castro (BG) o Castro (LE)")]


def test_a_province_code_alone_is_a_valid_site():
    slots, _ = validate(answering("operating_site", "MI", {"employees": "12", "turnover_eur": "1500000"}))
    assert (slots["operating_site"], slots["province"]) == ("MI", "MI")


@pytest.fixture
def verdict_in_english(monkeypatch):
    monkeypatch.setenv("ORIENTA_TODAY", "2025-07-01")
    slots = {**WORKED_EXAMPLE, "loan_years": "default", "preamortisation_months": "0", "language": "en"}
    tracker = Tracker("test", slots, {"text": "no"}, [], False, None, {}, "vnm_form")
    dispatcher = CollectingDispatcher()
    events = ActionVnmVerdict().run(dispatcher, tracker, DOMAIN)
    return events, "\n".join(m["text"] for m in dispatcher.messages)


def test_the_verdict_gives_the_worked_example_figures_in_the_conversation_language(verdict_in_english):
    _, said = verdict_in_english
    assert t("en", "chat.funding.grant", amount="€21,828.00") in said


def test_after_the_verdict_the_facts_are_forgotten_but_the_language_kept(verdict_in_english):
    events, _ = verdict_in_english
    assert [e["event"] for e in events] == ["reset_slots", "slot"]
    assert events[1]["value"] == "en"


def test_an_empty_slot_is_left_empty_without_a_message():
    slots, said = validate(answering("employees", None))
    assert slots["employees"] is None and said == []
