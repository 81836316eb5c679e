"""The advisor command line, run as an advisor runs it."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

WORKED_EXAMPLE = {
    "employees": 25, "turnover_eur": 4_000_000, "comune": "Bergamo", "export_share_pct": 30,
    "approved_balance_sheets": 3, "loan_years": 6, "preamortisation_months": 0,
    "vnm_expenses": {"consultancy": 10_000, "initiatives": 70_000, "training": 5_000},
}


def run(tmp_path, profile, *args, raw=None):
    path = tmp_path / "profile.json"
    path.write_text(raw if raw is not None else json.dumps(profile), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "bot", "assess", str(path), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_the_worked_example_prints_the_verdict_and_the_money(tmp_path):
    done = run(tmp_path, WORKED_EXAMPLE, "--today", "2025-07-01")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["today"] == "2025-07-01" and out["sme_class"] == "small"
    assert out["desk"]["provinces"] == ["BG"]
    vnm = next(c for c in out["calls"] if c["id"] == "verso-nuovi-mercati-2025")
    assert vnm["status"] == "open" and vnm["eligible"] is True and vnm["missing"] == []
    money = {k: vnm["funding"][k] for k in ("total_eligible", "grant", "loan", "own_contribution")}
    assert money == {"total_eligible": 109140.0, "grant": 21828.0, "loan": 70941.0, "own_contribution": 16371.0}
    assert vnm["funding"]["instalments"] == 12 and len(vnm["funding"]["plan"]) == 12
    assert {c["criterion"]: c["result"] for c in vnm["checks"]} == {
        "sme": "pass", "lombardy_site": "pass", "export_share": "pass",
        "balance_sheets": "pass", "minimum_investment": "pass"}


def test_without_today_it_reads_the_real_date(tmp_path):
    out = json.loads(run(tmp_path, WORKED_EXAMPLE).stdout)
    vnm = next(c for c in out["calls"] if c["id"] == "verso-nuovi-mercati-2025")
    assert out["today"] >= "2026-11-21" and vnm["status"] == "closed"


def test_an_empty_profile_lists_what_to_ask(tmp_path):
    out = json.loads(run(tmp_path, {}, "--today", "2025-07-01").stdout)
    # The site's province settles the most open calls (regional and chamber ones), then the track
    # record and revenues the SIMEST lines need; the size comes soon after.
    assert out["missing"][0] == "province"
    assert "employees" in out["missing"][:5] and "average_revenues_eur" in out["missing"][:5]
    assert all(call["eligible"] is None for call in out["calls"])


def test_only_the_calls_asked_for(tmp_path):
    out = json.loads(run(tmp_path, WORKED_EXAMPLE, "--call", "bando-export-2024").stdout)
    assert [c["id"] for c in out["calls"]] == ["bando-export-2024"]


@pytest.mark.parametrize("profile, field", [
    ({"turnover_eur": -1}, "turnover_eur"),
    ({"export_share_pct": 101}, "export_share_pct"),
    ({"export_share_pct": "lots"}, "export_share_pct"),
    ({"province": "XX"}, "province"),
    ({"employees": 10 ** 12}, "employees"),
    ({"employees": 2.5}, "employees"),
    ({"employees": True}, "employees"),
    ({"vnm_expenses": {"training": -5}}, "vnm_expenses.training"),
    ({"vnm_expenses": {"travel": 5}}, "vnm_expenses.travel"),
    ({"fairs": {"exhibitor": "sometimes"}}, "fairs.exhibitor"),
    ({"comune": "Atlantide"}, "comune"),
    ({"employes": 3}, "employes"),
    ([1, 2, 3], "profile"),
])
def test_bad_input_exits_non_zero_naming_the_field(tmp_path, profile, field):
    done = run(tmp_path, profile)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(f"error: {field}")


@pytest.mark.parametrize("raw, words", [
    ("{not json", "not valid JSON"),
    ('{"turnover_eur": NaN}', "not a number"),
    ("[" * 100_000, "nested too deeply"),
    ("{}" + " " * 1_100_000, "larger than"),
], ids=["broken", "nan", "deep", "huge"])
def test_malformed_files_get_a_clear_message(tmp_path, raw, words):
    done = run(tmp_path, None, raw=raw)
    assert done.returncode == 2 and words in done.stderr


def test_a_missing_file_or_bad_date_is_reported(tmp_path):
    done = subprocess.run([sys.executable, "-m", "bot", "assess", str(tmp_path / "nope.json")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "no such file" in done.stderr
    assert run(tmp_path, {}, "--today", "2025-13-01").returncode == 2


def test_an_unknown_call_id_is_reported(tmp_path):
    done = run(tmp_path, {}, "--call", "bando-fantasma")
    assert done.returncode == 2 and "unknown call id" in done.stderr
