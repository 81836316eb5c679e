"""The queue (order, filters, search), an enquiry's page (verdicts, transcript, consent) and
what an advisor records there (status, outcome, note), with its audit trail."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot.console.models import AuditEntry, ConsoleUser
from bot.store.enquiries import create_enquiry, get_by_reference
from tests.console.conftest import csrf_of


def _order(html: str) -> list[str]:
    """The queue's references in order, only those the fixture seeded (other tests add their own)."""
    return [ref for ref in re.findall(r'<tr data-reference="([A-Z0-9]+)"', html) if ref in SEEDED]


SEEDED: set[str] = set()


@pytest.fixture(autouse=True)
def _seeded(console):
    SEEDED.update(console.references.values())


def test_the_queue_puts_an_enquiry_eligible_for_an_open_call_first(console):
    rows = _order(console.login("anna@example.it").get(console.url + "/").text)
    assert rows == [console.references["bergamo_new"], console.references["bergamo_old"]]


def test_the_queue_page_states_its_priority_formula(console):
    page = console.login("anna@example.it").get(console.url + "/").text
    assert "40 se idonea a un bando aperto" in page and "40 if eligible for an open call" in page


def test_the_queue_filters_by_language_channel_and_call(console):
    client = console.login("anna@example.it")
    assert _order(client.get(console.url + "/?language=en").text) == [console.references["bergamo_old"]]
    assert _order(client.get(console.url + "/?channel=socketio").text) == [console.references["bergamo_new"]]
    assert _order(client.get(console.url + "/?call=verso-nuovi-mercati-2025").text) == [console.references["bergamo_new"]]


def test_the_queue_filters_by_date(console):
    client = console.login("anna@example.it")
    assert _order(client.get(console.url + "/?since=2025-06-25").text) == [console.references["bergamo_new"]]
    assert _order(client.get(console.url + "/?until=2025-06-25").text) == [console.references["bergamo_old"]]


def test_the_queue_searches_reference_company_and_contact(console):
    client = console.login("anna@example.it")
    old = console.references["bergamo_old"]
    assert _order(client.get(console.url + "/?q=seriane").text) == [old]
    assert _order(client.get(console.url + "/?q=Paolo").text) == [old]
    assert _order(client.get(f"{console.url}/?q={old[:4].lower()}-{old[4:].lower()}").text) == [old]
    assert _order(client.get(console.url + "/?q=100%25").text) == []  # % is a letter, not a wildcard


def test_the_enquiry_page_shows_profile_contact_and_consent(console):
    ref = console.references["bergamo_new"]
    page = console.login("anna@example.it").get(f"{console.url}/enquiry/{ref}").text
    assert "Tessiture Orobiche srl" in page and "giulia@example.it" in page
    assert "<dt>Dipendenti</dt><dd>18</dd>" in page and "<dt>Investimento</dt><dd>120.000,00\xa0€</dd>" in page
    assert "dato il 2025-06-30 09:00 UTC" in page


def test_the_enquiry_page_recomputes_verdicts_beside_what_the_user_was_told(console):
    ref = console.references["bergamo_old"]  # told "not eligible" for VNM; the same facts are undecided today
    page = console.login("anna@example.it").get(f"{console.url}/enquiry/{ref}").text
    row = page[page.index('data-call="verso-nuovi-mercati-2025"'):]
    row = row[:row.index("</tr>")]
    assert "aperto · non idonea" in row  # what the user was told
    assert "(cambiato)" in row
    assert "Ricalcolata oggi, 1 luglio 2025" in page


def test_the_transcript_shows_both_sides_and_markup_as_text(console):
    ref = console.references["bergamo_new"]
    page = console.login("anna@example.it").get(f"{console.url}/enquiry/{ref}").text
    assert "Siamo una srl di Bergamo con 18 dipendenti" in page
    assert "Vi metto in contatto con lo sportello di Bergamo." in page
    assert "&lt;script&gt;window.pwned = 1&lt;/script&gt;" in page
    assert "<script>window.pwned" not in page
    assert "another conversation" not in page


def test_a_status_change_with_an_outcome_and_a_note_are_recorded_and_audited(console):
    client = console.login("anna@example.it")
    ref = console.references["bergamo_old"]
    token = csrf_of(client.get(f"{console.url}/enquiry/{ref}").text)
    client.post(f"{console.url}/enquiry/{ref}/status", data={"status": "contacted", "csrf": token})
    client.post(f"{console.url}/enquiry/{ref}/note", data={"text": "Chiamato: richiamare lunedì.", "csrf": token})
    page = client.get(f"{console.url}/enquiry/{ref}").text
    assert "contattata" in page and "Chiamato: richiamare lunedì." in page
    with console.sessions() as session:
        enquiry = get_by_reference(session, ref)
        assert enquiry.status == "in_progress"  # the chat's own status, kept in step
        actions = [a.action for a in session.scalars(select(AuditEntry).where(AuditEntry.enquiry_id == enquiry.id))]
    assert {"view", "status", "note"} <= set(actions)
    history = page[page.index('data-testid="history"'):]
    assert "anna@example.it" in history and "<td>status</td>" in history and "<td>note</td>" in history


def test_closing_needs_an_outcome(console):
    client = console.login("anna@example.it")
    ref = console.references["bergamo_old"]
    token = csrf_of(client.get(f"{console.url}/enquiry/{ref}").text)
    reply = client.post(f"{console.url}/enquiry/{ref}/status", data={"status": "closed", "csrf": token})
    assert reply.status_code == 400 and "a closed enquiry needs its outcome" in reply.text


def test_an_enquiry_that_does_not_exist_is_not_found(console):
    assert console.login("anna@example.it").get(f"{console.url}/enquiry/ZZZZZZZZ").status_code == 404


def test_an_anonymous_enquiry_without_a_desk_is_the_admins_and_shows_no_personal_data(console):
    with console.sessions.begin() as session:
        reference = create_enquiry(session, channel="rest", language="it", profile={}, verdicts={}).reference
    assert console.login("anna@example.it").get(f"{console.url}/enquiry/{reference}").status_code == 403
    page = console.login("admin@example.it").get(f"{console.url}/enquiry/{reference}").text
    assert "Richiesta anonima" in page and 'data-testid="transcript-missing"' in page
    assert "Nessun fatto raccolto." in page


def test_an_enquiry_assigned_to_an_advisor_shows_who_has_it_in_the_queue(console):
    client = console.login("anna@example.it")
    ref = console.references["bergamo_new"]
    page = client.get(f"{console.url}/enquiry/{ref}").text
    anna_id = re.search(r'<option value="(\d+)" >anna@example.it</option>', page).group(1)
    client.post(f"{console.url}/enquiry/{ref}/assign", data={"assignee": anna_id, "csrf": csrf_of(page)})
    queue_page = client.get(console.url + "/").text
    row = queue_page[queue_page.index(f'<tr data-reference="{ref}"'):]
    assert "anna@example.it" in row[:row.index("</tr>")]


def test_an_advisor_of_another_desk_cannot_be_given_the_enquiry(console):
    client = console.login("admin@example.it")
    ref = console.references["bergamo_new"]
    page = client.get(f"{console.url}/enquiry/{ref}").text
    assert "marco@example.it" not in page  # not offered
    with console.sessions() as session:
        marco = session.scalars(select(ConsoleUser).where(ConsoleUser.email == "marco@example.it")).one()
    reply = client.post(f"{console.url}/enquiry/{ref}/assign", data={"assignee": str(marco.id), "csrf": csrf_of(page)})
    assert reply.status_code == 400 and "is not an advisor of this enquiry" in reply.text
