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
    ({"average_revenues_eur": -1}, "average_revenues_eur"),
    ({"plan": ["fairs"]}, "plan.0"),
    ({"target_markets": ["America"]}, "target_markets.0"),
    ({"certifications": ["ISO 9001"]}, "certifications.0"),
    ({"innovative_sme": "no"}, "innovative_sme"),
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


# Issue 8: the measures open today, for a Lombard SME with two balance sheets, average revenues and a plan.
LOMBARD_SME = {
    "employees": 40, "turnover_eur": 6_500_000, "balance_sheet_eur": 5_000_000, "comune": "Monza",
    "export_share_pct": 22, "approved_balance_sheets": 2, "average_revenues_eur": 2_000_000,
    "plan": ["fair", "ecommerce"], "target_markets": ["DE"], "investment_eur": 150_000,
}


def test_a_lombard_sme_with_a_plan_sees_the_fitting_simest_lines_open_with_their_amounts(tmp_path):
    done = run(tmp_path, LOMBARD_SME, "--today", "2026-12-02")
    assert done.returncode == 0, done.stderr
    calls = {c["id"]: c for c in json.loads(done.stdout)["calls"]}
    for line in ("simest-fiere-ed-eventi", "simest-e-commerce"):
        call = calls[line]
        assert call["status"] == "open" and call["subject_to_funds"] and call["eligible"] is True
        money = call["funding"]
        # 150,000 asked, within 20% of 2,000,000; an SME exporting 22% earns the 10% grant share.
        assert (money["grant"], money["loan"], money["grant_share"]["state"]) == (15000.0, 135000.0, "earned")
        assert money["loan_range"]["max"] == 400000.0 and money["amortisation"] == "equal_capital"
        assert money["instalments"] == 4 and money["interest_only_payments"] == 4
        assert call["rate"]["basis"] == "eu_reference_rate_share" and call["rate"]["read_on"]
    assert calls["simest-inserimento-mercati-esteri"]["eligible"] is False  # no shop abroad in the plan
    for regional in ("verso-nuovi-mercati-2025", "linea-internazionalizzazione-2021-2027",
                     "fiere-internazionali-2024-2026", "connessi-2026"):
        assert calls[regional]["status"] == "closed", regional
    assert calls["connessi-2026"]["eligible"] is True  # Monza is in the Milan chamber's territory
    assert calls["bergamo-bando-fiere-2025"]["eligible"] is False


def test_missing_facts_of_the_measures_are_listed_by_field(tmp_path):
    facts = {key: value for key, value in LOMBARD_SME.items() if key not in ("average_revenues_eur", "plan")}
    out = json.loads(run(tmp_path, facts, "--today", "2026-12-02").stdout)
    fairs = next(c for c in out["calls"] if c["id"] == "simest-fiere-ed-eventi")
    assert fairs["eligible"] is None and "plan" in fairs["missing"]
    ecommerce = next(c for c in out["calls"] if c["id"] == "simest-e-commerce")
    assert ecommerce["funding"] is None and "average_revenues_eur" in ecommerce["missing"]
    assert {"plan", "average_revenues_eur"} <= set(out["missing"])
