"""Which calls are told to whom (bot/alerts/matching.py), on the real catalogue and chosen days."""
import datetime as dt
import shutil

from bot.alerts.matching import Wishes, alerts_for, channel_posts
from bot.catalogue import CALLS_DIR, load_catalogue
from bot.profile import parse_profile

VNM = "verso-nuovi-mercati-2025"  # open from 3 June to 9 September 2025
FITS = parse_profile({"employees": 20, "turnover_eur": 3_000_000, "balance_sheet_eur": 2_000_000, "province": "BG",
                      "export_share_pct": 20, "approved_balance_sheets": 3})
ONLY_VNM = Wishes(call_ids=(VNM,))
CATALOGUE = load_catalogue()


def told(wishes, day, profile=FITS, already=()):
    return [(alert.call.id, alert.kind) for alert in alerts_for(CATALOGUE, profile, wishes, day, already)]


def posted(day, already=()):
    return [(post.call.id, post.kind) for post in channel_posts(CATALOGUE, day, already) if post.call.id == VNM]


def test_an_open_call_the_firm_qualifies_for_is_told():
    assert told(ONLY_VNM, dt.date(2025, 7, 1)) == [(VNM, "open")]


def test_a_call_dated_but_not_open_yet_is_told_as_coming_and_again_when_it_opens():
    assert told(ONLY_VNM, dt.date(2025, 5, 1)) == [(VNM, "announced")]
    assert told(ONLY_VNM, dt.date(2025, 7, 1), already=[(VNM, "announced")]) == [(VNM, "open")]


def test_what_was_already_told_is_not_told_again():
    assert told(ONLY_VNM, dt.date(2025, 7, 1), already=[(VNM, "open")]) == []


def test_a_closed_call_is_never_told():
    assert told(ONLY_VNM, dt.date(2025, 10, 1)) == []


def test_a_call_the_firm_does_not_qualify_for_is_not_told():
    exporter = parse_profile({"employees": 20, "export_share_pct": 55})  # VNM allows at most 40%
    assert told(ONLY_VNM, dt.date(2025, 7, 1), profile=exporter) == []


def test_a_project_below_the_calls_minimum_rules_the_call_out():
    small = parse_profile({"vnm_expenses": {"consultancy": 1_000, "initiatives": 5_000, "training": 500}})
    assert told(ONLY_VNM, dt.date(2025, 7, 1), profile=small) == []  # VNM needs 30,000 € at least


def test_a_call_the_firm_may_qualify_for_is_told():
    assert told(ONLY_VNM, dt.date(2025, 7, 1), profile=parse_profile({})) == [(VNM, "open")]


def test_a_family_covers_every_edition_and_nothing_else():
    fairs = Wishes(families=("fiere-internazionali",))
    assert told(fairs, dt.date(2025, 7, 1)) == [("fiere-internazionali-aggregate-2026-2027", "announced"),
                                                ("fiere-internazionali-2024-2026", "open")]


def test_any_fitting_call_never_covers_a_call_for_fair_organisers(tmp_path):
    folder = tmp_path / "calls"
    shutil.copytree(CALLS_DIR, folder)
    shutil.copy("tests/fixtures/fair-organisers-2026.yaml", folder)
    catalogue = load_catalogue(folder)
    assert not Wishes(any_call=True).cover(catalogue.get("fair-organisers-2026"))
    assert Wishes(any_call=True).cover(catalogue.get(VNM))


def test_the_channel_is_reminded_7_days_and_1_day_before_the_close():
    assert posted(dt.date(2025, 9, 1), already=[(VNM, "open")]) == []  # 8 days left
    assert posted(dt.date(2025, 9, 2), already=[(VNM, "open")]) == [(VNM, "closes_in_7")]
    assert posted(dt.date(2025, 9, 8), already=[(VNM, "open"), (VNM, "closes_in_7")]) == [(VNM, "closes_in_1")]


def test_a_run_missed_on_the_day_still_reminds_once_later():
    assert posted(dt.date(2025, 9, 4), already=[(VNM, "open")]) == [(VNM, "closes_in_7")]
    assert posted(dt.date(2025, 9, 9), already=[(VNM, "open"), (VNM, "closes_in_7")]) == [(VNM, "closes_in_1")]
    assert posted(dt.date(2025, 9, 9), already=[(VNM, "open"), (VNM, "closes_in_7"), (VNM, "closes_in_1")]) == []


def test_a_rolling_measure_already_open_when_the_firm_subscribed_is_no_news():
    catalogue = load_catalogue()
    wishes = Wishes(call_ids=("simest-e-commerce",))
    today = dt.date(2026, 12, 2)
    assert alerts_for(catalogue, FITS, wishes, today, since=dt.date(2026, 11, 30)) == []
    assert [a.call.id for a in alerts_for(catalogue, FITS, wishes, today, since=dt.date(2023, 1, 1))] == ["simest-e-commerce"]
    assert "simest-e-commerce" not in [p.call.id for p in channel_posts(catalogue, today)]
