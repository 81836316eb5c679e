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
