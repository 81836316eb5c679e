"""Target countries (pycountry names in Italian and English) and calls (the catalogue's titles and aliases)."""
import pytest

from bot.catalogue import default_catalogue
from bot.nlu import extract


def found(text, kind):
    return [e.value for e in extract(text) if e.entity == kind]


@pytest.mark.parametrize("text, codes", [
    ("vorremmo investire in Germania", ["DE"]),
    ("we want to sell in Germany", ["DE"]),
    ("esportiamo in Stati Uniti, Emirati e Cina", ["US", "AE", "CN"]),
    ("Stati Uniti d'America", ["US"]),
    ("we sell to the USA and the UK", ["US", "GB"]),
    ("we export to Turkey, India and the United States", ["TR", "IN", "US"]),
    ("Regno Unito e Paesi Bassi", ["GB", "NL"]),
    ("in Olanda e in Corea del Sud", ["NL", "KR"]),
    ("Svizzera", ["CH"]),
    ("nel Principato di Monaco", ["MC"]),
])
def test_countries_in_italian_and_english(text, codes):
    assert found(text, "country") == codes


@pytest.mark.parametrize("text", [
    "give us the details",
    "i mali dell'export",
    "turkey for dinner",
    "una fiera a Monaco",  # Munich, most likely: no guess
])
def test_words_that_look_like_countries_are_not(text):
    assert found(text, "country") == []


@pytest.mark.parametrize("text, call", [
    ("Posso partecipare al bando Verso Nuovi Mercati?", "verso-nuovi-mercati-2025"),
    ("am I eligible for Towards New Markets?", "verso-nuovi-mercati-2025"),
    ("vnm?", "verso-nuovi-mercati-2025"),
    ("il bando Export 2024 è aperto?", "bando-export-2024"),
    ("bando fiere 2024: quanto prende un nuovo espositore?", "fiere-internazionali-2024-2026"),
    ("Fiere internazionali in Lombardia 2020-2022", "fiere-internazionali-2020-2022"),
    ("Linea Artigiani", "investimenti-ripresa-2021-artigiani"),
])
def test_calls_by_title_or_alias(text, call):
    assert found(text, "call") == [call]


def test_every_alias_of_every_call_is_recognised():
    for call in default_catalogue():
        for alias in call.data.get("aliases", []):
            assert call.id in found(f"info sul bando {alias}?", "call"), alias


def test_a_year_in_a_call_title_is_not_a_year_entity():
    assert found("Fiere internazionali in Lombardia 2024-2026", "year") == []
