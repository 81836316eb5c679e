"""The worked example of FACTS.md, told to the bot in Italian and in English, one answer at a time.

Consultancy 10,000 + initiatives 70,000 + training 5,000 -> total eligible 109,140 ->
grant 21,828, loan 70,941, own contribution 16,371.
"""
import pytest

ITALIAN = ["posso partecipare al bando Verso Nuovi Mercati?", "12", "1,5 mln", "Seriate (BG)", "20%", "3",
           "70k", "5.000", "10.000"]
ENGLISH = ["am I eligible for Verso Nuovi Mercati?", "we have 12 employees", "1.5M", "Bergamo", "20%", "two",
           "70k", "5,000", "10,000"]


@pytest.fixture(scope="module")
def italian(assistant):
    chat = assistant.chat("worked-it")
    return chat, [chat.send(answer) for answer in ITALIAN][-1]


@pytest.fixture(scope="module")
def english(assistant):
    chat = assistant.chat("worked-en")
    return chat, [chat.send(answer) for answer in ENGLISH][-1]


def test_in_italian_the_firm_is_eligible_and_the_aid_split(italian):
    _, verdict = italian
    assert "Sì" in verdict.text and "Verso Nuovi Mercati 2025" in verdict.text
    for figure in ("totale ammissibile 109.140,00 €", "21.828,00 €", "70.941,00 €", "16.371,00 €"):
        assert figure in verdict.text


def test_in_italian_the_call_is_open_and_the_desk_named(italian):
    _, verdict = italian
    assert "chiude il 9 settembre 2025 (mancano 70 giorni)" in verdict.text
    assert "Camera di Commercio di Bergamo" in verdict.text


def test_in_italian_another_loan_duration_and_a_grace_period_can_be_chosen(italian):
    chat, verdict = italian
    plan = chat.press(verdict, "4 anni")
    assert "Finanziamento di 70.941,00 € in 4 anni" in plan.text and "8 rate semestrali" in plan.text
    grace = chat.press(plan, "12 mesi")
    assert "2 pagamenti di soli interessi" in grace.text and "6 rate semestrali" in grace.text


def test_in_english_the_firm_is_eligible_and_the_aid_split(english):
    _, verdict = english
    for figure in ("€109,140.00", "€21,828.00", "€70,941.00", "€16,371.00"):
        assert figure in verdict.text
    assert "È una PMI" not in verdict.text
