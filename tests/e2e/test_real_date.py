"""Without a pinned date the bot tells the truth of today: Verso Nuovi Mercati closed on 9 Sep 2025."""
import datetime as dt

import pytest


@pytest.mark.skipif(dt.date.today() <= dt.date(2025, 9, 9), reason="the call is still open today")
def test_on_the_real_date_the_call_is_reported_closed(assistant_on_real_date):
    reply = assistant_on_real_date.chat("today").say("quando chiude Verso Nuovi Mercati?")
    assert "chiuso dal 9 settembre 2025" in reply
