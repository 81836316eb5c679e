"""The worked example of FACTS.md, told to the bot in Italian and in English.

Consultancy 10,000 + initiatives 70,000 + training 5,000 -> total eligible 109,140 ->
grant 21,828, loan 70,941, own contribution 16,371.
"""
import pytest

from bot.texts import t

ITALIAN_ANSWERS = ["ciao", "sì", "12", "1,5 mln", "Seriate (BG)", "20%", "3",
                   "10.000", "70k", "5.000", "non so", "no"]
ENGLISH_ANSWERS = ["hi", "am I eligible for Verso Nuovi Mercati?", "we have 12 employees", "1.5M",
                   "Bergamo", "20%", "two", "10,000", "70k", "5,000", "I don't know", "no"]


@pytest.fixture(scope="module")
def italian_verdict(assistant) -> str:
    chat = assistant.chat("italian")
    return [chat.say(answer) for answer in ITALIAN_ANSWERS][-1]


@pytest.fixture(scope="module")
def english_verdict(assistant) -> str:
    chat = assistant.chat("english")
    return [chat.say(answer) for answer in ENGLISH_ANSWERS][-1]


def test_in_italian_the_company_is_eligible(italian_verdict):
    assert t("it", "chat.verdict.eligible", call="Verso Nuovi Mercati 2025") in italian_verdict


def test_in_italian_the_aid_is_split_into_grant_loan_and_own_contribution(italian_verdict):
    assert t("it", "chat.funding.total_eligible", amount="109.140,00 €") in italian_verdict
    assert t("it", "chat.funding.grant", amount="21.828,00 €") in italian_verdict
    assert t("it", "chat.funding.loan", amount="70.941,00 €") in italian_verdict
    assert t("it", "chat.funding.own_contribution", amount="16.371,00 €") in italian_verdict


def test_in_italian_the_call_is_open_on_the_pinned_day(italian_verdict):
    assert t("it", "chat.status.open", closes="9 settembre 2025", days=70) in italian_verdict


def test_in_italian_the_loan_instalments_and_the_assumed_duration_are_given(italian_verdict):
    assert "12 rate da" in italian_verdict
    assert t("it", "chat.assumption.loan_years_default_max", years=6, months=0) in italian_verdict


def test_in_english_the_company_is_eligible(english_verdict):
    call = "Verso Nuovi Mercati (Towards New Markets) 2025"
    assert t("en", "chat.verdict.eligible", call=call) in english_verdict


def test_in_english_the_aid_is_split_into_grant_loan_and_own_contribution(english_verdict):
    assert t("en", "chat.funding.total_eligible", amount="€109,140.00") in english_verdict
    assert t("en", "chat.funding.grant", amount="€21,828.00") in english_verdict
    assert t("en", "chat.funding.loan", amount="€70,941.00") in english_verdict
    assert t("en", "chat.funding.own_contribution", amount="€16,371.00") in english_verdict


def test_in_english_the_reasons_are_in_english_too(english_verdict):
    assert "✓ It is an SME (small enterprise)." in english_verdict
    assert "È una PMI" not in english_verdict
