"""The measures API for the chat: what a firm can apply for today, and what to watch."""
import datetime as dt

import pytest

from bot.measures import calls_to_watch, open_measures
from bot.profile import ProfileError, parse_profile

TODAY = dt.date(2026, 12, 2)
# A Lombard small firm with two balance sheets, its average revenues and a plan.
BRESCIA_SME = {
    "employees": 40, "turnover_eur": 6_500_000, "balance_sheet_eur": 5_000_000, "comune": "Brescia",
    "export_share_pct": 12, "approved_balance_sheets": 2, "average_revenues_eur": 6_000_000,
    "plan": ["fair", "ecommerce"], "target_markets": ["US"],
}


def ids(items):
    return [item.call.id for item in items]


def test_today_the_open_measures_that_fit_the_plan_are_simest_ones():
    offers = open_measures(parse_profile(BRESCIA_SME), TODAY)
    assert ids(offers) == ["simest-e-commerce", "simest-fiere-ed-eventi", "simest-usa"]
    fairs = offers[1].to_dict()
    assert fairs["managing_body"]["it"].startswith("SIMEST") and "portale SIMEST" in fairs["how_to_apply"]["it"]
    assert fairs["status"] == "open" and fairs["subject_to_funds"] and fairs["eligible"] is True
    assert fairs["funding"]["loan_range"] == {"min": 10000.0, "max": 500000.0, "revenue_cap": 1200000.0,
                                              "size_cap": 500000.0, "revenue_basis": "average_last_two"}
    assert fairs["rate"]["read_on"] == "2025-09" and fairs["rate"]["share_pct"] == 10
    assert fairs["stale"] is False and fairs["stale_note"] is None


def test_another_plan_gives_other_lines():
    offers = open_measures(parse_profile(BRESCIA_SME), TODAY, plan=["temporary_manager"])
    assert ids(offers) == ["simest-temporary-manager", "simest-usa"]


def test_a_measure_the_firm_fails_is_not_offered():
    firm = {**BRESCIA_SME, "approved_balance_sheets": 1, "plan": ["ecommerce"]}
    assert "simest-e-commerce" not in ids(open_measures(parse_profile(firm), TODAY))


def test_undetermined_measures_are_offered_with_what_they_miss():
    firm = {key: value for key, value in BRESCIA_SME.items() if key not in ("plan", "target_markets")}
    offers = {offer.call.id: offer.to_dict() for offer in open_measures(parse_profile(firm), TODAY)}
    assert offers["simest-inserimento-mercati-esteri"]["eligible"] is None
    assert "plan" in offers["simest-inserimento-mercati-esteri"]["missing"]
    assert "target_markets" in offers["simest-america-centrale-meridionale"]["missing"]


def test_an_unknown_plan_names_the_field():
    with pytest.raises(ProfileError) as err:
        open_measures(parse_profile(BRESCIA_SME), TODAY, plan=["holiday"])
    assert err.value.field == "plan"


def test_the_latin_america_terms_are_offered_until_the_end_of_2026_only():
    firm = {**BRESCIA_SME, "target_markets": ["BR"], "plan": ["digital_ecological"]}
    assert "simest-america-centrale-meridionale" in ids(open_measures(parse_profile(firm), TODAY))
    assert "simest-america-centrale-meridionale" not in ids(open_measures(parse_profile(firm), dt.date(2027, 1, 1)))


def test_a_stale_offer_says_when_it_was_checked():
    (offer, *_) = open_measures(parse_profile(BRESCIA_SME), dt.date(2027, 7, 1))
    data = offer.to_dict()
    assert data["stale"] is True and "1 December 2026" in data["stale_note"]["en"]
    assert "1 dicembre 2026" in data["stale_note"]["it"]


def test_the_calls_to_watch_are_the_announced_then_the_closed_most_recent_first():
    watch = calls_to_watch(TODAY, parse_profile(BRESCIA_SME))
    statuses = [item.status for item in watch]
    assert statuses == sorted(statuses, key=["upcoming", "announced", "closed"].index)
    closed = [item.closes for item in watch if item.status == "closed" and item.closes]
    assert closed == sorted(closed, reverse=True)
    assert "connessi-2026" not in ids(watch)  # a Milan chamber's call: the firm is in Brescia
    assert {"brescia-agef-2507-fiere-italia-2025", "verso-nuovi-mercati-2025"} <= set(ids(watch))


def test_a_watched_call_gives_its_last_known_and_disputed_dates():
    watch = {item.call.id: item.to_dict() for item in calls_to_watch(TODAY)}
    aggregate = watch["fiere-internazionali-aggregate-2026-2027"]
    assert aggregate["status"] == "announced"
    assert [d["opens"] for d in aggregate["reported_dates"]] == [None, "2025-05-06", "2026-01-01"]
    connessi = watch["connessi-2026"]
    assert (connessi["opens"], connessi["closes"]) == ("2026-02-05", "2026-04-09")
    assert "2027" in connessi["next_edition"]["en"]
    assert watch["piano-export-2025-export-su-misura"]["status"] == "announced"
    assert "simest-fiere-ed-eventi" not in watch  # open today
