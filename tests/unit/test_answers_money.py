"""Money answers: a simulation with no profile, loan plans, and a fair stand's grant.
Every figure is the engine's (FACTS.md §1 and §3 worked examples)."""
import datetime as dt
import json
from decimal import Decimal

import pytest

from bot.answers import Inputs, answer
from bot.profile import parse_profile

OPEN_DAY = dt.date(2025, 7, 1)
AFTER_FAIRS = dt.date(2026, 11, 21)


@pytest.mark.parametrize("lang, figures", [
    ("it", ["costi diretti 100.000,00\u00a0€", "personale (forfait) 20.000,00\u00a0€", "costi indiretti (forfait) 8.400,00\u00a0€",
            "totale ammissibile 128.400,00\u00a0€", "Fondo perduto 25.680,00\u00a0€ (20%)",
            "finanziamento agevolato 83.460,00\u00a0€ (65%)", "a vostro carico 19.260,00\u00a0€"]),
    ("en", ["direct costs €100,000.00", "staff (flat rate) €20,000.00", "indirect costs (flat rate) €8,400.00",
            "total eligible €128,400.00", "Grant €25,680.00 (20%)", "subsidised loan €83,460.00 (65%)",
            "paid by you €19,260.00"]),
])
def test_simulating_100000_shows_the_whole_breakdown(lang, figures):
    # «quanto mi finanziano su 100.000 €?»
    text = answer("simulate", lang, inputs=Inputs(amount=Decimal(100000)), today=OPEN_DAY).text
    for figure in figures:
        assert figure in text


def test_the_simulation_states_its_assumption():
    text = answer("simulate", "en", inputs=Inputs(amount=Decimal(250000)), today=OPEN_DAY).text
    assert "Assumption: the whole €250,000.00 is direct costs for initiatives" in text


def test_the_simulation_gives_the_caps_that_would_apply():
    text = answer("simulate", "it", inputs=Inputs(amount=Decimal(100000)), today=OPEN_DAY).text
    assert "qui fino a 20.000,00\u00a0€ in più" in text and "qui fino a 14.731,52\u00a0€" in text


def test_a_small_project_is_told_it_is_under_the_minimum():
    text = answer("simulate", "en", inputs=Inputs(amount=Decimal(20000)), today=OPEN_DAY).text
    assert "the total (€25,680.00) is below the minimum spending of €30,000.00" in text


def test_a_big_project_is_told_the_aid_stops_at_the_maximum():
    text = answer("simulate", "en", inputs=Inputs(amount=Decimal(1000000)), today=OPEN_DAY).text
    assert "the aid is computed on €600,000.00" in text and "Grant €120,000.00" in text


def test_simulating_on_a_closed_call_says_it_is_closed():
    assert "closed since 9 September 2025" in answer("simulate", "en", inputs=Inputs(amount=Decimal(100000)), today=AFTER_FAIRS).text


def test_the_simulation_offers_loan_plans_for_the_other_durations():
    buttons = answer("simulate", "it", inputs=Inputs(amount=Decimal(100000)), today=OPEN_DAY).buttons
    assert all(b.payload.startswith("/ask{") for b in buttons)
    assert [json.loads(b.payload.removeprefix("/ask"))["years"] for b in buttons] == [3, 4, 5]
    assert json.loads(buttons[0].payload.removeprefix("/ask")) == {
        "aspect": "loan_plan", "call_id": "verso-nuovi-mercati-2025", "amount": 100000, "years": 3}


def test_without_an_amount_the_simulation_asks_for_one():
    assert "On what project amount?" in answer("simulate", "en").text


@pytest.mark.parametrize("lang, lines", [
    ("it", ["2 pagamenti di soli interessi da 625,95\u00a0€", "6 rate semestrali da 14.277,41\u00a0€", "interessi totali 3.456,36\u00a0€"]),
    ("en", ["2 interest-only payments of €625.95", "6 semi-annual (every six months) instalments of €14,277.41", "total interest €3,456.36"]),
])
def test_a_loan_plan_for_4_years_with_12_months_of_preamortisation(lang, lines):
    text = answer("loan_plan", lang, inputs=Inputs(amount=Decimal(100000), years=4, months=12)).text
    for line in lines:
        assert line in text


def test_a_loan_plan_on_the_firms_own_project():
    profile = parse_profile({"vnm_expenses": {"consultancy": 10000, "initiatives": 70000, "training": 5000}})
    text = answer("loan_plan", "en", profile=profile, inputs=Inputs(years=6, months=0)).text
    assert "Loan of €70,941.00 over 6 years" in text and "12 semi-annual (every six months) instalments" in text


def test_a_loan_plan_without_a_choice_states_the_assumed_duration():
    text = answer("loan_plan", "en", inputs=Inputs(amount=Decimal(100000))).text
    assert "Assumption: the longest duration allowed (6 years)." in text


def test_a_duration_the_call_does_not_allow_gets_the_engines_message():
    reply = answer("loan_plan", "it", inputs=Inputs(amount=Decimal(100000), years=8))
    assert reply.text == "La durata del finanziamento deve essere tra 3 e 6 anni, preammortamento compreso."
    assert len(reply.buttons) == 4


def test_preamortisation_must_be_whole_half_years():
    text = answer("loan_plan", "en", inputs=Inputs(amount=Decimal(100000), years=4, months=7)).text
    assert text == "Pre-amortisation is given in multiples of 6 months, the interval between two payments."


def test_a_loan_plan_without_amount_or_profile_asks_for_the_amount():
    assert "mi serve l'importo del progetto" in answer("loan_plan", "it").text


@pytest.mark.parametrize("lang, figures", [
    ("it", ["area espositiva 10.560,00\u00a0€", "personale (forfait) 2.112,00\u00a0€", "costi indiretti (forfait) 887,04\u00a0€",
            "totale ammissibile 13.559,04\u00a0€", "Nuovo espositore: contributo 6.779,52\u00a0€ (50%).",
            "Se siete una microimpresa: 7.457,47\u00a0€ (55%)."]),
    ("en", ["exhibition space €10,560.00", "total eligible €13,559.04", "New exhibitor: grant €6,779.52 (50%).",
            "If you are a micro enterprise: €7,457.47 (55%)."]),
])
def test_a_new_exhibitor_with_a_24_sqm_stand(lang, figures):
    # «Quanto prende un nuovo espositore per uno stand di 24 metri quadri a Rho Fiera?»
    text = answer("fair_quote", lang, inputs=Inputs(sqm=Decimal(24), exhibitor="new"), today=AFTER_FAIRS).text
    for figure in figures:
        assert figure in text


def test_the_fair_quote_says_the_call_is_closed_since_31_august_2026():
    text = answer("fair_quote", "en", inputs=Inputs(sqm=Decimal(24), exhibitor="new"), today=AFTER_FAIRS).text
    assert "closed since 31 August 2026" in text


def test_a_micro_enterprise_gets_the_bonus_in_the_quote():
    profile = parse_profile({"employees": 5, "turnover_eur": 500000})
    text = answer("fair_quote", "en", inputs=Inputs(sqm=Decimal(20), exhibitor="new"), profile=profile).text
    assert "New exhibitor: grant €6,214.56 (55%)." in text and "bonus is included" in text


def test_without_the_exhibitor_kind_both_grants_are_given():
    text = answer("fair_quote", "en", inputs=Inputs(sqm=Decimal(20))).text
    assert "New exhibitor: grant €5,649.60" in text and "Frequent exhibitor: grant €5,649.60" in text


def test_without_the_stand_area_the_quote_asks_for_it():
    assert "How many square metres" in answer("fair_quote", "en").text


def test_the_fair_quote_is_refused_for_a_call_that_is_not_about_fairs():
    assert "is not a fairs call" in answer("fair_quote", "en", call_ids=["verso-nuovi-mercati-2025"], inputs=Inputs(sqm=20)).text
