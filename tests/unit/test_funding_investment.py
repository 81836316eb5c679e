"""A share of the investment: Linea Internazionalizzazione 2019 (loan 80%, 50,000-500,000,
project >= 62,500) and Investimenti per la Ripresa (grant 50% up to 40,000, investment >= 15,000)."""
from decimal import Decimal as D

import pytest

from bot.funding import MissingFacts, compute
from bot.profile import parse_profile
from tests.unit.test_funding_calls import LINEA_2019, RIPRESA, VNM_LOAN


def invest(funding, amount, loan_terms=None, **facts):
    return compute(funding, loan_terms, parse_profile({"investment_eur": amount, **facts}), "small")


def test_linea_lends_80_percent_of_the_project():
    result = invest(LINEA_2019, 100_000)
    assert (result.loan, result.grant, result.own_contribution) == (D("80000.00"), D("0.00"), D("20000.00"))


def test_linea_minimum_project_of_62500_gives_the_minimum_loan():
    result = invest(LINEA_2019, 62_500)
    assert (result.loan, result.below_minimum) == (D("50000.00"), False)


def test_linea_project_a_cent_under_the_minimum_is_below_it():
    assert invest(LINEA_2019, D("62499.99")).below_minimum is True


def test_linea_loan_reaches_500000_without_a_cut():
    result = invest(LINEA_2019, 625_000)
    assert (result.loan, result.cuts) == (D("500000.00"), ())


def test_linea_loan_stops_at_500000():
    result = invest(LINEA_2019, 700_000)
    assert result.loan == D("500000.00")
    assert result.own_contribution == D("200000.00")
    assert [(c.item, c.requested, c.allowed, c.rule) for c in result.cuts] == [
        ("loan", D("560000.00"), D("500000.00"), "loan_cap")]


def test_linea_has_no_plan_because_its_instalments_are_unknown():
    assert invest(LINEA_2019, 100_000).loan_plan is None


def test_a_percent_loan_with_loan_terms_gets_a_plan():
    result = invest(LINEA_2019, 100_000, loan_terms=VNM_LOAN, loan_years=3)
    assert result.loan_plan.principal == D("80000.00")
    assert result.assumptions == ("preamortisation_default_zero",)


def test_a_loan_under_its_minimum_amount_is_below_the_minimum():
    funding = {"model": "percent_of_investment",
               "params": {"kind": "loan", "pct": 80, "min_amount": 50_000, "max_amount": 500_000,
                          "minimum_investment": None}}
    assert invest(funding, D("62499.99")).below_minimum is True
    assert invest(funding, 62_500).below_minimum is False


def test_ripresa_grants_half_the_investment():
    result = invest(RIPRESA, 30_000)
    assert (result.grant, result.loan, result.own_contribution) == (D("15000.00"), D("0.00"), D("15000.00"))


@pytest.mark.parametrize("investment, below", [(D("14999.99"), True), (15_000, False)])
def test_ripresa_minimum_investment_is_15000(investment, below):
    assert invest(RIPRESA, investment).below_minimum is below


def test_ripresa_grant_reaches_40000_without_a_cut():
    assert (invest(RIPRESA, 80_000).grant, invest(RIPRESA, 80_000).cuts) == (D("40000.00"), ())


def test_ripresa_grant_stops_at_40000():
    result = invest(RIPRESA, 100_000)
    assert (result.grant, [c.rule for c in result.cuts]) == (D("40000.00"), ["grant_cap"])


def test_the_investment_is_asked_when_missing():
    with pytest.raises(MissingFacts) as err:
        compute(RIPRESA, None, parse_profile({}), "small")
    assert err.value.keys == ["investment_eur"]
