from decimal import Decimal

import pytest

from bot import sme
from bot.profile import parse_profile


def size(**facts):
    return sme.size_class(parse_profile(facts))


@pytest.mark.parametrize("employees, turnover, balance, expected", [
    (9, 2_000_000, None, "micro"),
    (9, 2_000_001, 2_000_000, "micro"),        # either ceiling is enough
    (10, 1_000_000, 1_000_000, "small"),       # staff alone lifts the class
    (49, 10_000_000, None, "small"),
    (60, 12_000_000, None, "medium"),          # the "60 dipendenti e 12 milioni"
    (249, 50_000_000, None, "medium"),
    (249, 50_000_001, 43_000_000, "medium"),
    (249, 50_000_001, 43_000_001, "large"),
    (250, 1_000_000, 1_000_000, "large"),
])
def test_size_class_follows_the_eu_ceilings(employees, turnover, balance, expected):
    facts = {"employees": employees, "turnover_eur": turnover}
    if balance is not None:
        facts["balance_sheet_eur"] = balance
    assert size(**facts) == expected


def test_headcount_of_250_is_large_whatever_the_money():
    assert size(employees=250) == "large"


def test_turnover_over_the_ceiling_needs_the_balance_sheet_to_decide():
    profile = parse_profile({"employees": 20, "turnover_eur": 60_000_000})
    assert sme.size_class(profile) is None
    assert sme.missing_for_size(profile) == ["balance_sheet_eur"]


def test_small_staff_and_turnover_within_its_ceiling_settles_without_balance_sheet():
    assert size(employees=20, turnover_eur=5_000_000) == "small"


def test_a_sme_by_range_even_when_the_class_is_open():
    rng = sme.size_range(parse_profile({"employees": 20, "turnover_eur": 30_000_000}))
    assert (rng.lowest, rng.highest) == ("small", "medium")
    assert rng.surely_sme and rng.settled is None


def test_without_headcount_nothing_is_settled():
    profile = parse_profile({"turnover_eur": 1_000})
    assert sme.size_class(profile) is None
    assert sme.missing_for_size(profile) == ["employees"]


def test_partner_or_linked_enterprises_give_a_warning_in_both_languages():
    (warning,) = sme.warnings(parse_profile({"partner_or_linked": True}))
    assert "sommati" in warning["it"] and "added" in warning["en"]
    assert sme.warnings(parse_profile({"partner_or_linked": False})) == []


def test_money_ceilings_are_inclusive_to_the_cent():
    assert size(employees=5, turnover_eur=Decimal("2000000.00")) == "micro"
    assert size(employees=5, turnover_eur=Decimal("2000000.01"), balance_sheet_eur=Decimal("2000000.01")) == "small"
