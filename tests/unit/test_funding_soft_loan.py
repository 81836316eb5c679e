"""SIMEST-style loans: caps relative to the revenues beside caps by size, the grant share earned
only on criteria, the equal-capital plan (CURRENT_2026.md §2)."""
from decimal import Decimal

import pytest

from bot import sme
from bot.catalogue import full_catalogue
from bot.funding import MissingFacts, compute
from bot.profile import parse_profile

D = Decimal
SMALL = {"employees": 25, "turnover_eur": 4_000_000}


def funding(call_id, **facts):
    call = full_catalogue().get(call_id)
    profile = parse_profile(facts)
    return compute(call.funding, call.loan, profile, sme.size_class(profile))


def test_the_revenue_cap_binds_below_the_absolute_one():
    # E-commerce: at most 20% of the average revenues and EUR 500,000.
    result = funding("simest-e-commerce", average_revenues_eur=1_000_000, **SMALL)
    assert result.loan_range.maximum == D("200000.00") and result.loan_range.revenue_cap == D("200000.00")
    assert result.aid_base == D("200000.00") and "financing_at_maximum" in result.assumptions


def test_the_absolute_cap_binds_above_the_revenue_one():
    result = funding("simest-e-commerce", average_revenues_eur=10_000_000, **SMALL)
    assert result.loan_range.revenue_cap == D("2000000.00") and result.loan_range.maximum == D("500000.00")


@pytest.mark.parametrize("facts, cap", [
    ({"employees": 5, "turnover_eur": 1_000_000}, D("500000.00")),     # micro: EUR 500,000
    ({"employees": 40, "turnover_eur": 8_000_000}, D("1050000.00")),   # small: 35% of 3M under 2.5M
    ({"employees": 300, "turnover_eur": 60_000_000}, D("1050000.00")),  # large: 3.5M, revenues bind
])
def test_the_size_cap_of_entering_foreign_markets(facts, cap):
    result = funding("simest-inserimento-mercati-esteri", average_revenues_eur=3_000_000, **facts)
    assert result.loan_range.maximum == cap


def test_a_large_firm_is_capped_at_three_and_a_half_million_on_entering_foreign_markets():
    result = funding("simest-inserimento-mercati-esteri", average_revenues_eur=20_000_000,
                     employees=300, turnover_eur=20_000_000)
    assert result.loan_range.size_cap == D("3500000.00") and result.loan_range.maximum == D("3500000.00")


def test_an_unknown_size_does_not_matter_when_the_revenues_bind_first():
    result = funding("simest-inserimento-mercati-esteri", average_revenues_eur=1_000_000)
    assert result.loan_range.maximum == D("350000.00") and result.loan_range.size_cap is None


def test_an_unknown_size_is_asked_when_it_could_change_the_cap():
    with pytest.raises(MissingFacts) as err:
        funding("simest-inserimento-mercati-esteri", average_revenues_eur=3_000_000)
    assert err.value.keys == ["employees", "turnover_eur"]


def test_without_revenues_the_cap_cannot_be_computed():
    with pytest.raises(MissingFacts) as err:
        funding("simest-e-commerce", **SMALL)
    assert err.value.keys == ["average_revenues_eur"]


def test_fairs_up_to_150k_are_capped_on_the_last_balance_sheet():
    result = funding("simest-fiere-ed-eventi", employees=8, turnover_eur=500_000)
    assert result.loan_range.maximum == D("100000.00") and result.loan_range.basis == "last_balance_sheet"
    assert "revenue_cap_on_last_balance_sheet" in result.assumptions
    bigger = funding("simest-fiere-ed-eventi", employees=8, turnover_eur=1_000_000)
    assert bigger.loan_range.maximum == D("150000.00")  # the single-balance-sheet route stops at 150,000


def test_fairs_above_150k_use_the_average_of_two_balance_sheets():
    result = funding("simest-fiere-ed-eventi", average_revenues_eur=2_000_000, **SMALL)
    assert result.loan_range.maximum == D("400000.00") and result.loan_range.basis == "average_last_two"


def test_a_request_over_the_cap_is_cut_and_one_under_the_minimum_is_flagged():
    over = funding("simest-e-commerce", average_revenues_eur=1_000_000, investment_eur=250_000, **SMALL)
    assert over.aid_base == D("200000.00") and over.own_contribution == D("50000.00")
    assert [cut.rule for cut in over.cuts] == ["revenue_or_size_cap"]
    under = funding("simest-e-commerce", average_revenues_eur=1_000_000, investment_eur=9_000, **SMALL)
    assert under.below_minimum and under.minimum == D("10000.00") and under.loan_plan is None


def test_no_grant_share_without_a_criterion_met_but_the_ones_to_verify_are_listed():
    result = funding("simest-e-commerce", average_revenues_eur=1_000_000, investment_eur=100_000,
                     export_share_pct=5, certifications=[], female_owned=False, youth_owned=False,
                     innovative_sme=False, **SMALL)
    assert result.grant == D("0.00") and result.loan == D("100000.00")
    share = result.grant_share
    assert share.earned is None and share.missing == []
    verify = " ".join(item["en"] for item in share.to_verify)
    assert "Southern Italy" in verify and "Western Balkans" in verify


def test_an_sme_exporting_20_percent_earns_10_percent():
    result = funding("simest-e-commerce", average_revenues_eur=1_000_000, investment_eur=100_000,
                     export_share_pct=20, **SMALL)
    assert result.grant == D("10000.00") and result.loan == D("90000.00") and result.grant_pct == D(10)
    assert result.grant_share.to_dict()["earned"]["routes"][0]["criterion"] == "export_share"


def test_a_certification_earns_it_too_and_unknown_facts_are_reported_missing():
    certified = funding("simest-e-commerce", average_revenues_eur=1_000_000, investment_eur=100_000,
                        certifications=["iso_14001"], **SMALL)
    assert certified.grant == D("10000.00")
    unknown = funding("simest-e-commerce", average_revenues_eur=1_000_000, investment_eur=100_000, **SMALL)
    assert unknown.grant == D("0.00")
    assert unknown.grant_share.missing == ["export_share_pct", "certifications", "female_owned", "youth_owned",
                                           "innovative_sme"]


def test_the_grant_share_stops_at_its_ceiling():
    result = funding("simest-inserimento-mercati-esteri", average_revenues_eur=6_000_000, export_share_pct=30, **SMALL)
    assert result.aid_base == D("2100000.00")
    assert result.grant == D("100000.00") and result.loan == D("2000000.00")


def test_a_large_firm_does_not_earn_the_sme_routes():
    result = funding("simest-e-commerce", average_revenues_eur=60_000_000, export_share_pct=50,
                     employees=300, turnover_eur=60_000_000)
    assert result.grant == D("0.00")
    assert result.grant_share.to_verify  # the Balkans and procurement routes stay open to non-SMEs


def test_an_innovative_sme_earns_20_percent_on_the_digital_and_ecological_line():
    result = funding("simest-transizione-digitale-ecologica", average_revenues_eur=3_000_000,
                     investment_eur=500_000, innovative_sme=True, **SMALL)
    assert result.grant == D("100000.00") and result.grant_pct == D(20)
    capped = funding("simest-transizione-digitale-ecologica", average_revenues_eur=6_000_000,
                     investment_eur=1_500_000, innovative_sme=True, **SMALL)
    assert capped.grant == D("200000.00")


def test_a_10_percent_sme_may_still_earn_20_percent_if_it_is_in_the_south():
    result = funding("simest-transizione-digitale-ecologica", average_revenues_eur=3_000_000,
                     investment_eur=500_000, export_share_pct=25, innovative_sme=False,
                     innovative_startup=False, **SMALL)
    assert result.grant == D("50000.00")
    (possible,) = result.grant_share.possible
    assert possible.tier.id == "raised" and result.grant_share.missing == []
    assert any("South" in item["en"] for item in result.grant_share.to_verify)


def test_the_central_south_america_measure_gives_10_percent_to_every_firm():
    result = funding("simest-america-centrale-meridionale", average_revenues_eur=1_000_000,
                     investment_eur=200_000, **SMALL)
    assert result.grant == D("20000.00") and result.loan == D("180000.00")
    assert result.loan_plan is None  # its pre-amortisation was not found: no plan


def test_the_simest_loan_is_repaid_in_equal_capital_after_two_years_of_interest():
    # E-commerce: 4 years including 2 of pre-amortisation, half-yearly, 0.321% a year.
    result = funding("simest-e-commerce", average_revenues_eur=1_000_000, investment_eur=120_000,
                     export_share_pct=20, **SMALL)
    plan = result.loan_plan
    assert result.loan == D("108000.00") and plan.method == "equal_capital"
    assert [row.kind for row in plan.rows] == ["interest"] * 4 + ["instalment"] * 4
    assert {row.payment for row in plan.rows[:4]} == {D("173.34")}
    assert [row.payment for row in plan.rows[4:]] == [D("27173.34"), D("27130.01"), D("27086.67"), D("27043.34")]
    assert plan.total_interest == D("1126.72") and result.assumptions == ()
