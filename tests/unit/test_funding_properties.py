"""Properties every result keeps, whatever the amounts: the money adds up to the cent, nothing is
negative, no aid above its cap, the caps hold after cuts, and a loan plan repays the loan."""
from decimal import Decimal as D

from hypothesis import given, settings, strategies as st

from bot.funding import compute, loan_plan
from bot.money import cents
from bot.profile import parse_profile
from tests.unit.test_funding_calls import FAIRS_2020, FAIRS_2024, LINEA_2019, RIPRESA, VNM, VNM_LOAN
from tests.unit.test_funding_expense_caps import CENT, meets_caps

FAST = settings(max_examples=200, deadline=None)

# Cent amounts from zero to beyond every ceiling, with small values well represented.
amounts = st.one_of(
    st.integers(0, 100_000), st.integers(0, 10_000_000), st.integers(0, 200_000_000),
).map(lambda n: D(n).scaleb(-2))
sme_classes = st.sampled_from(["micro", "small", "medium", None])
startups = st.sampled_from([True, False, None])


def assert_adds_up(result):
    assert result.grant + result.loan + result.own_contribution == result.total_eligible
    assert min(result.grant, result.loan, result.own_contribution, result.total_eligible) >= 0
    assert dict(result.breakdown)["total_eligible"] == result.total_eligible


def assert_plan_repays(plan, loan):
    assert plan.principal == loan
    assert sum((row.principal for row in plan.rows), D(0)) == loan
    assert not plan.rows or plan.rows[-1].balance == 0
    assert all(min(row.payment, row.interest, row.principal, row.balance) >= 0 for row in plan.rows)


vnm_choices = st.tuples(st.integers(3, 6), st.sampled_from([0, 6, 12, 18, 24]))


@FAST
@given(amounts, amounts, amounts, vnm_choices)
def test_vnm_results_add_up_respect_caps_and_repay(consultancy, initiatives, training, choice):
    profile = parse_profile({"vnm_expenses": {"consultancy": consultancy, "initiatives": initiatives,
                                              "training": training},
                             "loan_years": choice[0], "preamortisation_months": choice[1]})
    result = compute(VNM, VNM_LOAN, profile, "small")
    lines = dict(result.breakdown)
    assert_adds_up(result)
    assert result.grant <= D("120000") and result.loan <= D("390000")
    assert meets_caps(lines["consultancy"], lines["initiatives"], lines["training"])
    assert_plan_repays(result.loan_plan, result.loan)


@FAST
@given(amounts, amounts, amounts)
def test_vnm_cuts_keep_the_greatest_amounts_the_caps_allow(consultancy, initiatives, training):
    profile = parse_profile({"vnm_expenses": {"consultancy": consultancy, "initiatives": initiatives,
                                              "training": training}})
    lines = dict(compute(VNM, VNM_LOAN, profile, "small").breakdown)
    a, b, c = lines["consultancy"], lines["initiatives"], lines["training"]
    # nothing a few cents larger, in either amount or both, still meets the caps
    for grow_a in range(0, 4):
        for grow_c in range(0, 4):
            bigger = (a + grow_a * CENT, c + grow_c * CENT)
            if (grow_a or grow_c) and bigger[0] <= consultancy and bigger[1] <= training:
                assert not meets_caps(bigger[0], b, bigger[1])


@FAST
@given(st.sampled_from(["new", "frequent"]), st.integers(1, 5), amounts, sme_classes, startups)
def test_fair_grants_2020_add_up_and_stay_under_the_cap(exhibitor, count, expenses, sme_class, startup):
    facts = {"fairs": {"count": count, "exhibitor": exhibitor, "eligible_expenses": expenses}}
    if startup is not None:
        facts["startup"] = startup
    result = compute(FAIRS_2020, None, parse_profile(facts), sme_class)
    assert_adds_up(result)
    assert result.grant <= {"new": D("15000"), "frequent": D("10000")}[exhibitor]
    assert result.grant <= cents(result.total_eligible * D("0.70"))  # 60% + both bonuses


@FAST
@given(st.sampled_from(["new", "frequent"]), st.integers(1, 100_000).map(lambda n: D(n).scaleb(-2)),
       sme_classes, startups, st.one_of(st.none(), st.integers(0, 10)))
def test_fair_grants_2024_add_up_and_stay_under_the_cap(exhibitor, sqm, sme_class, startup, years):
    facts = {"fairs": {"stand_sqm": sqm, "exhibitor": exhibitor}}
    if startup is not None:
        facts["startup"] = startup
    if years is not None:
        facts["years_active"] = years
    result = compute(FAIRS_2024, None, parse_profile(facts), sme_class)
    assert_adds_up(result)
    assert result.grant <= {"new": D("15000"), "frequent": D("8000")}[exhibitor]
    assert result.grant <= cents(result.total_eligible * D("0.55"))  # 50% + the bonus


@FAST
@given(st.sampled_from([LINEA_2019, RIPRESA]), amounts)
def test_percent_of_investment_adds_up_and_stays_under_the_cap(funding, investment):
    result = compute(funding, None, parse_profile({"investment_eur": investment}), "small")
    assert_adds_up(result)
    assert result.grant + result.loan <= D(funding["params"]["max_amount"])


@FAST
@given(amounts, st.sampled_from([0, D("0.5"), D("1.5"), 3, 12]), st.integers(1, 10),
       st.sampled_from([1, 2, 4, 12]), st.integers(0, 40))
def test_every_plan_repays_exactly_its_principal(principal, rate, years, per_year, periods_grace):
    period_months = 12 // per_year
    preamortisation = min(periods_grace, years * per_year - 1) * period_months
    plan = loan_plan(principal, rate, years, preamortisation, per_year)
    assert_plan_repays(plan, principal)
    if principal > 0:
        assert len(plan.rows) == years * per_year
