"""The funding sections of the calls, written as they appear in the call files (YAML), with the
figures of FACTS.md. The other test_funding_* modules import them; the tests here check that each
section computes from YAML-typed numbers (int, float, str) exactly as from Decimals."""
import pytest
import yaml

from bot.funding import compute
from bot.profile import parse_profile

VNM = yaml.safe_load("""
model: flat_rate_mixed
params:
  direct_costs: [consultancy, initiatives, training]
  consultancy_cap_pct: 20
  training_cap_pct: 10
  staff_flat_pct: 20
  indirect_flat_pct: 7
  minimum_total: 30000
  max_aid_base: 600000
  grant_pct: 20
  loan_pct: 65
""")

VNM_LOAN = yaml.safe_load("""
rate_pct: 1.5
min_years: 3
max_years: 6
max_preamortisation_months: 24
payments_per_year: 2
""")

FAIRS_2020 = yaml.safe_load("""
model: fair_grant_by_exhibitor
params:
  new: {one_fair_pct: 50, more_fairs_pct: 60, max_grant: 15000}
  frequent: {one_fair_pct: 40, more_fairs_pct: 50, max_grant: 10000}
  micro_bonus_pct: 5
  startup_bonus_pct: 5
  minimum_expenses: 6000
""")

FAIRS_2024 = yaml.safe_load("""
model: fair_area_flat_rate
params:
  eur_per_sqm: 440
  staff_flat_pct: 20
  indirect_flat_pct: 7
  grant_pct: 50
  bonus_pct: 5
  startup_max_years: 2
  max_grant: {new: 15000, frequent: 8000}
  minimum_total: 6000
""")

LINEA_2019 = yaml.safe_load("""
model: percent_of_investment
params: {kind: loan, pct: 80, min_amount: 50000, max_amount: 500000, minimum_investment: 62500}
""")

RIPRESA = yaml.safe_load("""
model: percent_of_investment
params: {kind: grant, pct: 50, min_amount: null, max_amount: 40000, minimum_investment: 15000}
""")


def as_strings(section):
    """The same section with every number written as a string, as a hand-edited YAML might."""
    if isinstance(section, dict):
        return {key: as_strings(value) for key, value in section.items()}
    if isinstance(section, (int, float)) and not isinstance(section, bool):
        return str(section)
    return section


SAMPLES = [
    (VNM, VNM_LOAN, {"vnm_expenses": {"consultancy": 10000, "initiatives": 70000, "training": 5000}}),
    (FAIRS_2020, None, {"fairs": {"count": 2, "exhibitor": "new", "eligible_expenses": 12000}}),
    (FAIRS_2024, None, {"fairs": {"stand_sqm": 20, "exhibitor": "new"}}),
    (LINEA_2019, None, {"investment_eur": 100000}),
    (RIPRESA, None, {"investment_eur": 30000}),
]


@pytest.mark.parametrize("funding, loan, facts", SAMPLES,
                         ids=["vnm", "fairs_2020", "fairs_2024", "linea_2019", "ripresa"])
def test_numbers_written_as_strings_give_the_same_result(funding, loan, facts):
    profile = parse_profile(facts)
    as_numbers = compute(funding, loan, profile, "small")
    as_text = compute(as_strings(funding), as_strings(loan), profile, "small")
    assert as_text == as_numbers
