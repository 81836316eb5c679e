"""The assessment in words: the verdict, the ranked list, the profile summary and what a
correction changed (the FACTS.md §1 worked example, on a day the call is open)."""
import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from bot.answers import render_assessment, render_changes, render_profile
from bot.assess import assess
from bot.profile import parse_profile

OPEN_DAY = dt.date(2025, 7, 1)
VNM = "verso-nuovi-mercati-2025"
WORKED = parse_profile({"employees": 25, "turnover_eur": 4000000, "comune": "Bergamo", "export_share_pct": 30,
                        "approved_balance_sheets": 3,
                        "vnm_expenses": {"consultancy": 10000, "initiatives": 70000, "training": 5000}})


@pytest.fixture(scope="module")
def worked():
    return assess(WORKED, today=OPEN_DAY)


@pytest.mark.parametrize("lang, verdict, money", [
    ("it", "Sì: da quello che mi avete detto, avete i requisiti per «Verso Nuovi Mercati 2025».",
     ["• Contributo a fondo perduto: 21.828,00\u00a0€", "• Finanziamento agevolato: 70.941,00\u00a0€",
      "• A vostro carico: 16.371,00\u00a0€"]),
    ("en", "Yes: from what you told me, your company is eligible for “Verso Nuovi Mercati (Towards New Markets) 2025”.",
     ["• Non-repayable grant: €21,828.00", "• Subsidised loan: €70,941.00", "• Your own share: €16,371.00"]),
])
def test_the_verdict_gives_the_outcome_and_the_money_as_a_list(worked, lang, verdict, money):
    lines = render_assessment(worked, lang, VNM).text.splitlines()
    assert lines[0] == verdict
    for line in money:
        assert line in lines


def test_the_verdict_gives_reasons_status_breakdown_next_step_and_desk(worked):
    text = render_assessment(worked, "en", VNM).text
    for part in ("✓ Exports in the previous calendar year", "closes on 9 September 2025",
                 "staff (flat rate) €17,000.00", "12 semi-annual (every six months) instalments of €6,203.90",
                 "Assumption: the longest duration allowed (6 years).", "The call is open: prepare the application",
                 "Camera di Commercio di Bergamo", "indicative estimate"):
        assert part in text


@pytest.mark.parametrize("lang, export, verdict", [
    ("it", 30, "Sì: da quello che mi avete detto, avreste avuto i requisiti per «Verso Nuovi Mercati 2025»."),
    ("it", 45, "No: da quello che mi avete detto, non avreste avuto i requisiti per «Verso Nuovi Mercati 2025»."),
    ("en", 30, "Yes: from what you told me, your company would have qualified for “Verso Nuovi Mercati (Towards New Markets) 2025”."),
])
def test_the_verdict_on_a_closed_call_says_what_it_would_have_been(lang, export, verdict):
    closed = assess(replace(WORKED, export_share_pct=Decimal(export)), today=dt.date(2026, 12, 2))
    assert render_assessment(closed, lang, VNM).text.splitlines()[0] == verdict


def test_a_failed_verdict_gives_the_failing_reason():
    text = render_assessment(assess(replace(WORKED, export_share_pct=Decimal(45)), today=OPEN_DAY), "it", VNM).text
    assert text.startswith("No:") and "✗ Export dell'anno solare precedente sul volume d'affari: 45%" in text


def test_the_ranked_list_puts_the_eligible_open_call_first_with_its_grant(worked):
    lines = render_assessment(worked, "en").text.splitlines()
    assert lines[1] == "Open now:"
    opened = lines[2:lines.index(next(line for line in lines[2:] if not line.startswith("✓")))]
    # the Bergamo chamber's fairs call is open too on that day, for a firm in Bergamo
    assert "✓ Verso Nuovi Mercati (Towards New Markets) 2025 - open until 9 September 2025: " \
           "you are eligible (estimated grant €21,828.00)" in opened


def test_the_ranked_list_leaves_out_closed_calls_the_firm_would_not_have_qualified_for(worked):
    assert "Export Call 2024" not in render_assessment(worked, "en").text


def test_the_ranked_list_gives_the_failing_reason_of_an_open_call():
    lines = render_assessment(assess(WORKED, today=dt.date(2024, 7, 1)), "en").text.splitlines()
    assert any(line.startswith("✗ Export Call 2024") and "below 20%" in line for line in lines)


@pytest.mark.parametrize("lang, lines", [
    ("it", ["Ecco cosa so di voi:", "• Dipendenti: 25", "• Fatturato: 4.000.000,00\u00a0€", "• Sede: Bergamo (BG)",
            "• Export dell'anno scorso sul volume d'affari: 30%", "• Dimensione: piccola impresa"]),
    ("en", ["Here is what I know about you:", "• Employees: 25", "• Site: Bergamo (BG)", "• Training: €5,000.00",
            "• Size: small enterprise"]),
])
def test_the_profile_summary_lists_what_the_bot_knows(lang, lines):
    text = render_profile(WORKED, lang)
    for line in lines:
        assert line in text.splitlines()


def test_an_empty_profile_says_nothing_is_known_yet():
    assert render_profile(parse_profile({}), "en").startswith("I don't know anything about your company yet")


def test_a_correction_that_keeps_the_verdict_says_so(worked):
    after = assess(replace(WORKED, employees=60), today=OPEN_DAY)
    assert render_changes(worked, after, "it", VNM) == (
        "Con 60 dipendenti il verdetto su «Verso Nuovi Mercati 2025» non cambia: requisiti soddisfatti.")


def test_a_correction_that_flips_the_verdict_says_from_what_to_what(worked):
    after = assess(replace(WORKED, export_share_pct=Decimal(45)), today=OPEN_DAY)
    assert render_changes(worked, after, "en", VNM) == (
        "With exports at 45%, your company is no longer eligible for “Verso Nuovi Mercati (Towards New Markets) 2025”:\n"
        "✗ Exports in the previous calendar year as a share of turnover (volume d'affari): 45%, above the limit of 40%.")


def test_a_correction_of_the_expenses_says_how_the_grant_moves(worked):
    after = assess(replace(WORKED, vnm_expenses=replace(WORKED.vnm_expenses, initiatives=Decimal(100000))), today=OPEN_DAY)
    text = render_changes(worked, after, "en", VNM)
    assert "The grant goes from €21,828.00 to €29,532.00." in text


def test_across_all_calls_only_what_changed_is_told(worked):
    after = assess(replace(WORKED, employees=60), today=OPEN_DAY)
    assert render_changes(worked, after, "en") == "With 60 employees, no verdict and no figure changes."
