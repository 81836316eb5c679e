"""Flat profiles (form fields, CSV columns) and `python -m bot assess-batch`."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.batch import BatchError, assess_rows, read_rows
from bot.catalogue import default_catalogue
from bot.cli import main
from bot.flat_profile import field_errors, flat_to_profile

DAY = dt.date(2025, 7, 1)


def test_form_texts_become_a_profile_with_exact_amounts():
    profile = flat_to_profile({"employees": "18", "turnover_eur": "3000000,50", "lombardy_site": "sì",
                               "vnm_expenses.training": "5000", "province": "bg", "comune": ""})
    assert profile.employees == 18 and profile.turnover_eur == Decimal("3000000.50")
    assert profile.lombardy_site is True and profile.vnm_expenses.training == Decimal(5000)
    assert profile.province == "BG"


def test_every_wrong_field_is_named_at_once():
    errors = field_errors({"employees": "-3", "startup": "forse", "fairs.exhibitor": "sometimes", "province": "BG"})
    assert set(errors) == {"employees", "startup", "fairs.exhibitor"}


def test_a_municipality_is_checked_with_its_province():
    assert field_errors({"province": "BS", "comune": "Bergamo"})  # Bergamo is not in the province of Brescia
    assert field_errors({"province": "BG", "comune": "Bergamo"}) == {}


def test_the_separator_is_read_from_the_header_and_unknown_columns_are_refused():
    assert read_rows("employees,province\n3,BG\n") == [{"employees": "3", "province": "BG"}]
    assert read_rows("\ufeffemployees;province\n3;BG\n") == [{"employees": "3", "province": "BG"}]
    with pytest.raises(BatchError, match="unknown column 'staff'"):
        read_rows("staff;province\n3;BG\n")


def test_one_row_per_firm_and_call_and_one_error_row_for_a_bad_firm():
    results = assess_rows(read_rows("firm;employees\nAlfa;18\nBeta;x\n"), today=DAY)
    alfa = [r for r in results if r.firm == "Alfa"]
    calls = default_catalogue().ids()  # every call file, as `python -m bot assess` judges them
    assert len(alfa) == len(calls) and {r.call for r in alfa} == set(calls)
    beta = [r for r in results if r.firm == "Beta"]
    assert len(beta) == 1 and beta[0].error == "employees: must be a number" and beta[0].row == 3


def test_the_command_prints_a_csv_with_a_header(tmp_path, capsys):
    source = tmp_path / "firms.csv"
    source.write_text("impresa;employees;province;investment_eur\nAlfa;18;BG;120000\n", encoding="utf-8")
    assert main(["assess-batch", str(source), "--today", "2025-07-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("row,firm,call,status,eligible")
    assert any(line.startswith("2,Alfa,verso-nuovi-mercati-2025,open,") for line in lines)


def test_the_command_refuses_an_unreadable_file_with_status_2(tmp_path, capsys):
    source = tmp_path / "firms.csv"
    source.write_text("staff\n3\n", encoding="utf-8")
    assert main(["assess-batch", str(source)]) == 2
    assert "unknown column 'staff'" in capsys.readouterr().err
