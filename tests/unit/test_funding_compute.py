"""compute() picks the call's model, and its result serialises for the UI."""
import json

import pytest

from bot.funding import FundingParamsError, compute
from bot.profile import parse_profile
from tests.unit.test_funding_calls import FAIRS_2024, VNM, VNM_LOAN

VNM_PROFILE = parse_profile({"vnm_expenses": {"consultancy": 10_000, "initiatives": 70_000, "training": 5_000}})


def test_a_call_whose_aid_cannot_be_computed_gives_none():
    assert compute({"model": "none"}, None, VNM_PROFILE, None) is None


def test_an_unknown_model_is_a_catalogue_error():
    with pytest.raises(FundingParamsError, match="unknown model"):
        compute({"model": "lottery", "params": {}}, None, VNM_PROFILE, None)


def test_a_funding_section_without_model_is_a_catalogue_error():
    with pytest.raises(FundingParamsError):
        compute({"params": {}}, None, VNM_PROFILE, None)


def test_a_negative_rate_is_a_catalogue_error():
    funding = {"model": "fair_area_flat_rate", "params": {**FAIRS_2024["params"], "grant_pct": -50}}
    with pytest.raises(FundingParamsError, match="grant_pct"):
        compute(funding, None, parse_profile({"fairs": {"stand_sqm": 20, "exhibitor": "new"}}), None)


def test_a_loan_result_serialises_to_json_with_its_plan():
    data = json.loads(json.dumps(compute(VNM, VNM_LOAN, VNM_PROFILE, "small").to_dict()))
    assert data["grant"] == 21828.0 and data["own_contribution"] == 16371.0
    assert data["breakdown"][-1] == {"item": "total_eligible", "amount": 109140.0}
    assert (data["years"], data["instalments"], data["interest_only_payments"]) == (6, 12, 0)
    assert data["plan"][0]["kind"] == "instalment" and data["plan"][-1]["balance"] == 0.0
    assert data["assumptions"] == ["loan_years_default_max", "preamortisation_default_zero"]


def test_a_grant_result_serialises_without_loan_fields():
    profile = parse_profile({"fairs": {"stand_sqm": 60, "exhibitor": "new"}})
    data = json.loads(json.dumps(compute(FAIRS_2024, None, profile, "small").to_dict()))
    assert "plan" not in data and "instalment" not in data
    assert data["cuts"] == [{"item": "grant", "requested": 16948.8, "allowed": 15000.0, "rule": "grant_cap"}]
    assert data["below_minimum"] is False and data["minimum"] == 6000.0
