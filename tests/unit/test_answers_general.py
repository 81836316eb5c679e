"""General questions: the list of calls, de minimis, the SME definition, Lombardia Points, PID,
EEN and which desk serves the firm."""
import datetime as dt

import pytest

from bot.answers import Inputs, answer
from bot.profile import parse_profile

OPEN_DAY = dt.date(2025, 7, 1)


def test_the_list_puts_open_calls_first_then_the_most_recently_closed_then_the_announced():
    lines = answer("list_calls", "en", today=OPEN_DAY).text.splitlines()
    assert lines[1:4] == ["• Bergamo – Fairs Call 2025 - open until 14 July 2025",
                          "• International trade fairs in Lombardy 2024-2026 - open until 31 August 2026",
                          "• Verso Nuovi Mercati (Towards New Markets) 2025 - open until 9 September 2025"]
    assert all(" - opens on " in line for line in lines[4:8])  # the chambers' calls of the winter
    assert lines[8:10] == ["• Pro Brixia – vouchers for fairs abroad and internationalisation services 2024 - closed since 13 December 2024",
                           "• Export Call 2024 (Unioncamere Lombardia) - closed since 16 September 2024"]
    national = lines.index("National measures (not only for Lombardy):")
    assert lines[national - 1] == "• Export Plan 2025 – \"Export su misura\" (Lombardy Region and Unioncamere Lombardia) - announced, no dates yet"
    assert "• International trade fairs for groups of firms 2026-2027 - announced, no dates yet" in lines[:national]


def test_the_list_says_when_no_lombard_call_is_open_and_lists_the_national_measures_apart():
    # SIMEST's lines are always open: mixed in, they would hide that no Lombard call is
    lines = answer("list_calls", "it", today=dt.date(2026, 11, 21)).text.splitlines()
    assert lines[1] == "Nessun bando regionale o camerale per l'internazionalizzazione è aperto oggi."
    national = lines.index("Misure nazionali (non solo per la Lombardia):")
    assert "• SIMEST – E-commerce - aperta a sportello, fino a esaurimento dei fondi" in lines[national:]
    assert not any("SIMEST" in line for line in lines[:national])


@pytest.mark.parametrize("lang, heading", [("it", "Le misure SIMEST che conosco, al 3 dicembre 2026:"),
                                            ("en", "The SIMEST measures I know, as of 3 December 2026:")])
def test_a_question_about_simest_lists_its_lines_only(lang, heading):
    lines = answer("list_calls", lang, today=dt.date(2026, 12, 3), inputs=Inputs(body="SIMEST")).text.splitlines()
    assert lines[0] == heading
    assert len(lines) > 5 and all(line.startswith("• SIMEST – ") for line in lines[1:])


def test_a_body_no_title_starts_with_gives_the_whole_list():
    assert answer("list_calls", "en", today=OPEN_DAY, inputs=Inputs(body="ACME")).text == \
        answer("list_calls", "en", today=OPEN_DAY).text


@pytest.mark.parametrize("question", ["cosa offre SIMEST?", "what does SIMEST offer?", "misure simest"])
def test_simest_named_alone_reads_as_its_list(question):
    from bot.conversation.questions import BODIES
    from bot.nlu.reading import read

    reading = read(question)
    assert reading.aspect == "list_calls" and reading.call_ids == ()
    assert [BODIES[c] for c in reading.concepts if c in BODIES] == ["SIMEST"]


@pytest.mark.parametrize("lang, ceiling, excluded, register", [
    ("it", "al massimo 300.000,00\u00a0€ di aiuti de minimis nell'arco di 3 anni mobili", "pesca", "(RNA)"),
    ("en", "at most €300,000.00 of de minimis aid over a rolling 3 years", "fishing", "(RNA)"),
])
def test_de_minimis_gives_the_ceiling_the_excluded_sectors_and_the_register(lang, ceiling, excluded, register):
    text = answer("de_minimis", lang).text
    assert ceiling in text and excluded in text and register in text


def test_de_minimis_about_a_named_call_says_the_call_is_granted_under_it():
    text = answer("de_minimis", "it", call_ids=["verso-nuovi-mercati-2025"]).text
    assert "«Verso Nuovi Mercati 2025»: Aiuti in regime de minimis" in text


def test_de_minimis_alone_is_the_rule_without_a_call():
    assert "Verso Nuovi Mercati" not in answer("de_minimis", "it").text


@pytest.mark.parametrize("lang, received, left", [
    ("it", 280000, "Vi restano 20.000,00\u00a0€ di spazio de minimis: 300.000,00\u00a0€ in 3 anni mobili, meno i 280.000,00\u00a0€ già ricevuti."),
    ("en", 350000, "With €350,000.00 already received you have reached the de minimis ceiling of €300,000.00"),
])
def test_the_de_minimis_room_left_is_the_ceiling_minus_the_aid_received(lang, received, left):
    # «Abbiamo già ricevuto 280.000 € di de minimis: quanto ci resta?»
    assert left in answer("de_minimis_headroom", lang, inputs=Inputs(amount=received)).text


@pytest.mark.parametrize("lang, verdict, why", [
    ("it", "Con 60 dipendenti e un fatturato di 12.000.000,00\u00a0€ siete una media impresa.",
     "Non siete una piccola impresa perché con 60 addetti superate il limite: servono meno di 50 addetti."),
    ("en", "With 60 employees and a turnover of €12,000,000.00 you are a medium enterprise.",
     "You are not a small enterprise because 60 staff is over the limit: it needs fewer than 50."),
])
def test_sixty_employees_and_twelve_million_make_a_medium_enterprise(lang, verdict, why):
    # «Siamo 60 dipendenti e 12 milioni di fatturato: siamo una piccola o una media impresa?»
    profile = parse_profile({"employees": 60, "turnover_eur": 12_000_000})
    text = answer("sme_definition", lang, profile=profile).text
    assert verdict in text and why in text


def test_both_money_figures_over_the_ceiling_make_a_small_firm_by_staff_no_longer_small():
    profile = parse_profile({"employees": 20, "turnover_eur": 11_000_000, "balance_sheet_eur": 12_000_000})
    text = answer("sme_definition", "en", profile=profile).text
    assert "you are a medium enterprise" in text
    assert "not a small enterprise because turnover and balance sheet total are both over €10,000,000.00" in text


def test_an_unsettled_size_says_what_is_missing():
    text = answer("sme_definition", "it", profile=parse_profile({"employees": 8})).text
    assert "da microimpresa a grande impresa" in text and "fatturato e totale di bilancio" in text


@pytest.mark.parametrize("share, kind", [(30, "is a partner enterprise"), (60, "you are linked enterprises"), (10, "you stay an autonomous enterprise")])
def test_a_holding_says_what_kind_of_enterprise_the_other_company_is(share, kind):
    assert kind in answer("partner_rule", "en", inputs=Inputs(percent=share)).text


def test_partner_enterprises_get_the_warning():
    profile = parse_profile({"employees": 8, "turnover_eur": 1_000_000, "partner_or_linked": True})
    assert "partner or linked enterprises" in answer("sme_definition", "en", profile=profile).text


def test_without_figures_the_definition_itself_is_given():
    text = answer("sme_definition", "en").text
    assert "Small: fewer than 50 staff and turnover or balance sheet total up to €10,000,000.00." in text
    assert "public control of 25% or more" in text


@pytest.mark.parametrize("lang, service", [("it", "incontri d'affari internazionali (matchmaking)"),
                                           ("en", "international matchmaking")])
def test_lombardia_point_lists_its_free_services(lang, service):
    assert service in answer("lombardia_point", lang).text


def test_lombardia_point_names_the_firms_own_desk():
    text = answer("lombardia_point", "en", profile=parse_profile({"province": "BS"})).text
    assert "the desk is the internationalisation service of the Camera di Commercio di Brescia" in text


@pytest.mark.parametrize("lang, expected", [("it", "autovalutazione"), ("en", "self-assessment")])
def test_pid_says_what_the_digital_enterprise_points_do(lang, expected):
    assert expected in answer("pid", lang).text


@pytest.mark.parametrize("lang", ["it", "en"])
def test_een_names_the_simpler_consortium(lang):
    text = answer("een", lang).text
    assert "SIMPLER" in text and "eensimpler.it" in text


@pytest.mark.parametrize("lang, chamber, merger", [
    ("it", "Camera di Commercio di Cremona-Mantova-Pavia", "18 novembre 2024"),
    ("en", "Camera di Commercio di Cremona-Mantova-Pavia", "18 November 2024"),
])
def test_pavia_is_served_by_the_merged_chamber(lang, chamber, merger):
    # «Which office covers Pavia now that the chambers merged?»
    text = answer("desk", lang, profile=parse_profile({"province": "PV"})).text
    assert chamber in text and merger in text and "Mantova" in text


def test_the_desk_says_the_contacts_must_be_confirmed():
    text = answer("desk", "en", profile=parse_profile({"comune": "Voghera"})).text
    assert "Voghera (PV)" in text and "please confirm them on the Chamber of Commerce's official website" in text


def test_a_firm_outside_lombardy_is_told_so():
    text = answer("desk", "it", profile=parse_profile({"comune": "Torino"})).text
    assert text.startswith("Torino (TO) non è in Lombardia")


def test_without_a_place_the_desk_answer_asks_for_it_and_lists_the_seven_chambers():
    lines = answer("desk", "en").text.splitlines()
    assert "municipality or province" in lines[0]
    assert len([line for line in lines if line.startswith("• Camera di Commercio")]) == 7
