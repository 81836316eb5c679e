"""Inputs may come from anyone (`/ask{"aspect": ..., "amount": ...}`): a bad one gets a clear
reply, never an exception."""
from decimal import Decimal

import pytest

from bot.answers import Inputs, UnknownAspect, answer

VNM = "verso-nuovi-mercati-2025"


@pytest.mark.parametrize("amount", [Decimal(-5), Decimal(0), Decimal("1e13"), "lots", "NaN", True, [1]])
def test_an_unusable_amount_gets_a_clear_reply(amount):
    assert answer("simulate", "en", inputs=Inputs(amount=amount)).text.startswith("I can't use this amount")


@pytest.mark.parametrize("expenses", [{"consultancy": -1}, {"rent": 1000}, {"training": "lots"}, ["initiatives"]])
def test_an_unusable_expense_split_gets_a_clear_reply(expenses):
    reply = answer("simulate", "en", inputs=Inputs(amount=Decimal(100000), expenses=expenses))
    assert reply.text.startswith("I can't use this amount")


@pytest.mark.parametrize("call_id", ["no-such-call", 42, ["verso-nuovi-mercati-2025"], "x" * 10_000])
def test_an_unknown_call_gets_the_list_of_known_calls(call_id):
    reply = answer("status", "it", call_ids=[call_id])
    assert reply.text.startswith("Non conosco questo bando.") and "• Verso Nuovi Mercati 2025" in reply.text


def test_an_unknown_call_next_to_a_known_one_is_not_ignored():
    assert answer("status", "en", call_ids=[VNM, "no-such-call"]).text.startswith("I don't know that call.")


@pytest.mark.parametrize("years", [0, -3, 4.5, "four"])
def test_an_unusable_duration_gets_a_clear_reply(years):
    text = answer("loan_plan", "en", inputs=Inputs(amount=Decimal(100000), years=years)).text
    assert text.startswith("Give the duration in whole years")


@pytest.mark.parametrize("months", [-6, 1.5, "soon"])
def test_an_unusable_preamortisation_gets_a_clear_reply(months):
    text = answer("loan_plan", "en", inputs=Inputs(amount=Decimal(100000), years=4, months=months)).text
    assert text.startswith("Give pre-amortisation in whole months")


@pytest.mark.parametrize("sqm", [0, -24, Decimal("1e7"), "big"])
def test_an_unusable_stand_area_gets_a_clear_reply(sqm):
    assert answer("fair_quote", "en", inputs=Inputs(sqm=sqm)).text.startswith("Give the stand's area in square metres")


def test_an_unknown_exhibitor_kind_gets_a_clear_reply():
    text = answer("fair_quote", "it", inputs=Inputs(sqm=24, exhibitor="vip")).text
    assert text.startswith("Indicate se siete un nuovo espositore")


@pytest.mark.parametrize("count", [0, 1001, 2.5, "many"])
def test_an_unusable_number_of_fairs_gets_a_clear_reply(count):
    text = answer("grant_rate", "en", call_ids=["fiere-internazionali-2020-2022"], inputs=Inputs(fairs_count=count)).text
    assert text.startswith("The number of fairs must be a whole number")


@pytest.mark.parametrize("percent", [-1, 101, "half"])
def test_an_unusable_percentage_gets_a_clear_reply(percent):
    assert answer("partner_rule", "en", inputs=Inputs(percent=percent)).text.startswith("The percentage must be between 0 and 100")


def test_an_unknown_language_is_answered_in_italian():
    assert answer("expenses", "fr").text.startswith("Cosa finanzia")


def test_an_unknown_aspect_is_a_mistake_in_the_code():
    with pytest.raises(UnknownAspect):
        answer("weather", "en")
