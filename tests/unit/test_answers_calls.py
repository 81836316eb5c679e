"""Questions about one call, answered from its file (Verso Nuovi Mercati, the headline call,
unless another is named or the aspect is only in another call's data)."""
import datetime as dt

import pytest

from bot.answers import Inputs, answer, resolve_call
from bot.catalogue import default_catalogue
from bot.profile import parse_profile

OPEN_DAY = dt.date(2025, 7, 1)
VNM = "verso-nuovi-mercati-2025"
FAIRS = "fiere-internazionali-2024-2026"


def test_without_a_call_the_answer_names_the_headline_call():
    assert "«Verso Nuovi Mercati 2025»" in answer("expenses", "it").text
    assert "“Verso Nuovi Mercati (Towards New Markets) 2025”" in answer("expenses", "en").text


def test_a_call_named_by_the_question_is_the_one_answered():
    assert "Fiere internazionali in Lombardia 2024-2026" in answer("overview", "it", call_ids=[FAIRS]).text


def test_an_aspect_only_a_fairs_call_has_goes_to_the_latest_fairs_call():
    call, named = resolve_call("fair_quote", [], default_catalogue(), OPEN_DAY)
    assert (call.id, named) == (FAIRS, False)


def test_an_aspect_the_headline_call_has_goes_to_the_headline_call():
    call, named = resolve_call("interest_rate", [], default_catalogue(), OPEN_DAY)
    assert (call.id, named) == (VNM, False)


@pytest.mark.parametrize("lang, budget, closes", [("it", "18.978.747,97\u00a0€", "chiude il 9 settembre 2025"),
                                                  ("en", "€18,978,747.97", "closes on 9 September 2025")])
def test_overview_gives_the_summary_status_and_budget(lang, budget, closes):
    text = answer("overview", lang, today=OPEN_DAY).text
    assert budget in text and closes in text and "85%" in text


def test_overview_offers_the_next_questions_as_buttons():
    payloads = [button.payload for button in answer("overview", "en").buttons]
    assert '/ask{"aspect":"how_to_apply","call_id":"verso-nuovi-mercati-2025"}' in payloads


@pytest.mark.parametrize("lang, expected", [
    ("it", "Il bando non è ancora aperto: apre il 3 giugno 2025 (tra 33 giorni)."),
    ("en", "The call is not open yet: it opens on 3 June 2025 (in 33 days)."),
])
def test_status_before_the_window_says_when_it_opens(lang, expected):
    assert expected in answer("status", lang, today=dt.date(2025, 5, 1)).text


@pytest.mark.parametrize("lang, expected", [
    ("it", "Il bando è aperto: chiude il 9 settembre 2025 (mancano 70 giorni)."),
    ("en", "The call is open: it closes on 9 September 2025 (70 days left)."),
])
def test_status_inside_the_window_counts_the_days_left(lang, expected):
    assert expected in answer("status", lang, today=OPEN_DAY).text


def test_status_on_the_closing_day_says_it_closes_today():
    assert "chiude oggi, 9 settembre 2025" in answer("status", "it", today=dt.date(2025, 9, 9)).text


@pytest.mark.parametrize("lang, closed, edition", [
    ("it", "Il bando è chiuso dal 9 settembre 2025", "Un'edizione 2026 non è stata trovata."),
    ("en", "The call has been closed since 9 September 2025", "No 2026 edition was found."),
])
def test_status_after_the_window_says_since_when_and_that_no_new_edition_is_known(lang, closed, edition):
    text = answer("status", lang, today=dt.date(2026, 11, 21)).text
    assert closed in text and edition in text


def test_a_closed_call_points_to_its_later_edition():
    reply = answer("status", "en", call_ids=["fiere-internazionali-2020-2022"], today=dt.date(2026, 1, 1))
    assert "continued with the “International trade fairs in Lombardy 2024-2026” edition" in reply.text
    assert '"call_id":"fiere-internazionali-2024-2026"' in reply.buttons[0].payload


def test_the_closing_time_note_is_dropped_once_the_call_is_closed():
    assert "orario" in answer("status", "it", today=OPEN_DAY).text
    assert "orario" not in answer("status", "it", today=dt.date(2026, 1, 1)).text


@pytest.mark.parametrize("lang, when", [("it", "si poteva presentare domanda fino al 9 settembre 2025"),
                                        ("en", "could be submitted until 9 September 2025")])
def test_closes_gives_the_closing_day_first(lang, when):
    assert when in answer("closes", lang, today=dt.date(2026, 1, 1)).text.splitlines()[0]


@pytest.mark.parametrize("lang, category, detail", [
    ("it", "B. Realizzazione di iniziative", "etichettatura"),
    ("en", "B. Initiatives", "labelling"),
])
def test_expenses_list_the_categories_with_descriptions(lang, category, detail):
    text = answer("expenses", lang).text
    assert category in text and detail in text


@pytest.mark.parametrize("lang, cap, excluded", [
    ("it", "Al massimo il 20% delle spese per iniziative (B) e formazione (C).", "spese legali e notarili"),
    ("en", "At most 20% of the expenses for initiatives (B) and training (C).", "legal and notary fees"),
])
def test_expenses_give_the_caps_and_the_excluded_costs(lang, cap, excluded):
    text = answer("expenses", lang).text
    assert cap in text and excluded in text


@pytest.mark.parametrize("lang, excluded", [("it", "non sono ammesse queste spese: viaggi, trasporti, affitti"),
                                            ("en", "does not fund these costs: travel, transport, rents")])
def test_excluded_costs_are_listed_on_their_own(lang, excluded):
    assert excluded in answer("excluded_costs", lang).text


def test_the_consultancy_cap_is_worked_out_on_the_firms_own_expenses():
    # «La consulenza per scrivere il piano d'azione quanto può valere al massimo?»
    profile = parse_profile({"vnm_expenses": {"initiatives": 70000, "training": 5000}})
    text = answer("consultancy_cap", "it", profile=profile).text
    assert "Con 70.000,00\u00a0€ di iniziative e 5.000,00\u00a0€ di formazione, la consulenza può valere al massimo 15.000,00\u00a0€." in text


def test_a_consultancy_over_the_cap_is_shown_cut():
    profile = parse_profile({"vnm_expenses": {"consultancy": 30000, "initiatives": 70000, "training": 5000}})
    text = answer("consultancy_cap", "en", profile=profile).text
    assert "Consultancy: you gave €30,000.00, the cap recognises €15,000.00." in text


def test_a_call_without_a_list_of_exclusions_says_it_was_not_found():
    assert "non è stato trovato" in answer("excluded_costs", "it", call_ids=["bando-export-2024"]).text
    assert "non è stato trovato" in answer("expenses", "it", call_ids=["bando-export-2024"]).text


@pytest.mark.parametrize("lang, rates, maxima", [
    ("it", "il 20% a fondo perduto e il 65% come finanziamento agevolato; il restante 15%",
     "120.000,00\u00a0€ di contributo e 390.000,00\u00a0€"),
    ("en", "20% as a non-repayable grant and 65% as a subsidised loan; the remaining 15%", "€120,000.00 of grant and €390,000.00"),
])
def test_split_gives_grant_loan_and_own_share(lang, rates, maxima):
    # «Quanto è a fondo perduto e quanto è prestito?»
    text = answer("split", lang).text
    assert rates in text and maxima in text


def test_split_is_worked_out_on_the_firms_project():
    profile = parse_profile({"vnm_expenses": {"consultancy": 10000, "initiatives": 70000, "training": 5000}})
    text = answer("split", "it", profile=profile).text
    assert "21.828,00\u00a0€" in text and "70.941,00\u00a0€" in text and "16.371,00\u00a0€" in text


@pytest.mark.parametrize("lang, terms", [
    ("it", "Tasso nominale annuo 1,5%; durata da 3 a 6 anni, preammortamento compreso; preammortamento al massimo 24 mesi; rate semestrali."),
    ("en", "Nominal annual rate 1.5%; duration 3 to 6 years, pre-amortisation included; pre-amortisation at most 24 months; "
           "semi-annual (every six months) instalments."),
])
def test_repayment_gives_rate_duration_preamortisation_and_instalments(lang, terms):
    assert terms in answer("repayment", lang).text


@pytest.mark.parametrize("aspect, expected", [
    ("interest_rate", "ha un tasso nominale annuo fisso: 1,5%."),
    ("loan_duration", "dura da 3 a 6 anni, compreso un preammortamento di al massimo 24 mesi."),
    ("preamortisation", "Il preammortamento di «Verso Nuovi Mercati 2025» dura al massimo 24 mesi."),
])
def test_each_loan_term_is_answered_first(aspect, expected):
    assert expected in answer(aspect, "it").text.splitlines()[0]


def test_a_loan_plan_on_an_amount_shows_the_instalments_and_other_durations():
    reply = answer("loan_plan", "en", inputs=Inputs(amount=100000))
    assert "12 semi-annual (every six months) instalments of €7,298.70" in reply.text
    assert [b.title for b in reply.buttons] == ["Plan over 3 years", "Plan over 4 years", "Plan over 5 years"]


@pytest.mark.parametrize("aspect", ["interest_rate", "loan_duration", "repayment"])
def test_a_grant_only_call_says_it_has_no_loan(aspect):
    text = answer(aspect, "it", call_ids=[FAIRS]).text
    assert "non prevede un finanziamento agevolato" in text


@pytest.mark.parametrize("lang, expected", [("it", "graduatoria"), ("en", "ranking")])
def test_selection_says_ranking_not_first_come(lang, expected):
    assert expected in answer("selection", lang).text


@pytest.mark.parametrize("lang, portal, validation", [
    ("it", "portale regionale Bandi e Servizi, accedendo con SPID o CNS", "fino a 48 ore"),
    ("en", "regional Bandi e Servizi portal, signing in with SPID or CNS", "up to 48 hours"),
])
def test_how_to_apply_says_where_and_how(lang, portal, validation):
    # «Dove si presenta la domanda? Serve lo SPID?»
    text = answer("how_to_apply", lang, today=OPEN_DAY).text
    assert portal in text and validation in text


def test_how_to_apply_on_an_open_call_does_not_repeat_the_status():
    assert "The call" not in answer("how_to_apply", "en", today=OPEN_DAY).text


def test_how_to_apply_on_a_closed_call_says_it_is_closed_before_offering_help():
    lines = answer("how_to_apply", "en", today=dt.date(2026, 1, 1)).text.splitlines()
    closed = next(i for i, line in enumerate(lines) if line.startswith("The call has been closed since 9 September 2025"))
    helps = next(i for i, line in enumerate(lines) if "helps you with the application" in line)
    assert closed < helps


@pytest.mark.parametrize("lang, title, content", [
    ("it", "Piano d'azione per l'internazionalizzazione", "indagini di mercato"),
    ("en", "Internationalisation Action Plan", "market surveys"),
])
def test_documents_give_the_action_plan_and_its_contents(lang, title, content):
    text = answer("documents", lang).text
    assert title in text and content in text


def test_documents_not_found_are_said_unknown():
    assert "were not found" in answer("documents", "en", call_ids=["bando-export-2024"]).text


@pytest.mark.parametrize("lang, export, sheets", [
    ("it", "Export dell'anno solare precedente sul volume d'affari: al massimo 40%", "Bilanci approvati: almeno 2"),
    ("en", "Exports in the previous calendar year as a share of turnover (volume d'affari): at most 40%", "Approved balance sheets: at least 2"),
])
def test_who_puts_the_criteria_in_words(lang, export, sheets):
    text = answer("who", lang).text
    assert export in text and sheets in text


def test_who_lists_the_conditions_to_confirm():
    text = answer("who", "en", call_ids=["bando-export-2024"]).text
    assert "To confirm: the project must be carried out with an export manager." in text
