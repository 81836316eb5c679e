from decimal import Decimal

import pytest

from bot.profile import ProfileError, parse_profile


def test_every_fact_is_optional():
    profile = parse_profile({})
    assert profile.employees is None and not profile.has("vnm_expenses.training")


def test_amounts_become_exact_decimals():
    profile = parse_profile({"turnover_eur": 0.1, "vnm_expenses": {"training": "1234.56"}})
    assert profile.turnover_eur == Decimal("0.1")
    assert profile.vnm_expenses.training == Decimal("1234.56")
    assert profile.has("vnm_expenses.training")


def test_a_comune_fills_in_its_province():
    profile = parse_profile({"comune": "voghera"})
    assert (profile.comune, profile.province) == ("Voghera", "PV")


def test_a_comune_and_a_province_that_disagree_are_refused():
    with pytest.raises(ProfileError) as err:
        parse_profile({"comune": "Voghera", "province": "BG"})
    assert err.value.field == "comune"


def test_province_codes_are_read_in_any_case():
    assert parse_profile({"province": "mb"}).province == "MB"


@pytest.mark.parametrize("facts, field", [
    ({"export_share_pct": -1}, "export_share_pct"),
    ({"years_active": 10_000}, "years_active"),
    ({"fairs": {"stand_sqm": 0}}, "fairs.stand_sqm"),
    ({"fairs": {"count": 0}}, "fairs.count"),
    ({"fairs": "many"}, "fairs"),
    ({"startup": "yes"}, "startup"),
    ({"comune": "x" * 500}, "comune"),
    ({"turnover_eur": "Infinity"}, "turnover_eur"),
])
def test_implausible_facts_name_their_field(facts, field):
    with pytest.raises(ProfileError) as err:
        parse_profile(facts)
    assert err.value.field == field


# Facts of the national measures (SIMEST Fondo 394/81).

def test_the_measures_facts_are_read():
    profile = parse_profile({
        "average_revenues_eur": "1500000.50", "certifications": ["iso_45001"], "female_owned": True,
        "youth_owned": False, "innovative_sme": True, "innovative_startup": False,
        "target_markets": ["us", "central_south_america", "IN"], "plan": ["fair", "ecommerce"]})
    assert profile.average_revenues_eur == Decimal("1500000.50")
    assert profile.certifications == {"iso_45001"} and profile.female_owned and profile.innovative_sme
    assert profile.target_markets == {"US", "IN", "central_south_america"}
    assert profile.plan == {"fair", "ecommerce"}


def test_no_certification_is_a_fact_not_a_gap():
    profile = parse_profile({"certifications": []})
    assert profile.certifications == frozenset() and profile.has("certifications")


@pytest.mark.parametrize("facts, field", [
    ({"average_revenues_eur": -5}, "average_revenues_eur"),
    ({"certifications": "iso_45001"}, "certifications"),
    ({"certifications": ["iso_45001", "iso_9001"]}, "certifications.1"),
    ({"female_owned": "yes"}, "female_owned"),
    ({"innovative_sme": 1}, "innovative_sme"),
    ({"target_markets": ["Narnia"]}, "target_markets.0"),
    ({"target_markets": ["US", "XX"]}, "target_markets.1"),
    ({"target_markets": []}, "target_markets"),
    ({"target_markets": [7]}, "target_markets.0"),
    ({"plan": ["holiday"]}, "plan.0"),
    ({"plan": ["fair"] * 51}, "plan"),
])
def test_bad_measures_facts_name_their_field(facts, field):
    with pytest.raises(ProfileError) as err:
        parse_profile(facts)
    assert err.value.field == field
