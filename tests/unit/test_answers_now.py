""""What can we do now?": the open measures that fit, plainly none regional when none is, the
calls to watch; and the chat routes the question there, not to the check of closed calls."""
import datetime as dt

import pytest

from bot.answers import Inputs, answer
from bot.profile import parse_profile
from tests.unit.chat import Chat

TODAY = dt.date(2026, 12, 2)
VNM_OPEN = dt.date(2025, 7, 1)


@pytest.mark.parametrize("lang, none_regional, watch", [
    ("it", "Nessun bando regionale o camerale per l'internazionalizzazione è aperto oggi.", "Da tenere d'occhio"),
    ("en", "No regional or chamber call for going international is open today.", "To watch"),
])
def test_on_the_real_date_no_regional_call_is_open_and_the_closed_ones_are_to_watch(lang, none_regional, watch):
    text = answer("what_now", lang, today=TODAY).text
    assert none_regional in text
    assert watch in text
    assert "Verso Nuovi Mercati" in text.split(watch)[1]


def test_an_open_call_is_listed_with_its_managing_body_and_how_to_apply():
    text = answer("what_now", "it", today=VNM_OPEN).text
    opened = text.split("Aperte e adatte a voi:")[1].split("Da tenere d'occhio")[0]
    assert "Verso Nuovi Mercati 2025" in opened
    assert "gestita da Regione Lombardia" in opened
    assert "Come fare domanda (Regione Lombardia" in opened
    assert "Nessun bando regionale" not in text


def test_an_open_call_the_firm_fails_is_not_offered():
    large = parse_profile({"employees": 400, "turnover_eur": 90_000_000, "balance_sheet_eur": 80_000_000, "province": "MI"})
    text = answer("what_now", "it", today=VNM_OPEN, profile=large).text
    assert "Verso Nuovi Mercati" not in text.split("Da tenere d'occhio")[0]


def test_on_the_real_date_simest_lines_are_open_with_their_body_how_to_apply_and_estimate():
    firm = parse_profile({"employees": 20, "turnover_eur": 3_000_000, "balance_sheet_eur": 2_000_000, "province": "BG",
                          "approved_balance_sheets": 3, "average_revenues_eur": 2_800_000})
    text = answer("what_now", "it", today=TODAY, profile=firm, inputs=Inputs(theme="ecommerce")).text
    opened = text.split("Aperte e adatte a voi:")[1].split("Nessun bando regionale")[0]
    assert "SIMEST – E-commerce - aperta a sportello, fino a esaurimento dei fondi" in opened
    assert "gestita da SIMEST" in opened and "Come fare domanda (SIMEST" in opened
    assert "fino a 500.000,00\u00a0€ di finanziamento agevolato" in opened  # 20% of 2.8M capped at 500k
    assert "SIMEST – Fiere ed eventi" not in opened  # the plan is e-commerce
    assert "Camera di Commercio di Bergamo" in text


@pytest.mark.parametrize("lang, question, heading", [
    ("it", "Cosa possiamo fare adesso?", "Cosa potete fare oggi"),
    ("en", "What can we apply for right now? We are a small firm in Brescia with 20 staff", "What you can do today"),
])
def test_the_chat_answers_what_now_and_keeps_the_facts_said_with_it(lang, question, heading):
    chat = Chat(lang=lang, today=TODAY)
    reply = chat.say(question, intent="find_calls")
    assert heading in reply
    if lang == "en":
        assert str(chat.state.facts.get("employees")) == "20"


@pytest.mark.parametrize("lang, question", [
    ("it", "Vogliamo aprire un negozio online: cosa c'è di aperto adesso?"),
    ("en", "We'd hire a temporary export manager, anything open at the moment?"),
])
def test_a_plan_named_with_now_is_the_what_now_question(lang, question):
    chat = Chat(lang=lang, today=TODAY)
    reply = chat.say(question, intent="ask")
    assert ("Cosa potete fare oggi" if lang == "it" else "What you can do today") in reply
