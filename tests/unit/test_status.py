import datetime as dt

import pytest

from bot.catalogue import default_catalogue
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


def test_on_the_real_today_of_this_project_every_dated_call_is_closed():
    today = D(2026, 11, 21)
    for call in default_catalogue():
        if call.window["kind"] == "dated":
            assert call_status(call, today).status == "closed", call.id
