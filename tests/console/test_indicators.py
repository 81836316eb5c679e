"""The indicators: counts from the database, per desk, as a page with SVG charts and as CSV."""
from __future__ import annotations

import csv
import io

import pytest

from bot.console import followup
from tests.console import seed


@pytest.fixture(scope="module")
def sondrio(console):
    """A desk of its own, so other tests' changes do not move these counts."""
    with console.sessions.begin() as session:
        advisor = seed.account(session, "ida@example.it", desk="sondrio")
        funded = seed.enquiry(session, desk="sondrio", channel="telegram", language="en")
        seed.enquiry(session, desk="sondrio", eligible_vnm=None)
        seed.enquiry(session, desk="sondrio", consent=False, contact_name=None, contact_email=None, company=None)
        followup.set_progress(session, advisor, funded, "closed", "funded")


def test_the_indicators_count_the_desks_enquiries_through_the_funnel(console, sondrio):
    page = console.login("ida@example.it").get(f"{console.url}/indicators").text
    totals = {m: page.split(f'data-metric="{m}">')[1].split("<")[0]
              for m in ("assisted", "matched", "handed_off", "contacted", "applied", "funded")}
    assert totals == {"assisted": "3", "matched": "2", "handed_off": "2", "contacted": "1", "applied": "1",
                      "funded": "1"}
    assert page.count("<svg") >= 9 and "Percorso delle richieste" in page


def test_the_indicators_csv_has_the_same_figures_by_channel_and_language(console, sondrio):
    client = console.login("ida@example.it")
    text = client.get(f"{console.url}/indicators.csv").content.decode("utf-8-sig")
    rows = {(r["dimensione"], r["valore"]): r for r in csv.DictReader(io.StringIO(text), delimiter=";")}
    assert rows[("totale", "")]["assisted"] == "3"
    assert rows[("canale", "telegram")]["funded"] == "1"
    assert rows[("lingua", "it")]["assisted"] == "2"
    assert rows[("sportello", "sondrio")]["handed_off"] == "2"
    assert not any(key == ("sportello", "bergamo") for key in rows)  # only the advisor's desk
