"""The call recogniser over every call file: the names owners used for the first eight calls still
pick the same call now that the national measures and the chambers' calls are in the catalogue,
and the new names pick the new calls, not an older one that shares a word ("voucher", "fiere",
"export") or a place ("Bergamo" is the firm's site before it is a chamber's call)."""
import pytest

from bot.catalogue import Catalogue, full_catalogue
from bot.nlu import extract
from bot.nlu.calls import CallNames
from bot.nlu.words import words

# The calls the chat knew before the new files joined it.
FIRST_EIGHT = ("verso-nuovi-mercati-2025", "linea-internazionalizzazione-2019", "investimenti-ripresa-2021-artigiani",
               "investimenti-ripresa-2021-aree-interne", "fiere-internazionali-2020-2022",
               "fiere-internazionali-2024-2026", "fiere-internazionali-aggregate-2026-2027", "bando-export-2024")


def named(text: str, names: CallNames | None = None) -> list[str]:
    names = names or CallNames(full_catalogue())
    return [hit.call_id for hit in names.find(words(text))]


@pytest.mark.parametrize("text", [
    "Verso Nuovi Mercati", "posso partecipare al bando Verso Nuovi Mercati?", "towards new markets", "nuovi mercati",
    "Bando Export", "il bando export è aperto?", "bando export 2024", "export call 2024", "what about the export call?",
    "fiere internazionali", "bando fiere internazionali", "il bando fiere", "bando fiere 2024", "trade fairs call",
    "the fairs call", "quando chiude il bando fiere?", "fiere internazionali 2020-2022", "fiere in forma aggregata",
    "fiere aggregate", "Linea Internazionalizzazione", "linea internazionalizzazione 2019", "Linea Artigiani",
    "aree interne", "siamo di Bergamo, il bando fiere è aperto?",
])
def test_the_first_calls_names_pick_the_same_call_as_before(text):
    before = CallNames(Catalogue(tuple(c for c in full_catalogue() if c.id in FIRST_EIGHT)))
    assert named(text) == named(text, before) != []


@pytest.mark.parametrize("text, call", [
    ("voucher fiere", "mimit-buono-fiere-2025"),
    ("buono fiere", "mimit-buono-fiere-2025"),
    ("il voucher per le fiere è aperto?", "mimit-buono-fiere-2025"),
    ("fair voucher", "mimit-buono-fiere-2025"),
    ("Pro Brixia", "pro-brixia-voucher-2024"),
    ("SIMEST fiere", "simest-fiere-ed-eventi"),
    ("fiere SIMEST", "simest-fiere-ed-eventi"),
    ("e-commerce SIMEST", "simest-e-commerce"),
    ("SIMEST e-commerce", "simest-e-commerce"),
    ("temporary manager", "simest-temporary-manager"),
    ("SIMEST India", "simest-india"),
    ("SIMEST USA", "simest-usa"),
    ("What are the special terms for Africa?", "simest-condizioni-africa"),
    ("Piano Export", "piano-export-2025-export-su-misura"),
    ("info sul bando Export Plan?", "piano-export-2025-export-su-misura"),
    ("CONneSSi", "connessi-2026"),
    ("bando fiere Bergamo", "bergamo-bando-fiere-2025"),
    ("bando fiere Sondrio", "sondrio-fiere-2025"),
    ("Linea Internazionalizzazione 2021-2027", "linea-internazionalizzazione-2021-2027"),
])
def test_the_new_names_pick_the_new_call_alone(text, call):
    assert named(text) == [call]


@pytest.mark.parametrize("text", [
    "which calls fit my company? we have 25 employees, based in Bergamo",
    "siamo di Brescia, che bandi ci sono?",
    "i bandi della camera di Milano",
    "quali bandi fanno per noi? siamo 25 dipendenti a Bergamo, fatturato 4 milioni, export 30%",
    "bandi per l'export",
    "siamo un'impresa, ci sono bandi?",
])
def test_a_place_or_a_word_many_calls_share_names_no_call(text):
    assert named(text) == []


def test_a_place_in_a_chambers_call_name_is_the_calls_not_the_firms_province():
    found = {(e.entity, e.value) for e in extract("How much does the Brescia AGEF 2507 call give?")}
    assert ("call", "brescia-agef-2507-fiere-italia-2025") in found
    assert not any(entity == "province" for entity, _ in found)


@pytest.mark.parametrize("text, call_id", [
    ("quando finivano le fiere del bando 2020-2022?", "fiere-internazionali-2020-2022"),
    ("the fairs of the 2024-2026 call: until when?", "fiere-internazionali-2024-2026"),
])
def test_a_shared_word_with_a_call_word_and_the_call_s_years_names_that_edition(text, call_id):
    assert [e.value for e in extract(text) if e.entity == "call"] == [call_id]


@pytest.mark.parametrize("text", ["consulenza 8.000, formazione 2.000: quanto contributo mi date?",
                                  "with 12,000 of consultancy and 3,000 of training, how much funding?"])
def test_expense_lines_given_figures_name_no_call(text):
    assert [e.value for e in extract(text) if e.entity == "call"] == []


def test_the_consultancy_line_named_in_full_is_still_recognised():
    assert [e.value for e in extract("il finanziamento SIMEST per certificazioni e consulenze")
            if e.entity == "call"] == ["simest-certificazioni-consulenze"]


@pytest.mark.parametrize("text", ["ci sono contributi per le fiere?", "quali incentivi ci sono per le fiere?",
                                  "any grants for trade fairs?"])
def test_a_word_that_announces_a_call_names_none_even_in_a_title(text):
    # "Como-Lecco – contributi per le fiere 2023" is titled with "contributi": it is not what
    # every owner asking about fair grants means.
    assert named(text) == []


def test_a_question_for_the_measures_of_a_theme_lists_them():
    from bot.nlu.reading import read

    assert read("ci sono contributi per le fiere?").aspect == "list_calls"
    assert read("quali incentivi ci sono per l'e-commerce?").aspect == "list_calls"


@pytest.mark.parametrize("text, call", [
    ("quanto dura il finanziamento SIMEST per l'e-commerce?", "simest-e-commerce"),
    ("SIMEST per le fiere", "simest-fiere-ed-eventi"),
    ("il bando Verso i Nuovi Mercati", "verso-nuovi-mercati-2025"),
])
def test_little_words_inside_a_name_still_name_the_call(text, call):
    assert named(text) == [call]


def test_little_words_after_a_call_word_join_nothing():
    assert named("ci sono bandi per le fiere?") == []  # "bando fiere" is a name; "bandi per le fiere" a question


def test_the_theme_pattern_of_the_list_names_every_theme_the_listing_knows():
    # the concepts are written twice, in aspects.yaml (to read the question) and in THEMES (to filter)
    import yaml

    from bot.conversation.questions import THEMES
    from bot.nlu.aspects import ASPECTS_FILE

    patterns = yaml.safe_load(ASPECTS_FILE.read_text())["aspects"]["list_calls"]["patterns"]
    groups = [set(group) for pattern in patterns for group in pattern["all"] if isinstance(group, list)]
    assert set(THEMES) in groups
