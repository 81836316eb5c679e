"""How owners put things, read and answered as they mean them: two questions in one message, a
registered office that is not the operating site, exports said in euros, round counts, "nothing
for training", a year that picks the edition, a correction that reopens the check."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.answers import Inputs, answer
from bot.conversation import facts, scope
from bot.nlu import acts, extract
from bot.nlu.reading import read
from bot.texts import t
from tests.unit.chat import Chat

OPEN_DAY = dt.date(2025, 7, 1)


def _entities(text: str) -> list[tuple]:
    return [(e.entity, e.value, e.role) for e in extract(text) if e.entity != "language"]


# --- reading ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, asked", [
    ("how many years is possible for the loan? and there is a pre-amortisation?", ("loan_duration", "preamortisation")),
    ("Linea Artigiani 2021: quanto era il contributo massimo e l'investimento minimo?", ("max_grant", "min_project")),
    ("per la linea internazionalizzazione serviva un'anzianità minima? e il tasso quale era?",
     ("track_record", "interest_rate")),
])
def test_two_questions_in_one_message_are_both_read(text, asked):
    assert read(text).questions == asked


@pytest.mark.parametrize("text", [
    "siamo una srl con 20 dipendenti e fatturato 3 mln, possiamo partecipare?",
    "contributo e finanziamento, quanto?",
    "quanto è il contributo massimo?",
])
def test_one_question_joined_by_and_stays_one(text):
    assert read(text).questions == ()


def test_a_year_the_question_is_set_in_is_read_but_not_a_figures_year():
    assert read("nel 2022 eravamo micro impresa e nuovo espositore: che percentuale ci spettava?").years == (2022,)
    assert read("volume d'affari 2024 2 mln, export 900 mila: siamo dentro il 40%?").years == ()


def test_the_year_picks_the_only_edition_of_that_year():
    assert scope.editions_of_year("grant_rate", [2022], dt.date(2026, 12, 2)) == ["fiere-internazionali-2020-2022"]
    assert scope.editions_of_year("max_grant", [2021], dt.date(2026, 12, 2)) == []  # several calls that year


def test_the_registered_office_is_not_the_firms_place():
    found = _entities("Abbiamo la sede legale a Milano ma la produzione è a Novara (Piemonte)")
    assert ("comune", "Milano", "legal") in found and ("comune", "Novara", None) in found
    assert acts.LEGAL_SEAT in acts.signals("our registered office is in Lugano")
    given = facts.from_entities([e.as_rasa() for e in extract("sede legale a Milano, stabilimento a Novara")]).facts
    assert given.get("comune") == "Novara"


@pytest.mark.parametrize("text, expected", [
    ("espositore abituale a una sola fiera", ("fairs_count", "1", None)),
    ("a single fair", ("fairs_count", "1", None)),
    ("siamo una ventina di dipendenti", ("employees", "20", None)),
    ("niente formazione", ("amount", "0", "training")),
    ("no consultancy", ("amount", "0", "consultancy")),
    ("nata l'anno scorso", ("company_age", "1", "years")),
    ("70% of what we sell goes abroad", ("percent", "70", "export")),
    ("nothing so far, we only sell in Italy", ("percent", "0", "export")),
    ("30% outside the EU and 15% in the EU, so 45% in total", ("percent", "45", "total")),
])
def test_facts_said_in_owners_words(text, expected):
    assert expected in _entities(text)


def test_a_figures_year_is_no_company_age():
    assert not [e for e in _entities("l'anno scorso abbiamo esportato il 15%") if e[0] == "company_age"]


def test_exports_in_euros_become_the_share_on_the_turnover():
    found = facts.from_entities([e.as_rasa() for e in extract("volume d'affari 2 mln, export 900 mila")])
    shared = facts.with_export_share(found, {})
    assert shared.facts["export_share_pct"] == "45" and shared.share_from == ("900000", "2000000")
    later = facts.with_export_share(facts.from_entities([{"entity": "amount", "value": "300000", "role": "export_value"}]),
                                    {"turnover_eur": "1000000"})
    assert later.facts["export_share_pct"] == "30"


@pytest.mark.parametrize("text, key, value", [
    ("uno solo", "approved_balance_sheets", "1"),
    ("sì, tutti dal 1998", "approved_balance_sheets", "27"),
    ("nulla", "vnm_expenses.training", "0"),
    ("una quarantina", "employees", "40"),
])
def test_bare_answers(text, key, value):
    assert facts.read_answer(key, text, today=dt.date(2025, 12, 2)).value == value


@pytest.mark.parametrize("text", [
    "vorremmo sapere se VNM faceva per noi", "Would we have qualified?", "Is VNM an option?",
    "could a small firm like mine have used Verso Nuovi Mercati?", "What would VNM have given us?",
    "Con VNM quanto avremmo avuto?",
])
def test_ways_of_asking_to_be_checked(text):
    assert acts.CHECK in acts.signals(text)


def test_an_option_to_pay_is_no_check():
    assert acts.CHECK not in acts.signals("is that an option to pay in instalments?")


# --- answers ------------------------------------------------------------------------------------

def test_de_minimis_aid_of_several_years_adds_up():
    text = answer("de_minimis_headroom", "it", inputs=Inputs(amount="75000", amounts=("75000", "40000"))).text
    assert "185.000,00\u00a0€" in text and "75.000,00\u00a0€ + 40.000,00\u00a0€ = 115.000,00\u00a0€" in text


def test_the_fair_rate_with_the_firms_bonuses():
    text = answer("grant_rate", "it", call_ids=["fiere-internazionali-2020-2022"],
                  inputs=Inputs(exhibitor="frequent", fairs_count=1, startup=True)).text
    assert "Come start-up: 45% in tutto" in text
    text = answer("grant_rate", "en", call_ids=["fiere-internazionali-2024-2026"], inputs=Inputs(micro=True)).text
    assert "55% in all" in text


def test_not_micro_gets_no_micro_bonus():
    text = answer("fair_quote", "it", call_ids=["fiere-internazionali-2024-2026"],
                  inputs=Inputs(exhibitor="new", sqm=20, micro=False)).text
    assert "5.649,60\u00a0€ (50%)" in text


def test_a_project_range_the_call_admits():
    text = answer("max_project", "en", call_ids=["bando-export-2024"]).text
    assert "from €10,000.00 to €30,000.00" in text and "€15,000.00" in text


def test_a_loan_known_only_from_the_summary_is_not_said_unknown():
    text = answer("interest_rate", "it", call_ids=["linea-internazionalizzazione-2019"]).text
    assert "non sono state trovate" not in text.split("\n")[0] and "tasso zero" in text


def test_fairs_calls_asked_by_theme():
    text = answer("list_calls", "it", today=dt.date(2026, 12, 2), inputs=Inputs(theme="fairs")).text
    assert "fiere" in text.split("\n")[0] and "Verso Nuovi Mercati" not in text


# --- dialogue -----------------------------------------------------------------------------------

def test_two_questions_get_two_answers():
    reply = Chat("en").say("how many years is possible for the loan? and there is a pre-amortisation?", "ask")
    assert "3" in reply and "6" in reply and "24 months" in reply


def test_a_requirement_asked_with_its_fact_is_answered_on_it():
    reply = Chat().say("una micro impresa di 3 persone puo partecipare o e solo per aziende strutturate?",
                       "check_eligibility")
    assert "micro" in reply and "Quanti dipendenti" not in reply


def test_the_desk_is_named_when_a_person_is_asked_for_with_a_place():
    reply = Chat().say("vorrei parlare con un consulente, siamo a Voghera", "human_handoff")
    assert "Cremona-Mantova-Pavia" in reply and "Acconsentite?" in reply


def test_a_correction_that_revives_the_call_goes_on_with_the_check():
    chat = Chat("en")
    chat.say("I'm the owner of a cosmetics company in Lodi. 12 employees, about 2 million turnover.", "inform")
    chat.say("50%", "inform")
    reply = chat.say("Sorry, my mistake: exports last year were 28% of our volume d'affari.", "correct")
    assert "28%" in reply and chat.state.pending and chat.state.pending.get("kind") == "fact"


def test_a_simulation_in_the_middle_of_a_check_goes_back_to_the_check():
    chat = Chat()
    chat.say("posso partecipare a VNM? siamo 12 dipendenti", "check_eligibility")
    reply = chat.say("quanto mi finanziano su 100.000 €?", "ask")
    assert "25.680,00" in reply and chat.state.pending == {"kind": "fact", "key": "turnover_eur"}
    assert "turnover_eur" not in chat.state.facts


def test_a_no_on_a_requirement_offers_the_other_calls():
    chat = Chat()
    chat.say("Posso partecipare a VNM se ho esportato il 50%?", "check_eligibility")
    assert chat.state.pending == {"kind": "offer_check", "scope": "all"}


# --- fixed while porting the end-to-end tests (tests/e2e) ------------------------------------------

@pytest.mark.parametrize("key, text, value, bounds", [
    ("employees", "tra 10 e 15", "15", ("10", "15")),
    ("employees", "between 20 and 30", "30", ("20", "30")),
    ("export_share_pct", "10-20%", "20", ("10", "20")),
    ("approved_balance_sheets", "da 2 a 4", "2", ("2", "4")),  # a minimum is judged on the lower end
])
def test_a_bare_range_answers_with_its_prudent_end(key, text, value, bounds):
    reading = facts.read_answer(key, text, today=dt.date(2026, 12, 2))
    assert (reading.value, reading.range) == (value, bounds)


def test_a_bare_range_as_the_answer_is_said_and_the_check_goes_on():
    chat = Chat()
    chat.say("posso partecipare a VNM?", "check_eligibility")
    reply = chat.say("tra 10 e 15", "inform")
    assert reply.splitlines()[0] == "Tra 10 e 15: per prudenza considero 15 (ditemi la cifra esatta se la avete)."
    assert chat.state.facts == {"employees": "15"}


@pytest.mark.parametrize("lang, text", [("it", "che tempo fa domani a Milano?"), ("en", "what's the weather like today?")])
def test_off_topic_with_a_town_or_a_what_is_is_off_topic(lang, text):
    chat = Chat(lang)
    reply = chat.say(text, "out_of_scope")
    assert reply.splitlines()[0] == t(lang, "chat.misunderstood.out_of_scope") and chat.state.facts == {}


def test_which_calls_fit_with_the_facts_after_it_is_the_check_of_every_call():
    chat = Chat("en", today=OPEN_DAY)
    reply = chat.say("which calls fit my company? we have 25 employees, turnover 4 million, based in Bergamo, "
                     "exports 30%, 3 approved balance sheets", "inform")
    assert reply.splitlines()[0] == t("en", "chat.check.start_all") and chat.state.check_scope == scope.ALL_CALLS


@pytest.mark.parametrize("text", ["we don't do fairs", "non partecipiamo a fiere", "non facciamo fiere", "no fairs"])
def test_no_fairs_typed_is_the_third_answer_to_the_exhibitor_question(text):
    assert ("exhibitor", "none", None) in _entities(text)


def test_only_one_said_in_words_is_one():
    assert {("employees", "1", None), ("balance_sheets", "1", None)} <= set(
        _entities("abbiamo un solo dipendente e un solo bilancio approvato"))


@pytest.mark.parametrize("text, lang", [
    ("mi fate il piano di rimborso in 5 anni per un progetto VNM da 200.000 €?", "it"),
    ("Can you show me the loan plan over 4 years on a €150,000 VNM project?", "en"),
])
def test_a_repayment_plan_with_its_duration_and_amount_is_the_plan(text, lang):
    assert read(text, lang).aspect == "loan_plan"
