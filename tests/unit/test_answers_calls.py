"""Questions about one call, answered from its file (Verso Nuovi Mercati unless another is named)."""
import datetime as dt
from decimal import Decimal

import pytest

from bot.answers import answer
from bot.profile import parse_profile

OPEN_DAY = dt.date(2025, 7, 1)
VNM = "verso-nuovi-mercati-2025"


def test_without_a_call_the_answer_names_the_headline_call():
    assert "«Verso Nuovi Mercati 2025»" in answer("call_funds", "it").text
    assert "«Verso Nuovi Mercati (Towards New Markets) 2025»" in answer("call_funds", "en").text


def test_a_call_can_be_named_by_an_alias():
    assert "Fiere internazionali in Lombardia 2024-2026" in answer("call_overview", "it", call_id="bando fiere").text


@pytest.mark.parametrize("lang, budget, closes", [("it", "18.978.747,97 €", "chiude il 9 settembre 2025"),
                                                  ("en", "€18,978,747.97", "closes on 9 September 2025")])
def test_overview_gives_the_summary_status_and_budget(lang, budget, closes):
    text = answer("call_overview", lang, today=OPEN_DAY).text
    assert budget in text and closes in text and "85%" in text


def test_overview_offers_the_next_questions_as_buttons():
    payloads = [button.payload for button in answer("call_overview", "en").buttons]
    assert '/ask_topic{"topic":"call_apply","call_id":"verso-nuovi-mercati-2025"}' in payloads


@pytest.mark.parametrize("lang, expected", [
    ("it", "Il bando non è ancora aperto: apre il 3 giugno 2025 (tra 33 giorni)."),
    ("en", "The call is not open yet: it opens on 3 June 2025 (in 33 days)."),
])
def test_status_before_the_window_says_when_it_opens(lang, expected):
    assert expected in answer("call_status", lang, today=dt.date(2025, 5, 1)).text


@pytest.mark.parametrize("lang, expected", [
    ("it", "Il bando è aperto: chiude il 9 settembre 2025 (mancano 70 giorni)."),
    ("en", "The call is open: it closes on 9 September 2025 (70 days left)."),
])
def test_status_inside_the_window_counts_the_days_left(lang, expected):
    assert expected in answer("call_status", lang, today=OPEN_DAY).text


def test_status_on_the_closing_day_says_it_closes_today():
    assert "chiude oggi, 9 settembre 2025" in answer("call_status", "it", today=dt.date(2025, 9, 9)).text


@pytest.mark.parametrize("lang, closed, edition", [
    ("it", "Il bando è chiuso dal 9 settembre 2025", "Un'edizione 2026 non è stata trovata."),
    ("en", "The call has been closed since 9 September 2025", "No 2026 edition was found."),
])
def test_status_after_the_window_says_since_when_and_that_no_new_edition_is_known(lang, closed, edition):
    text = answer("call_status", lang, today=dt.date(2026, 11, 21)).text
    assert closed in text and edition in text


def test_a_closed_call_points_to_its_later_edition():
    reply = answer("call_status", "en", call_id="fiere-internazionali-2020-2022", today=dt.date(2026, 1, 1))
    assert "continued with the «International trade fairs in Lombardy 2024-2026» edition" in reply.text
    assert '"call_id":"fiere-internazionali-2024-2026"' in reply.buttons[0].payload


def test_the_closing_time_note_is_dropped_once_the_call_is_closed():
    assert "orario" not in answer("call_status", "it", today=dt.date(2026, 1, 1)).text


@pytest.mark.parametrize("lang, category, detail", [
    ("it", "B. Realizzazione di iniziative", "etichettatura"),
    ("en", "B. Initiatives", "labelling"),
])
def test_funds_lists_the_expense_categories_with_descriptions(lang, category, detail):
    text = answer("call_funds", lang).text
    assert category in text and detail in text


@pytest.mark.parametrize("lang, cap, excluded", [
    ("it", "Al massimo il 20% delle spese per iniziative (B) e formazione (C).", "spese legali e notarili"),
    ("en", "At most 20% of the expenses for initiatives (B) and training (C).", "legal and notary fees"),
])
def test_costs_give_the_caps_and_the_excluded_costs(lang, cap, excluded):
    text = answer("call_costs", lang).text
    assert cap in text and excluded in text


def test_the_consultancy_cap_is_worked_out_on_the_firms_own_expenses():
    # «La consulenza per scrivere il piano d'azione quanto può valere al massimo?»
    profile = parse_profile({"vnm_expenses": {"initiatives": 70000, "training": 5000}})
    text = answer("call_costs", "it", profile=profile).text
    assert "la consulenza per il Piano d'azione può valere al massimo 15.000,00 €" in text


def test_a_consultancy_over_the_cap_is_shown_cut():
    profile = parse_profile({"vnm_expenses": {"consultancy": 30000, "initiatives": 70000, "training": 5000}})
    text = answer("call_costs", "en", profile=profile).text
    assert "Consultancy: you gave €30,000.00, the cap recognises €15,000.00." in text


def test_a_call_without_a_list_of_exclusions_says_it_was_not_found():
    assert "non è stato trovato" in answer("call_costs", "it", call_id="bando-export-2024").text


@pytest.mark.parametrize("lang, rates, maxima", [
    ("it", "20% a fondo perduto e 65% come finanziamento agevolato; il restante 15%", "120.000,00 € di contributo e 390.000,00 €"),
    ("en", "20% as a non-repayable grant and 65% as a subsidised loan; the remaining 15%", "€120,000.00 of grant and €390,000.00"),
])
def test_split_gives_grant_loan_and_own_share(lang, rates, maxima):
    # «Quanto è a fondo perduto e quanto è prestito?»
    text = answer("call_split", lang).text
    assert rates in text and maxima in text


def test_split_is_worked_out_on_the_firms_project():
    profile = parse_profile({"vnm_expenses": {"consultancy": 10000, "initiatives": 70000, "training": 5000}})
    text = answer("call_split", "it", profile=profile).text
    assert "Contributo a fondo perduto 21.828,00 €, finanziamento agevolato 70.941,00 €, a carico dell'impresa 16.371,00 €." in text


@pytest.mark.parametrize("lang, terms", [
    ("it", "Tasso nominale annuo 1,5%; durata da 3 a 6 anni, preammortamento compreso; preammortamento al massimo 24 mesi; rate semestrali."),
    ("en", "Nominal annual rate 1.5%; duration 3 to 6 years, pre-amortisation included; pre-amortisation at most 24 months; semi-annual instalments."),
])
def test_loan_gives_rate_duration_preamortisation_and_instalments(lang, terms):
    assert terms in answer("call_loan", lang).text


def test_loan_with_an_amount_shows_an_example_plan_and_other_durations():
    reply = answer("call_loan", "en", amount=Decimal(100000))
    assert "12 semi-annual instalments of €7,298.70" in reply.text
    assert [b.title for b in reply.buttons] == ["Plan over 3 years", "Plan over 4 years", "Plan over 5 years"]


def test_a_grant_only_call_says_it_has_no_loan():
    text = answer("call_loan", "it", call_id="fiere-internazionali-2024-2026").text
    assert "non prevede un finanziamento agevolato" in text


@pytest.mark.parametrize("lang, expected", [("it", "graduatoria"), ("en", "ranking")])
def test_procedure_says_ranking_not_first_come(lang, expected):
    assert expected in answer("call_procedure", lang).text


@pytest.mark.parametrize("lang, portal, validation", [
    ("it", "portale regionale Bandi e Servizi, accedendo con SPID o CNS", "fino a 48 ore"),
    ("en", "regional Bandi e Servizi portal, signing in with SPID or CNS", "up to 48 hours"),
])
def test_apply_says_where_and_how(lang, portal, validation):
    # «Dove si presenta la domanda? Serve lo SPID?»
    text = answer("call_apply", lang, today=OPEN_DAY).text
    assert portal in text and validation in text


def test_apply_on_a_closed_call_says_it_is_closed_first():
    text = answer("call_apply", "en", today=dt.date(2026, 1, 1)).text
    assert text.splitlines()[1].startswith("The call has been closed since 9 September 2025")


@pytest.mark.parametrize("lang, title, content", [
    ("it", "Piano d'azione per l'internazionalizzazione", "indagini di mercato"),
    ("en", "Internationalisation Action Plan", "market surveys"),
])
def test_documents_give_the_action_plan_and_its_contents(lang, title, content):
    text = answer("call_documents", lang).text
    assert title in text and content in text


def test_documents_not_found_are_said_unknown():
    assert "were not found" in answer("call_documents", "en", call_id="bando-export-2024").text


@pytest.mark.parametrize("lang, export, sheets", [
    ("it", "Export dell'anno solare precedente sul volume d'affari: al massimo 40%", "Bilanci approvati: almeno 2"),
    ("en", "Exports in the previous calendar year as a share of turnover (volume d'affari): at most 40%", "Approved balance sheets: at least 2"),
])
def test_who_puts_the_criteria_in_words(lang, export, sheets):
    text = answer("call_who", lang).text
    assert export in text and sheets in text


def test_who_lists_the_conditions_to_confirm():
    text = answer("call_who", "en", call_id="bando-export-2024").text
    assert "To confirm: the project must be carried out with an export manager." in text
