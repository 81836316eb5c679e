"""Municipalities and provinces from the national register bundled with python-codicefiscale."""
import pytest

from bot.geo.municipalities import (
    LOMBARDY_PROVINCES,
    Comune,
    PlaceError,
    candidates,
    in_lombardy,
    province_codes,
    resolve,
)


@pytest.mark.parametrize(
    "name, province",
    [
        ("Voghera", "PV"),
        ("Monza", "MB"),  # moved from MI to the new province in 2009
        ("Lodi", "LO"),  # from MI to LO in 1992
        ("Lecco", "LC"),  # from CO to LC in 1992
        ("Bergamo", "BG"),
        ("Milano", "MI"),
        ("Torino", "TO"),
    ],
)
def test_a_municipality_is_found_in_its_current_province(name, province):
    assert resolve(name) == Comune(name, province)


@pytest.mark.parametrize("typed", ["Cantù", "Cantu", "cantu'", "  CANTÙ  ", "can tù"])
def test_case_accents_apostrophes_and_spaces_do_not_matter(typed):
    assert resolve(typed) == Comune("Cantù", "CO")


def test_an_apostrophe_inside_a_name_may_be_left_out():
    assert resolve("Sant Angelo Lodigiano") == Comune("Sant'Angelo Lodigiano", "LO")


def test_a_german_name_in_south_tyrol_finds_the_official_name():
    assert resolve("Bozen") == Comune("Bolzano", "BZ")


def test_homonyms_without_a_province_are_ambiguous_and_list_the_candidates():
    with pytest.raises(PlaceError, match=r"ambiguous.*Castro \(BG\), Castro \(LE\)") as raised:
        resolve("Castro")
    assert raised.value.candidates == (Comune("Castro", "BG"), Comune("Castro", "LE"))


@pytest.mark.parametrize("province", ["BG", "bg", " bg "])
def test_the_province_tells_homonyms_apart(province):
    assert resolve("Castro", province) == Comune("Castro", "BG")


def test_a_blank_province_counts_as_not_given():
    assert resolve("Voghera", " ") == Comune("Voghera", "PV")


def test_candidates_offers_every_homonym_for_a_chat_to_choose():
    assert candidates("peglio") == [Comune("Peglio", "CO"), Comune("Peglio", "PU")]


def test_candidates_of_an_unknown_name_is_empty():
    assert candidates("Atlantide") == []


def test_a_name_in_another_province_is_refused_naming_where_it_is():
    with pytest.raises(PlaceError, match=r"not in province MI.*Monza \(MB\)"):
        resolve("Monza", "MI")


def test_an_unknown_province_code_is_refused():
    with pytest.raises(PlaceError, match="'ZZ' is not an Italian province code"):
        resolve("Milano", "ZZ")


def test_a_misspelt_name_is_refused_with_close_names_suggested():
    with pytest.raises(PlaceError, match=r"did you mean Voghera \(PV\)") as raised:
        resolve("Vogera", "PV")
    assert raised.value.suggestions == (Comune("Voghera", "PV"),)


def test_an_unknown_name_with_nothing_close_is_refused_without_suggestions():
    with pytest.raises(PlaceError, match=r"^'Qwertyuiop' is not an Italian municipality$"):
        resolve("Qwertyuiop")


@pytest.mark.parametrize("garbage", ["", "   ", "!!!", "'-'", 42, None, "x" * 101])
def test_garbage_is_refused_as_a_place_error(garbage):
    with pytest.raises(PlaceError):
        resolve(garbage)


def test_a_ceased_municipality_is_refused_saying_when_it_ceased(monkeypatch):
    monkeypatch.setenv("ORIENTA_TODAY", "2026-06-01")
    with pytest.raises(PlaceError, match=r"Lirio \(PV\)' is no longer a municipality \(ceased on 2026-01-31\)"):
        resolve("Lirio")


def test_the_register_follows_the_clock_so_a_past_day_still_knows_a_later_merged_municipality(monkeypatch):
    monkeypatch.setenv("ORIENTA_TODAY", "2025-06-01")
    assert resolve("Lirio") == Comune("Lirio", "PV")


def test_the_register_follows_the_clock_for_province_changes(monkeypatch):
    monkeypatch.setenv("ORIENTA_TODAY", "2000-01-01")  # before the province of Monza e Brianza
    assert resolve("Monza") == Comune("Monza", "MI")
    assert "MB" not in province_codes()


def test_province_codes_are_the_current_two_letter_codes():
    codes = province_codes()
    assert {"MI", "MB", "LO", "LC", "TO", "RM"} <= codes
    assert all(len(code) == 2 and code.isupper() for code in codes)


def test_provinces_abolished_long_ago_are_not_current():
    assert "FO" not in province_codes()  # Forlì's code until 1992 in the register; FC since


def test_lombardy_has_twelve_provinces_all_current_in_the_register():
    assert len(LOMBARDY_PROVINCES) == 12
    assert LOMBARDY_PROVINCES <= province_codes()


@pytest.mark.parametrize("code, expected", [("PV", True), ("mb", True), (" lo ", True), ("TO", False), ("", False)])
def test_in_lombardy_checks_the_province_code(code, expected):
    assert in_lombardy(code) is expected
