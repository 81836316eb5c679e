"""Comuni and provinces, and the rule for comuni whose names are everyday words (bot.nlu.places)."""
import pytest

from bot.geo import municipalities
from bot.nlu import extract
from bot.nlu.lexicon import ORDINARY_WORDS
from bot.nlu.places import is_ordinary_word
from bot.nlu.text import folded


def places(text):
    return {(e.entity, e.value) for e in extract(text) if e.entity in ("comune", "province")}


@pytest.mark.parametrize("text, comune, province", [
    ("sono di Voghera", "Voghera", "PV"),
    ("Voghera", "Voghera", "PV"),
    ("voghera", "Voghera", "PV"),
    ("A chi mi rivolgo a Bergamo per farmi aiutare con la domanda?", "Bergamo", "BG"),
    ("Which office covers Pavia now that the chambers merged?", "Pavia", "PV"),
    ("siamo a Cantù", "Cantù", "CO"),
    ("siamo a cantu'", "Cantù", "CO"),
    ("siamo un'azienda di Sesto San Giovanni con 12 addetti", "Sesto San Giovanni", "MI"),
    ("sede operativa a Cassano d'Adda", "Cassano D'Adda", "MI"),
    ("bovisio masciago", "Bovisio-Masciago", "MB"),
    ("Milano, 30 dipendenti", "Milano", "MI"),
    ("we are based in Milan", "Milano", "MI"),
    ("I am from Como", "Como", "CO"),
])
def test_a_comune_comes_with_its_province(text, comune, province):
    assert places(text) == {("comune", comune), ("province", province)}


@pytest.mark.parametrize("text, province", [
    ("provincia di Pavia", "PV"),
    ("We're in Bergamo province", "BG"),
    ("siamo in provincia di Monza e Brianza", "MB"),
    ("Monza e Brianza", "MB"),
    ("Monza Brianza", "MB"),
    ("MB", "MB"),
    ("pv", "PV"),
    ("siamo in provincia di BG", "BG"),
])
def test_a_province_by_name_or_code(text, province):
    assert places(text) == {("province", province)}


@pytest.mark.parametrize("text", ["Seriate (BG)", "Seriate BG", "Seriate, BG", "seriate (bg)"])
def test_a_code_after_a_comune_is_its_province(text):
    assert places(text) == {("comune", "Seriate"), ("province", "BG")}


@pytest.mark.parametrize("text", ["NO", "SI", "no grazie", "mi piace", "lo so", "il PC è rotto", "la PA paga tardi"])
def test_two_letters_that_are_words_are_not_provinces(text):
    assert places(text) == set()


@pytest.mark.parametrize("text, comune", [
    ("ho sede a Sale", "Sale"),
    ("a Sale", "Sale"),
    ("Sale (AL)", "Sale"),
    ("sono di Paese", "Paese"),
    ("la nostra sede è a Opera", "Opera"),
    ("Opera", "Opera"),
    ("ho sede a Calcio in provincia di BG", "Calcio"),
    ("vicino a Fondi", "Fondi"),
    ("la sede è a Gorgonzola", "Gorgonzola"),
])
def test_a_comune_named_like_a_word_is_a_place_when_the_context_says_so(text, comune):
    assert ("comune", comune) in places(text)


@pytest.mark.parametrize("text", [
    "produzione di massa",
    "il calcio è la mia passione",
    "i fondi europei per l'export",
    "Fondi europei per l'export",
    "la sale riunioni",
    "un mese di preammortamento",
    "un'opera d'arte",
    "sei in paese?",
    "il terzo bando",
    "grado di internazionalizzazione",
    "Salve",
    "none of them",
    "ora vorrei sapere",
    "esportiamo gorgonzola e taleggio in Germania",
])
def test_a_word_that_is_also_a_comune_is_not_a_place_in_running_text(text):
    assert places(text) == set()


def test_a_comune_capitalised_mid_sentence_is_a_place():
    assert ("comune", "Rho") in places("Quanto prende un espositore a Rho Fiera?")


def test_an_ambiguous_name_gives_the_comune_but_no_guessed_province():
    homonyms = {c.province for c in municipalities.candidates("Castro")}
    assert len(homonyms) > 1
    assert places("siamo a Castro") == {("comune", "Castro")}


def test_an_ambiguous_name_with_its_code_gets_that_province():
    assert places("siamo a Castro (BG)") == {("comune", "Castro"), ("province", "BG")}


def test_every_listed_ordinary_word_is_really_a_comune():
    # The list exists to guard comuni; a word that is no comune has no reason to be there.
    names = {folded(c.name) for c in municipalities.comuni()}
    assert sorted(w for w in ORDINARY_WORDS if w not in names) == []


@pytest.mark.parametrize("name, ordinary", [
    ("Sale", True), ("Cento", True), ("Nove", True), ("Rho", True), ("Paese", True),
    ("Voghera", False), ("Bergamo", False), ("Sesto San Giovanni", False),
])
def test_which_names_are_ordinary_words(name, ordinary):
    assert is_ordinary_word(name) is ordinary


@pytest.mark.parametrize("text, comune", [("sale", "Sale"), ("Calcio.", "Calcio"), ("opera", "Opera"), ("Paese", "Paese")])
def test_a_comune_named_like_a_word_is_a_place_as_the_whole_answer(text, comune):
    assert ("comune", comune) in places(text)


@pytest.mark.parametrize("text", ["nove", "Cento", "ora", "Salve", "bella"])
def test_numbers_greetings_and_little_words_alone_are_not_places(text):
    assert places(text) == set()
