"""Fair grants: 2020-2022 by exhibitor type and number of fairs (FACTS.md §2); 2024-2026 by
stand area with flat rates (FACTS.md §3)."""
from decimal import Decimal as D

import pytest

from bot.funding import MissingFacts, compute
from bot.profile import parse_profile
from tests.unit.test_funding_calls import FAIRS_2020, FAIRS_2024


def fairs_2020(exhibitor="new", count=1, expenses=10_000, sme_class="small", startup=False):
    facts = {"fairs": {"count": count, "exhibitor": exhibitor, "eligible_expenses": expenses}}
    if startup is not None:
        facts["startup"] = startup
    return compute(FAIRS_2020, None, parse_profile(facts), sme_class)


def fairs_2024(sqm=20, exhibitor="new", sme_class="small", startup=False, years_active=None):
    facts = {"fairs": {"stand_sqm": sqm, "exhibitor": exhibitor}}
    if startup is not None:
        facts["startup"] = startup
    if years_active is not None:
        facts["years_active"] = years_active
    return compute(FAIRS_2024, None, parse_profile(facts), sme_class)


# ---- 2020-2022 ----

@pytest.mark.parametrize("exhibitor, count, sme_class, startup, grant", [
    ("new", 1, "small", False, "5000.00"),
    ("new", 3, "small", False, "6000.00"),
    ("frequent", 1, "small", False, "4000.00"),
    ("frequent", 2, "small", False, "5000.00"),
    ("new", 1, "micro", False, "5500.00"),
    ("new", 1, "small", True, "5500.00"),
    ("new", 2, "micro", True, "7000.00"),
    ("frequent", 1, "micro", True, "5000.00"),
    ("frequent", 2, "micro", False, "5500.00"),
    ("frequent", 2, "medium", True, "5500.00"),
])
def test_grant_rate_depends_on_exhibitor_fairs_and_bonuses(exhibitor, count, sme_class, startup, grant):
    assert fairs_2020(exhibitor, count, 10_000, sme_class, startup).grant == D(grant)


@pytest.mark.parametrize("exhibitor, cap", [("new", "15000.00"), ("frequent", "10000.00")])
def test_grant_stops_at_the_exhibitors_cap(exhibitor, cap):
    result = fairs_2020(exhibitor, 2, 100_000, "micro", True)
    assert result.grant == D(cap)
    assert [(c.item, c.allowed, c.rule) for c in result.cuts] == [("grant", D(cap), "grant_cap")]


def test_a_grant_exactly_at_the_cap_is_not_a_cut():
    result = fairs_2020("new", 2, 25_000)  # 60% of 25,000
    assert (result.grant, result.cuts) == (D("15000.00"), ())


def test_the_firm_pays_the_rest_and_there_is_no_loan():
    result = fairs_2020("new", 1, 12_000)
    assert (result.grant, result.loan, result.own_contribution) == (D("6000.00"), D("0.00"), D("6000.00"))


def test_expenses_under_6000_are_below_the_minimum():
    assert fairs_2020(expenses=D("5999.99")).below_minimum is True
    assert fairs_2020(expenses=6_000).below_minimum is False


def test_an_unknown_size_earns_no_micro_bonus_and_says_so():
    result = fairs_2020(sme_class=None)
    assert result.grant == D("5000.00")
    assert result.assumptions == ("micro_bonus_unknown",)


def test_an_unknown_start_up_status_earns_no_bonus_and_says_so():
    result = fairs_2020(startup=None)
    assert result.grant == D("5000.00")
    assert result.assumptions == ("startup_bonus_unknown",)


def test_the_effective_rate_is_reported():
    assert fairs_2020("new", 2, sme_class="micro", startup=True).grant_pct == D(70)


def test_missing_fair_facts_are_asked_in_order():
    with pytest.raises(MissingFacts) as err:
        compute(FAIRS_2020, None, parse_profile({"fairs": {"exhibitor": "new"}}), "small")
    assert err.value.keys == ["fairs.count", "fairs.eligible_expenses"]


# ---- 2024-2026 ----

def test_20_sqm_worked_example():
    result = fairs_2024(20)
    assert result.breakdown == (("stand_space", D("8800.00")), ("staff_flat", D("1760.00")),
                                ("indirect_flat", D("739.20")), ("total_eligible", D("11299.20")))
    assert (result.grant, result.own_contribution) == (D("5649.60"), D("5649.60"))


def test_20_sqm_for_a_micro_enterprise():
    assert fairs_2024(20, sme_class="micro").grant == D("6214.56")


def test_a_start_up_under_2_years_gets_the_same_bonus():
    assert fairs_2024(20, startup=True, years_active=1).grant == D("6214.56")


def test_a_start_up_of_2_years_or_more_gets_no_bonus():
    assert fairs_2024(20, startup=True, years_active=2).grant == D("5649.60")


def test_a_micro_start_up_gets_the_bonus_once():
    assert fairs_2024(20, sme_class="micro", startup=True, years_active=1).grant == D("6214.56")


def test_a_start_up_of_unknown_age_gets_the_bonus_as_an_assumption():
    result = fairs_2024(20, startup=True)
    assert result.grant == D("6214.56")
    assert result.assumptions == ("startup_age_unknown",)


def test_unknown_size_and_start_up_status_give_no_bonus_and_both_are_noted():
    result = fairs_2024(20, sme_class=None, startup=None)
    assert result.grant == D("5649.60")
    assert result.assumptions == ("micro_bonus_unknown", "startup_bonus_unknown")


def test_a_known_micro_needs_no_assumption_about_start_up_status():
    assert fairs_2024(20, sme_class="micro", startup=None).assumptions == ()


@pytest.mark.parametrize("exhibitor, sqm, cap", [("new", 60, "15000.00"), ("frequent", 30, "8000.00")])
def test_grant_stops_at_the_exhibitors_cap_2024(exhibitor, sqm, cap):
    result = fairs_2024(sqm, exhibitor)
    assert result.grant == D(cap)
    assert [c.rule for c in result.cuts] == ["grant_cap"]


def test_a_frequent_exhibitor_under_the_cap_gets_the_full_rate():
    assert fairs_2024(20, "frequent").grant == D("5649.60")


def test_a_stand_too_small_for_6000_is_below_the_minimum():
    result = fairs_2024(10)  # 5,649.60 eligible
    assert result.total_eligible == D("5649.60")
    assert result.below_minimum is True


def test_a_stand_reaching_6000_is_eligible():
    assert fairs_2024(11).below_minimum is False  # 6,214.56 eligible


def test_missing_stand_facts_are_asked_in_order():
    with pytest.raises(MissingFacts) as err:
        compute(FAIRS_2024, None, parse_profile({}), "small")
    assert err.value.keys == ["fairs.stand_sqm", "fairs.exhibitor"]
