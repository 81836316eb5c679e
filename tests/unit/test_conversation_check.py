"""The eligibility check asks only what is missing and still matters, in the engine's order."""
import datetime as dt

from bot.conversation import scope as check
from bot.profile import parse_profile

OPEN_DAY = dt.date(2025, 7, 1)  # Verso Nuovi Mercati open; the 2024-26 fairs call open
VNM = "verso-nuovi-mercati-2025"


def step(scope, skipped=(), prefer=(), **facts):
    return check.next_step(parse_profile(facts), scope, OPEN_DAY, skipped, prefer)


def test_the_headline_call_is_the_one_flagged_in_its_file():
    assert check.headline_call() == VNM


def test_a_check_of_one_call_starts_from_the_headcount():
    assert step(VNM).ask == "employees"


def test_a_check_of_one_call_asks_only_that_calls_facts():
    asked = check.still_needed(step(VNM, employees=12, turnover_eur=1500000).result, VNM)
    assert asked == ["province", "export_share_pct", "approved_balance_sheets", "vnm_expenses.initiatives",
                     "vnm_expenses.training", "vnm_expenses.consultancy"]


def test_the_balance_sheet_total_is_asked_only_when_turnover_does_not_settle_the_size():
    assert step(VNM, employees=100, turnover_eur=60_000_000).ask == "balance_sheet_eur"
    assert step(VNM, employees=12, turnover_eur=1_500_000).ask == "province"


def test_a_call_ruled_out_gives_the_verdict_at_once():
    result = step(VNM, export_share_pct=50)
    assert result.ask is None and result.result.verdict(VNM).eligible is False


def test_every_call_never_asks_a_fact_only_closed_calls_need():
    profile = dict(employees=25, turnover_eur=4_000_000, comune="Bergamo", export_share_pct=30)
    asked = check.still_needed(step(check.ALL_CALLS, **profile).result, check.ALL_CALLS)
    assert "years_active" not in asked and "craft_enterprise" not in asked
    assert "fairs.exhibitor" in asked and "approved_balance_sheets" in asked


def test_a_firm_that_does_not_exhibit_is_asked_nothing_about_fairs():
    profile = dict(employees=25, turnover_eur=4_000_000, comune="Bergamo", export_share_pct=30)
    asked = check.still_needed(step(check.ALL_CALLS, **profile).result, check.ALL_CALLS, skipped=["fairs"])
    assert not [key for key in asked if key.startswith("fairs.")]


def test_a_fact_the_user_could_not_give_is_not_asked_again():
    assert step(VNM, skipped=["employees"]).ask == "turnover_eur"


def test_a_preferred_fact_still_needed_is_asked_first():
    assert step(VNM, prefer=["approved_balance_sheets"]).ask == "approved_balance_sheets"


def test_a_preferred_fact_no_longer_needed_is_passed_over():
    assert step(VNM, prefer=["craft_enterprise"]).ask == "employees"


def test_a_complete_profile_gives_the_verdict():
    result = step(VNM, employees=12, turnover_eur=1_500_000, comune="Seriate", export_share_pct=20,
                  approved_balance_sheets=3,
                  vnm_expenses={"consultancy": 10000, "initiatives": 70000, "training": 5000})
    assert result.ask is None and result.result.verdict(VNM).eligible is True


def test_only_calls_of_the_catalogue_are_known():
    assert check.known_call(VNM) == VNM
    assert check.known_call("drop table") is None and check.known_call({"id": VNM}) is None


def test_the_loan_terms_come_from_the_call_file():
    assert check.loan_terms(VNM)["max_years"] == 6 and check.loan_terms("fiere-internazionali-2024-2026") is None
