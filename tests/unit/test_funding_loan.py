"""Loan plans: 1.5% a year paid half-yearly (0.75% a period), interest-only pre-amortisation
included in the duration, then equal instalments; the call allows 3-6 years and at most 24
months of pre-amortisation (FACTS.md §1)."""
from decimal import Decimal as D

import pytest

from bot.funding import FundingInputError, FundingParamsError, loan_plan, plan_within_terms
from bot.funding.loan import LoanTerms
from tests.unit.test_funding_calls import VNM_LOAN

VNM_TERMS = LoanTerms.from_mapping(VNM_LOAN)


def test_65000_over_6_years_is_12_instalments_of_5684_35():
    plan = loan_plan(65_000, D("1.5"), 6, 0, 2)
    assert (plan.instalments, plan.interest_only_payments, plan.instalment) == (12, 0, D("5684.35"))
    assert [row.payment for row in plan.rows[:11]] == [D("5684.35")] * 11


def test_the_last_instalment_absorbs_the_rounding():
    plan = loan_plan(65_000, D("1.5"), 6, 0, 2)
    assert plan.rows[-1].payment == D("5684.28")
    assert plan.rows[-1].balance == D("0.00")


def test_first_instalment_pays_0_75_percent_interest_on_the_whole_loan():
    first = loan_plan(65_000, D("1.5"), 6, 0, 2).rows[0]
    assert (first.interest, first.principal, first.balance) == (D("487.50"), D("5196.85"), D("59803.15"))


def test_total_interest_over_6_years():
    assert loan_plan(65_000, D("1.5"), 6, 0, 2).total_interest == D("3212.13")


def test_5_years_with_12_months_pre_amortisation_is_2_interest_payments_then_8_instalments():
    plan = loan_plan(65_000, D("1.5"), 5, 12, 2)
    assert [row.kind for row in plan.rows] == ["interest"] * 2 + ["instalment"] * 8
    assert [row.payment for row in plan.rows[:2]] == [D("487.50"), D("487.50")]
    assert plan.instalment == D("8401.61")
    assert [row.n for row in plan.rows] == list(range(1, 11))


def test_pre_amortisation_repays_no_principal():
    plan = loan_plan(65_000, D("1.5"), 5, 12, 2)
    assert all(row.principal == 0 and row.balance == D("65000.00") for row in plan.rows[:2])


@pytest.mark.parametrize("years, months", [(y, m) for y in range(3, 7) for m in range(0, 25, 6)])
def test_every_allowed_duration_repays_the_loan_exactly(years, months):
    plan = VNM_TERMS.plan(D("70941.00"), VNM_TERMS.choose(years, months))
    assert len(plan.rows) == years * 2
    assert plan.interest_only_payments == months // 6
    assert sum(row.principal for row in plan.rows) == D("70941.00")
    assert plan.rows[-1].balance == 0
    assert len({row.payment for row in plan.rows[plan.interest_only_payments:-1]}) <= 1


def test_zero_principal_gives_an_empty_plan():
    plan = loan_plan(0, D("1.5"), 6, 0, 2)
    assert (plan.rows, plan.instalments, plan.instalment, plan.total_interest) == ((), 0, 0, 0)


def test_a_zero_rate_loan_is_split_in_equal_principal_parts():
    plan = loan_plan(60_000, 0, 3, 0, 2)
    assert [row.payment for row in plan.rows] == [D("10000.00")] * 6
    assert plan.total_interest == 0


def test_a_loan_of_a_few_cents_never_repays_more_than_it_owes():
    plan = loan_plan(D("0.07"), D("1.5"), 6, 0, 2)
    assert sum(row.principal for row in plan.rows) == D("0.07")
    assert all(row.balance >= 0 for row in plan.rows)


@pytest.mark.parametrize("years, months", [(0, 0), (3, 5), (3, 36), (3, -6)])
def test_a_duration_no_plan_can_have_is_a_value_error(years, months):
    with pytest.raises(ValueError):
        loan_plan(65_000, D("1.5"), years, months, 2)


@pytest.mark.parametrize("years", [1, 2, 7, 10])
def test_a_duration_outside_3_to_6_years_is_refused(years):
    with pytest.raises(FundingInputError) as err:
        VNM_TERMS.choose(years, 0)
    assert err.value.field == "loan_years"


def test_the_refusal_says_the_allowed_years_in_both_languages():
    with pytest.raises(FundingInputError) as err:
        VNM_TERMS.choose(8, 0)
    assert "3" in err.value.message_it and "6" in err.value.message_it and "anni" in err.value.message_it
    assert "3" in err.value.message_en and "6" in err.value.message_en and "years" in err.value.message_en


@pytest.mark.parametrize("months", [1, 3, 9, 13])
def test_pre_amortisation_that_is_not_whole_half_years_is_refused(months):
    with pytest.raises(FundingInputError) as err:
        VNM_TERMS.choose(6, months)
    assert err.value.field == "preamortisation_months"
    assert "6" in err.value.message_en


def test_pre_amortisation_over_24_months_is_refused():
    with pytest.raises(FundingInputError) as err:
        VNM_TERMS.choose(6, 30)
    assert (err.value.field, "24" in err.value.message_it) == ("preamortisation_months", True)


def test_pre_amortisation_as_long_as_the_loan_is_refused():
    terms = LoanTerms.from_mapping({**VNM_LOAN, "min_years": 1, "max_preamortisation_months": 48})
    with pytest.raises(FundingInputError) as err:
        terms.choose(2, 24)
    assert err.value.field == "preamortisation_months"


def test_no_choice_means_the_longest_loan_and_no_pre_amortisation():
    choice = VNM_TERMS.choose(None, None)
    assert (choice.years, choice.preamortisation_months) == (6, 0)
    assert choice.assumptions == ("loan_years_default_max", "preamortisation_default_zero")


def test_a_given_choice_needs_no_assumption():
    assert VNM_TERMS.choose(4, 6).assumptions == ()


def test_the_chat_can_replan_for_another_duration():
    plan, assumptions = plan_within_terms(65_000, VNM_LOAN, years=5, preamortisation_months=12)
    assert (plan.instalment, plan.instalments, assumptions) == (D("8401.61"), 8, ())


def test_replanning_keeps_the_calls_bounds():
    with pytest.raises(FundingInputError):
        plan_within_terms(65_000, VNM_LOAN, years=7)


def test_loan_terms_need_every_field():
    with pytest.raises(FundingParamsError, match="payments_per_year"):
        LoanTerms.from_mapping({k: v for k, v in VNM_LOAN.items() if k != "payments_per_year"})


def test_payments_must_split_the_year_in_whole_months():
    with pytest.raises(FundingParamsError, match="payments_per_year"):
        LoanTerms.from_mapping({**VNM_LOAN, "payments_per_year": 5})



# Equal-capital plans (SIMEST Fondo 394/81: "rate semestrali a quota capitale costante").

def test_a_six_year_simest_loan_is_8_equal_capital_instalments_after_2_years_of_interest():
    plan = loan_plan(2_000_000, D("0.321"), 6, 24, 2, method="equal_capital")
    assert (plan.interest_only_payments, plan.instalments, plan.method) == (4, 8, "equal_capital")
    assert {row.payment for row in plan.rows[:4]} == {D("3210.00")}  # 0.1605% of 2,000,000 each half-year
    assert {row.principal for row in plan.rows[4:]} == {D("250000.00")}
    assert [row.interest for row in plan.rows[4:]] == [D("3210.00"), D("2808.75"), D("2407.50"), D("2006.25"),
                                                        D("1605.00"), D("1203.75"), D("802.50"), D("401.25")]
    assert plan.total_interest == D("27285.00") and plan.rows[-1].balance == D("0.00")


def test_equal_capital_payments_fall_and_the_first_is_the_instalment_shown():
    plan = loan_plan(100_000, D("1.5"), 2, 0, 2, method="equal_capital")
    assert [row.payment for row in plan.rows] == [D("25750.00"), D("25562.50"), D("25375.00"), D("25187.50")]
    assert plan.instalment == D("25750.00")


def test_the_last_equal_capital_instalment_absorbs_the_rounding():
    plan = loan_plan(D("100000.01"), 0, 3, 0, 1, method="equal_capital")
    assert [row.principal for row in plan.rows] == [D("33333.34"), D("33333.34"), D("33333.33")]
    assert sum(row.principal for row in plan.rows) == D("100000.01")


def test_an_unknown_amortisation_method_is_refused():
    with pytest.raises(ValueError):
        loan_plan(1000, 1, 2, 0, 2, method="balloon")


def test_a_call_that_fixes_duration_and_pre_amortisation_assumes_nothing():
    terms = LoanTerms.from_mapping({**VNM_LOAN, "min_years": 4, "max_years": 4, "min_preamortisation_months": 24,
                                    "max_preamortisation_months": 24, "amortisation": "equal_capital"})
    choice = terms.choose(None, None)
    assert (choice.years, choice.preamortisation_months, choice.assumptions) == (4, 24, ())
    with pytest.raises(FundingInputError) as err:
        terms.choose(4, 12)
    assert err.value.field == "preamortisation_months" and "24" in err.value.message_en


def test_loan_terms_refuse_a_floor_above_the_ceiling():
    with pytest.raises(FundingParamsError, match="min_preamortisation_months"):
        LoanTerms.from_mapping({**VNM_LOAN, "min_preamortisation_months": 30})
