"""What each number is about: amounts and their roles, shares, headcounts, durations, areas, fairs, years."""
import pytest

from bot.nlu import extract


def facts(text):
    return {(e.entity, e.value, e.role) for e in extract(text) if e.entity != "language"}


def test_the_issue_example_gives_every_fact_of_the_company():
    text = ("siamo una srl di Bergamo, 25 dipendenti, 4 milioni di fatturato, export al 30%, "
            "vorremmo investire 100 mila euro in Germania")
    assert facts(text) == {
        ("comune", "Bergamo", None), ("province", "BG", None), ("employees", "25", None),
        ("amount", "4000000", "turnover"), ("percent", "30", "export"),
        ("amount", "100000", "investment"), ("country", "DE", None),
    }


def test_the_same_company_in_english():
    text = "we have 25 employees and a turnover of 4 million euros, exports are 30% of sales"
    assert facts(text) == {("employees", "25", None), ("amount", "4000000", "turnover"), ("percent", "30", "export")}


@pytest.mark.parametrize("text, expected", [
    ("Posso partecipare al bando Verso Nuovi Mercati se l'anno scorso ho esportato il 50% del fatturato?",
     {("call", "verso-nuovi-mercati-2025", None), ("percent", "50", "export")}),
    ("Siamo 60 dipendenti e 12 milioni di fatturato: siamo una piccola o una media impresa?",
     {("employees", "60", None), ("amount", "12000000", "turnover")}),
    ("Quanto prende un nuovo espositore per uno stand di 24 metri quadri a Rho Fiera?",
     {("exhibitor", "new", None), ("sqm", "24", None), ("comune", "Rho", None), ("province", "MI", None)}),
    ("How much funding would I get on a €250,000 project?", {("amount", "250000", "investment")}),
    ("anzi, i dipendenti sono 60", {("employees", "60", None)}),
    ("sorry, exports were 45%", {("percent", "45", "export")}),
    ("quanto mi finanziano su 100.000 €?", {("amount", "100000", None)}),
    ("La consulenza per scrivere il piano d'azione quanto può valere al massimo?", set()),
])
def test_the_issue_examples(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize("text, role", [
    ("4 milioni di fatturato", "turnover"),
    ("ricavi per 2M€", "turnover"),
    ("our revenue is €12M", "turnover"),
    ("totale di bilancio 2 mln", "balance_sheet"),
    ("balance sheet total of 3 million", "balance_sheet"),
    ("vorremmo investire 100 mila euro", "investment"),
    ("un progetto da 80.000 €", "investment"),
    ("budget 250k€", "investment"),
    ("consulenza 10k", "consultancy"),
    ("10.000 € di consulenza", "consultancy"),
    ("70k in iniziative promozionali", "initiatives"),
    ("marketing: 20.000 euro", "initiatives"),
    ("formazione 5.000 €", "training"),
    ("5k training", "training"),
    ("una spesa di 20.000 € per la fiera", "fair_expenses"),
    ("quanto mi finanziano su 100.000 €?", None),
])
def test_an_amount_takes_its_role_from_the_nearest_word_in_its_clause(text, role):
    amounts = [e for e in extract(text) if e.entity == "amount"]
    assert len(amounts) == 1
    assert amounts[0].role == role


def test_each_amount_in_a_list_gets_its_own_role():
    assert facts("consulenza 10.000, iniziative 70.000 e formazione 5.000") == {
        ("amount", "10000", "consultancy"), ("amount", "70000", "initiatives"), ("amount", "5000", "training"),
    }


def test_a_cue_does_not_reach_across_and():
    assert facts("il fatturato è di 4 milioni e vogliamo investire 100k") == {
        ("amount", "4000000", "turnover"), ("amount", "100000", "investment"),
    }


@pytest.mark.parametrize("text", ["il 30 per cento", "trenta per cento", "30 percent", "30 %"])
def test_a_share_without_export_words_has_no_role(text):
    assert facts(text) == {("percent", "30", None)}


@pytest.mark.parametrize("text, share", [
    ("export: un terzo del fatturato", "33.33"),
    ("exports are about a third", "33.33"),
    ("about half of our sales are abroad", "50"),
    ("abbiamo esportato la metà del fatturato", "50"),
    ("export al 30", "30"),
])
def test_shares_in_words_or_without_a_sign_are_read_next_to_export(text, share):
    assert facts(text) == {("percent", share, "export")}


@pytest.mark.parametrize("text", ["a metà del 2024", "il terzo bando", "nella prima metà dell'anno"])
def test_half_and_third_are_not_shares_when_they_mean_a_time_or_an_order(text):
    assert not [e for e in extract(text) if e.entity == "percent"]


@pytest.mark.parametrize("text, count", [
    ("25 dipendenti", "25"),
    ("12 addetti", "12"),
    ("siamo in 25", "25"),
    ("siamo 25", "25"),
    ("we are 25 people", "25"),
    ("we're a team of 45", "45"),
    ("our headcount is 120", "120"),
    ("organico di 30 persone", "30"),
    ("venticinque dipendenti", "25"),
    ("we employ twenty five people", "25"),
    ("25 full-time employees", "25"),
    ("1.200 dipendenti", "1200"),
])
def test_headcounts(text, count):
    assert facts(text) == {("employees", count, None)}


def test_a_count_next_to_other_people_is_not_the_headcount():
    assert facts("2 soci e 8 dipendenti") == {("employees", "8", None)}


def test_a_fraction_of_a_person_is_not_a_headcount():
    assert not [e for e in extract("2,5 dipendenti") if e.entity == "employees"]


@pytest.mark.parametrize("text, expected", [
    ("prestito a 6 anni con 12 mesi di preammortamento", {("years", "6", None), ("months", "12", None)}),
    ("loan over five years with six months pre-amortisation", {("years", "5", None), ("months", "6", None)}),
    ("uno stand di 24 mq", {("sqm", "24", None)}),
    ("24m2", {("sqm", "24", None)}),
    ("a 16 square metres stand", {("sqm", "16", None)}),
    ("due fiere", {("fairs_count", "2", None)}),
    ("3 trade fairs", {("fairs_count", "3", None)}),
    ("nel 2024 abbiamo fatturato 3 milioni", {("year", "2024", None), ("amount", "3000000", "turnover")}),
    ("fatturato 2023: 3,5 milioni", {("year", "2023", None), ("amount", "3500000", "turnover")}),
    ("abbiamo chiuso il 2024 con un fatturato di 7,2 milioni", {("year", "2024", None), ("amount", "7200000", "turnover")}),
    ("since 2019", {("year", "2019", None)}),
])
def test_durations_areas_fairs_and_years(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize("text, kind", [
    ("nuovo espositore", "new"),
    ("è la prima volta che esponiamo", "new"),
    ("first-time exhibitor", "new"),
    ("first time exhibiting", "new"),
    ("espositore abituale", "frequent"),
    ("esponiamo da anni", "frequent"),
    ("we are a regular exhibitor", "frequent"),
])
def test_exhibitor_kind(text, kind):
    assert {(e.entity, e.value) for e in extract(text) if e.entity == "exhibitor"} == {("exhibitor", kind)}


@pytest.mark.parametrize("text, expected", [
    ("-5000 euro di fatturato", ("amount", "-5000", "turnover")),
    ("export al 250%", ("percent", "250", "export")),
    ("1000000000000 dipendenti", ("employees", "1000000000000", None)),
])
def test_absurd_values_are_extracted_as_written_for_the_dialogue_to_explain(text, expected):
    assert expected in facts(text)


@pytest.mark.parametrize("text, count", [("abbiamo 3 bilanci approvati", "3"), ("we have 2 approved balance sheets", "2")])
def test_approved_balance_sheets_are_counted(text, count):
    assert facts(text) == {("balance_sheets", count, None)}


@pytest.mark.parametrize("text, expected", [
    ("siamo attivi dal 2015", ("company_age", "2015", "since")),
    ("operiamo da 6 anni", ("company_age", "6", "years")),
])
def test_the_firms_age_is_read_as_a_founding_year_or_a_duration(text, expected):
    assert facts(text) == {expected}


@pytest.mark.parametrize("text", ["30 giugno", "ho 2 domande", "sei un bot?"])
def test_a_number_nothing_explains_gives_no_entity(text):
    assert facts(text) == set()
