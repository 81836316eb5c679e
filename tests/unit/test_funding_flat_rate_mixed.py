"""Verso Nuovi Mercati: capped direct costs, flat rates, 20% grant + 65% loan (FACTS.md §1)."""
import copy
from decimal import Decimal as D

import pytest

from bot.funding import FundingInputError, FundingParamsError, MissingFacts, compute
from bot.profile import parse_profile
from tests.unit.test_funding_calls import VNM, VNM_LOAN


def vnm(consultancy, initiatives, training, funding=VNM, **facts):
    expenses = {"consultancy": consultancy, "initiatives": initiatives, "training": training}
    profile = parse_profile({"vnm_expenses": expenses, **facts})
    return compute(funding, VNM_LOAN, profile, "small")


def vnm_with_params(**changes):
    funding = copy.deepcopy(VNM)
    funding["params"].update(changes)
    return funding


def line(result, item):
    return dict(result.breakdown)[item]


def test_worked_example_matches_to_the_cent():
    result = vnm(10_000, 70_000, 5_000)
    assert result.breakdown == (
        ("consultancy", D("10000.00")), ("initiatives", D("70000.00")), ("training", D("5000.00")),
        ("direct_costs", D("85000.00")), ("staff_flat", D("17000.00")),
        ("indirect_flat", D("7140.00")), ("total_eligible", D("109140.00")))
    assert (result.grant, result.loan, result.own_contribution) == (D("21828.00"), D("70941.00"), D("16371.00"))


def test_worked_example_has_no_cut_and_is_above_the_minimum():
    result = vnm(10_000, 70_000, 5_000)
    assert result.cuts == ()
    assert result.below_minimum is False
    assert result.minimum == D("30000")


def test_aid_base_is_the_total_when_under_the_ceiling():
    assert vnm(10_000, 70_000, 5_000).aid_base == D("109140.00")


def test_consultancy_over_20_percent_of_initiatives_and_training_is_cut_to_it():
    result = vnm(30_000, 70_000, 5_000)
    assert line(result, "consultancy") == D("15000.00")
    assert [(c.item, c.requested, c.allowed, c.rule) for c in result.cuts] == [
        ("consultancy", D("30000.00"), D("15000.00"), "consultancy_cap")]


def test_training_over_10_percent_of_the_total_is_cut_to_the_largest_amount_within_it():
    result = vnm(0, 50_000, 20_000)
    assert line(result, "training") == D("7365.76")
    assert line(result, "training") <= line(result, "total_eligible") / 10
    assert [(c.item, c.rule) for c in result.cuts] == [("training", "training_cap")]


def test_when_both_caps_bind_each_cut_is_reported():
    result = vnm(20_000, 50_000, 20_000)
    assert (line(result, "consultancy"), line(result, "training")) == (D("11821.44"), D("9107.24"))
    assert [c.rule for c in result.cuts] == ["consultancy_cap", "training_cap"]


def test_initiatives_are_never_cut():
    assert line(vnm(1_000_000, 40_000, 1_000_000), "initiatives") == D("40000.00")


def test_without_initiatives_neither_consultancy_nor_training_is_eligible():
    result = vnm(5_000, 0, 7_000)
    assert (line(result, "consultancy"), line(result, "training")) == (D("0.00"), D("0.00"))


def test_total_of_30000_is_eligible():
    result = vnm(0, D("23364.48"), 0)  # direct costs that make exactly 30,000.00
    assert result.total_eligible == D("30000.00")
    assert result.below_minimum is False


def test_total_just_under_30000_is_below_the_minimum_but_still_computed():
    result = vnm(0, D("23364.47"), 0)  # 29,999.98: no direct cost gives 29,999.99 at 1.284
    assert result.total_eligible == D("29999.98")
    assert result.below_minimum is True
    assert result.grant == D("6000.00")


def test_minimum_is_strict_to_the_cent_without_flat_rates():
    funding = vnm_with_params(staff_flat_pct=0, indirect_flat_pct=0)
    assert vnm(0, D("29999.99"), 0, funding=funding).below_minimum is True
    assert vnm(0, D("30000.00"), 0, funding=funding).below_minimum is False


def test_a_total_of_exactly_600000_is_all_aided():
    result = vnm(0, D("467289.72"), 0)
    assert (result.total_eligible, result.aid_base) == (D("600000.00"), D("600000.00"))
    assert result.cuts == ()


def test_aid_stops_at_600000_and_the_firm_pays_everything_above():
    result = vnm(0, 1_000_000, 0)
    assert result.total_eligible == D("1284000.00")
    assert result.aid_base == D("600000.00")
    assert (result.grant, result.loan) == (D("120000.00"), D("390000.00"))
    assert result.own_contribution == D("774000.00")
    assert [(c.item, c.requested, c.allowed, c.rule) for c in result.cuts] == [
        ("aid_base", D("1284000.00"), D("600000.00"), "max_aid_base")]


def test_one_cent_over_600000_is_cut_and_paid_by_the_firm():
    result = vnm(0, D("467289.73"), 0)
    assert result.total_eligible > D("600000.00")
    assert result.own_contribution == result.total_eligible - D("510000.00")


def test_loan_defaults_to_the_longest_duration_without_pre_amortisation():
    result = vnm(10_000, 70_000, 5_000)
    assert (result.loan_plan.years, result.loan_plan.preamortisation_months) == (6, 0)
    assert result.assumptions == ("loan_years_default_max", "preamortisation_default_zero")


def test_the_loan_plan_repays_the_loan_amount():
    result = vnm(10_000, 70_000, 5_000, loan_years=4, preamortisation_months=12)
    plan = result.loan_plan
    assert plan.principal == result.loan == D("70941.00")
    assert (plan.years, plan.interest_only_payments, plan.instalments) == (4, 2, 6)
    assert result.assumptions == ()


def test_a_loan_longer_than_the_call_allows_is_refused():
    with pytest.raises(FundingInputError) as err:
        vnm(10_000, 70_000, 5_000, loan_years=8)
    assert err.value.field == "loan_years"


def test_pre_amortisation_over_24_months_is_refused():
    with pytest.raises(FundingInputError) as err:
        vnm(10_000, 70_000, 5_000, loan_years=6, preamortisation_months=30)
    assert err.value.field == "preamortisation_months"


def test_without_a_loan_section_there_is_no_plan():
    profile = parse_profile({"vnm_expenses": {"consultancy": 0, "initiatives": 50_000, "training": 0}})
    result = compute(VNM, None, profile, "small")
    assert result.loan == D("41730.00")  # 65% of 64,200
    assert result.loan_plan is None


def test_missing_expenses_are_asked_in_the_calls_order():
    profile = parse_profile({"vnm_expenses": {"initiatives": 70_000}})
    with pytest.raises(MissingFacts) as err:
        compute(VNM, VNM_LOAN, profile, "small")
    assert err.value.keys == ["vnm_expenses.consultancy", "vnm_expenses.training"]


def test_an_empty_profile_is_asked_all_three_expenses():
    with pytest.raises(MissingFacts) as err:
        compute(VNM, VNM_LOAN, parse_profile({}), None)
    assert err.value.keys == ["vnm_expenses.consultancy", "vnm_expenses.initiatives",
                              "vnm_expenses.training"]


def test_grant_and_loan_over_100_percent_is_a_catalogue_error():
    with pytest.raises(FundingParamsError, match="grant_pct"):
        vnm(10_000, 70_000, 5_000, funding=vnm_with_params(grant_pct=40, loan_pct=65))


def test_direct_costs_must_name_the_three_expense_lines():
    with pytest.raises(FundingParamsError, match="direct_costs"):
        vnm(10_000, 70_000, 5_000, funding=vnm_with_params(direct_costs=["consultancy", "travel"]))


def test_a_missing_param_is_named():
    funding = copy.deepcopy(VNM)
    del funding["params"]["max_aid_base"]
    with pytest.raises(FundingParamsError, match="max_aid_base"):
        vnm(10_000, 70_000, 5_000, funding=funding)
