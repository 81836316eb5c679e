import datetime as dt

import pytest

from bot.catalogue import default_catalogue, full_catalogue
from bot.status import call_status

D = dt.date


def status(call_id, day):
    return call_status(default_catalogue().get(call_id), day)


@pytest.mark.parametrize("call_id, before, first, last, after", [
    ("verso-nuovi-mercati-2025", D(2025, 6, 2), D(2025, 6, 3), D(2025, 9, 9), D(2025, 9, 10)),
    ("linea-internazionalizzazione-2019", D(2019, 5, 21), D(2019, 5, 22), D(2020, 12, 31), D(2021, 1, 1)),
    ("investimenti-ripresa-2021-artigiani", D(2021, 10, 24), D(2021, 10, 25), D(2021, 11, 10), D(2021, 11, 11)),
])
def test_dated_windows_are_upcoming_open_then_closed(call_id, before, first, last, after):
    assert status(call_id, before).status == "upcoming"
    assert status(call_id, first).status == "open"
    assert status(call_id, last).status == "open"  # closing time unknown: the last day counts
    assert status(call_id, after).status == "closed"


@pytest.mark.parametrize("call_id, last", [
    ("fiere-internazionali-2020-2022", D(2022, 12, 31)),
    ("fiere-internazionali-2024-2026", D(2026, 8, 31)),
    ("bando-export-2024", D(2024, 9, 16)),
])
def test_windows_without_a_known_opening_are_open_until_they_close(call_id, last):
    assert status(call_id, last - dt.timedelta(days=400)).status == "open"
    assert status(call_id, last).status == "open"
    assert status(call_id, last + dt.timedelta(days=1)).status == "closed"


def test_days_left_counts_to_the_closing_day():
    assert status("verso-nuovi-mercati-2025", D(2025, 9, 1)).days_left == 8
    assert status("verso-nuovi-mercati-2025", D(2025, 9, 9)).days_left == 0


def test_days_to_open_for_an_upcoming_call():
    assert status("verso-nuovi-mercati-2025", D(2025, 6, 1)).days_to_open == 2


def test_an_announced_call_is_announced_on_any_day():
    for day in (D(2020, 1, 1), D(2026, 11, 21), D(2030, 1, 1)):
        assert status("fiere-internazionali-aggregate-2026-2027", day).status == "announced"


def test_a_call_known_to_be_over_without_dates_is_closed_on_any_day():
    for day in (D(2021, 10, 30), D(2026, 11, 21)):
        assert status("investimenti-ripresa-2021-aree-interne", day).status == "closed"


def test_on_the_real_today_of_this_project_every_dated_lombard_call_is_closed():
    today = D(2026, 11, 21)
    for call in default_catalogue():
        if call.window["kind"] == "dated" and call.scope["level"] != "national":
            assert call_status(call, today).status == "closed", call.id
    # the one dated national measure runs to the end of the year
    assert call_status(default_catalogue().get("simest-america-centrale-meridionale"), today).status == "open"


# The measures of CURRENT_2026.md, on the project's today (2026-12-02) and on other days.
TODAY = D(2026, 12, 2)


def measure(call_id, day):
    return call_status(full_catalogue().get(call_id), day)


@pytest.mark.parametrize("call_id", [
    "simest-inserimento-mercati-esteri", "simest-transizione-digitale-ecologica", "simest-fiere-ed-eventi",
    "simest-e-commerce", "simest-certificazioni-consulenze", "simest-temporary-manager", "simest-india", "simest-usa",
])
def test_the_simest_lines_are_open_today_while_funds_last(call_id):
    state = measure(call_id, TODAY)
    assert state.status == "open" and state.subject_to_funds and state.closes is None


def test_the_simest_lines_opened_on_27_july_2023():
    assert measure("simest-fiere-ed-eventi", D(2023, 7, 26)).status == "upcoming"
    assert measure("simest-fiere-ed-eventi", D(2023, 7, 27)).status == "open"
    assert measure("simest-fiere-ed-eventi", D(2031, 1, 1)).status == "open"  # rolling: no end known


def test_the_india_measure_opened_on_16_september_2025():
    assert measure("simest-india", D(2025, 9, 15)).status == "upcoming"
    assert measure("simest-india", D(2025, 9, 16)).status == "open"


def test_the_latin_america_terms_are_open_until_31_december_2026():
    state = measure("simest-america-centrale-meridionale", TODAY)
    assert state.status == "open" and state.days_left == 29 and state.subject_to_funds
    assert measure("simest-america-centrale-meridionale", D(2026, 12, 31)).status == "open"
    assert measure("simest-america-centrale-meridionale", D(2027, 1, 1)).status == "closed"
    assert measure("simest-america-centrale-meridionale", D(2025, 3, 24)).status == "upcoming"


def test_the_africa_terms_closed_with_2025():
    assert measure("simest-condizioni-africa", D(2025, 12, 31)).status == "open"
    assert measure("simest-condizioni-africa", TODAY).status == "closed"


@pytest.mark.parametrize("call_id, closes", [
    ("linea-internazionalizzazione-2021-2027", D(2023, 2, 17)),
    ("connessi-2026", D(2026, 4, 9)),
    ("mimit-buono-fiere-2025", D(2025, 10, 28)),
    ("brescia-agef-2507-fiere-italia-2025", D(2026, 2, 5)),
    ("brescia-agef-2508-fiere-lombardia-2025", D(2026, 2, 5)),
    ("pro-brixia-voucher-2024", D(2024, 12, 13)),
    ("bergamo-bando-fiere-2025", D(2025, 7, 14)),
    ("sondrio-fiere-2025", D(2025, 12, 19)),
    ("varese-fiere-2024", D(2024, 4, 24)),
])
def test_the_regional_chamber_and_mimit_calls_found_are_closed_today(call_id, closes):
    assert measure(call_id, TODAY).status == "closed"
    assert measure(call_id, closes).status == "open"


def test_connessi_was_open_from_5_february_2026_only_while_funds_lasted():
    state = measure("connessi-2026", D(2026, 3, 1))
    assert state.status == "open" and state.subject_to_funds and state.days_left == 39
    assert measure("connessi-2026", D(2026, 2, 4)).status == "upcoming"


def test_a_call_whose_dates_were_not_found_is_over_and_an_announced_one_stays_announced():
    assert measure("como-lecco-fiere-2023", TODAY).status == "closed"
    assert measure("piano-export-2025-export-su-misura", TODAY).status == "announced"
    # The sources disagree on the aggregate fairs' application window: it stays announced.
    assert measure("fiere-internazionali-aggregate-2026-2027", TODAY).status == "announced"


def test_today_every_regional_and_chamber_call_is_closed_or_announced():
    for call in full_catalogue():
        if call.scope["level"] != "national":
            assert call_status(call, TODAY).status in ("closed", "announced"), call.id
