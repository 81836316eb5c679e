"""Inputs may come from anyone (`/intent{"slot": value}`): a bad one gets a clear reply, never an
exception."""
from decimal import Decimal

import pytest

from bot.answers import UnknownTopic, answer


@pytest.mark.parametrize("amount", [Decimal(-5), Decimal(0), Decimal("1e13"), "lots", "NaN", True, [1]])
def test_an_unusable_amount_gets_a_clear_reply(amount):
    assert answer("simulate", "en", amount=amount).text.startswith("I can't use this amount")


@pytest.mark.parametrize("call_id", ["no-such-call", 42, ["verso-nuovi-mercati-2025"], "x" * 10_000])
def test_an_unknown_call_gets_the_list_of_known_calls(call_id):
    reply = answer("call_status", "it", call_id=call_id)
    assert reply.text.startswith("Non conosco questo bando.") and "• Verso Nuovi Mercati 2025" in reply.text


@pytest.mark.parametrize("years", [0, -3, 4.5, "four"])
def test_an_unusable_duration_gets_a_clear_reply(years):
    assert answer("loan_plan", "en", amount=Decimal(100000), years=years).text.startswith("Give the duration in whole years")


@pytest.mark.parametrize("months", [-6, 1.5, "soon"])
def test_an_unusable_preamortisation_gets_a_clear_reply(months):
    text = answer("loan_plan", "en", amount=Decimal(100000), years=4, months=months).text
    assert text.startswith("Give pre-amortisation in whole months")


@pytest.mark.parametrize("sqm", [0, -24, Decimal("1e7"), "big"])
def test_an_unusable_stand_area_gets_a_clear_reply(sqm):
    assert answer("fair_quote", "en", sqm=sqm).text.startswith("Give the stand's area in square metres")


def test_an_unknown_exhibitor_kind_gets_a_clear_reply():
    assert answer("fair_quote", "it", sqm=24, exhibitor="vip").text.startswith("Indicate se siete un nuovo espositore")


def test_an_unknown_language_is_answered_in_italian():
    assert answer("call_funds", "fr").text.startswith("Cosa finanzia")


def test_an_unknown_topic_is_a_mistake_in_the_code():
    with pytest.raises(UnknownTopic):
        answer("weather", "en")
