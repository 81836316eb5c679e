"""The queue's priority formula and the Excel CSV, as pure functions."""
from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from bot.catalogue import default_catalogue
from bot.console.export import decimal_comma, excel_csv
from bot.console.queue import priority

TODAY = dt.date(2025, 7, 1)  # Verso Nuovi Mercati 2025 open, closes 2025-09-09 (70 days)


def _enquiry(days_waiting=0, calls=(), **profile):
    return SimpleNamespace(profile=profile, verdicts={"calls": list(calls)}, days_waiting=days_waiting)


def _score(enquiry, today=TODAY):
    """The score on `today` of an enquiry received `days_waiting` days before it."""
    created = dt.datetime.combine(today - dt.timedelta(days=enquiry.days_waiting), dt.time(9), tzinfo=dt.timezone.utc)
    received = SimpleNamespace(profile=enquiry.profile, verdicts=enquiry.verdicts, created_at=created)
    return priority(received, default_catalogue(), today)[0]


def test_an_empty_enquiry_received_today_scores_zero():
    assert _score(_enquiry()) == 0


def test_eligible_for_an_open_call_is_worth_40():
    eligible = _enquiry(calls=[{"id": "verso-nuovi-mercati-2025", "eligible": True}])
    assert _score(eligible) == 40


def test_eligible_for_a_closed_call_is_worth_nothing():
    eligible = _enquiry(calls=[{"id": "verso-nuovi-mercati-2025", "eligible": True}])
    assert _score(eligible, dt.date(2025, 10, 1)) == 0


def test_a_deadline_near_adds_up_to_20():
    undecided = _enquiry(calls=[{"id": "verso-nuovi-mercati-2025", "eligible": None}])
    assert _score(undecided, dt.date(2025, 9, 9)) == 20       # closes today
    assert _score(undecided, dt.date(2025, 8, 25)) == 10      # 15 days left of 30
    assert _score(undecided, dt.date(2025, 7, 1)) == 0        # 70 days left


def test_the_investment_adds_up_to_15_at_half_a_million():
    assert _score(_enquiry(investment_eur="250000")) == 9  # 7.5 for the size + 1.1 for one known fact of 9
    assert _score(_enquiry(vnm_expenses={"consultancy": "600000"})) == 15


def test_completeness_adds_up_to_10_and_waiting_up_to_15():
    full = dict(employees=10, turnover_eur="1", balance_sheet_eur="1", province="BG", lombardy_site=True,
                export_share_pct="5", approved_balance_sheets=2, years_active="3")
    assert _score(_enquiry(**full)) == 9  # 8 of the 9 facts
    assert _score(_enquiry(days_waiting=7)) == 8
    assert _score(_enquiry(days_waiting=40)) == 15


def test_decimal_comma_and_no_thousands_separator():
    assert decimal_comma("85000.50") == "85000,50"
    assert decimal_comma(None) == ""


def test_the_csv_is_bom_semicolon_and_defuses_formulas():
    data = excel_csv(["a", "b"], [["=SUM(A1)", "1,5"]]).decode("utf-8")
    assert data.startswith("\ufeffa;b\r\n")
    assert "'=SUM(A1);1,5" in data
