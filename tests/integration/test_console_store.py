"""The console's tables and queries on SQLite and PostgreSQL: the queue with its search, the
follow-up rules the database itself enforces, and the indicators."""
from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import delete, text
from sqlalchemy.exc import IntegrityError

from bot.catalogue import default_catalogue
from bot.console import followup
from bot.console.accounts import AccountError, create_user
from bot.console.indicators import indicators
from bot.console.models import AuditEntry, ConsoleSession, ConsoleUser, FollowUp, Note
from bot.console.queue import Filters, queue
from bot.store import session_factory, upgrade
from bot.store.enquiries import create_enquiry
from bot.store.models import Enquiry
from tests.integration.test_store import postgres_url  # noqa: F401 - the throwaway PostgreSQL database

DAY = dt.date(2025, 7, 1)
NOW = dt.datetime(2025, 7, 1, 9, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('console') / 'orienta.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    upgrade(url)
    return url


@pytest.fixture
def session(database):
    factory = session_factory(database)
    with factory() as session:
        yield session
        session.rollback()
    with factory.begin() as cleanup:
        for table in (AuditEntry, Note, FollowUp, ConsoleSession, ConsoleUser, Enquiry):
            cleanup.execute(delete(table))
    factory.kw["bind"].dispose()


def _enquiry(session, desk="bergamo", **fields):
    values = dict(channel="socketio", language="it", profile={"employees": 5}, desk_id=desk, consent=True,
                  company="Tessiture Orobiche srl", contact_name="Giulia Bianchi", now=NOW,
                  verdicts={"calls": [{"id": "verso-nuovi-mercati-2025", "status": "open", "eligible": True}]})
    return create_enquiry(session, **{**values, **fields})


def test_an_advisors_queue_holds_only_their_desk_and_search_ignores_case(session):
    anna, _ = create_user(session, "anna@example.it", desk_id="bergamo")
    mine = _enquiry(session)
    _enquiry(session, desk="brescia", company="Tessiture Camune srl")
    rows = queue(session, anna, Filters(q="TESSITURE"), default_catalogue(), DAY)
    assert [r.enquiry.reference for r in rows] == [mine.reference]


def test_a_search_for_a_percent_sign_is_not_a_wildcard(session):
    admin, _ = create_user(session, "admin@example.it", admin=True)
    _enquiry(session)
    assert queue(session, admin, Filters(q="%"), default_catalogue(), DAY) == []


def test_the_database_refuses_an_outcome_on_an_open_enquiry(session):
    enquiry = _enquiry(session)
    session.add(FollowUp(enquiry_id=enquiry.id, status="contacted", outcome="funded", updated_at=NOW))
    with pytest.raises(IntegrityError):
        session.flush()


def test_the_database_refuses_an_account_with_a_desk_and_admin_rights(session):
    with pytest.raises(IntegrityError):
        session.execute(text("INSERT INTO console_users (email, desk_id, is_admin, password_hash, "
                             "must_change_password, failed_logins, created_at) VALUES "
                             "('x@example.it', 'bergamo', true, 'h', true, 0, :now)"), {"now": NOW})


def test_status_assignment_and_notes_then_the_indicators(session):
    anna, _ = create_user(session, "anna@example.it", desk_id="bergamo")
    marco, _ = create_user(session, "marco@example.it", desk_id="brescia")
    enquiry = _enquiry(session)
    with pytest.raises(AccountError):
        followup.assign(session, anna, enquiry, marco.id)  # not an advisor of this desk
    followup.assign(session, anna, enquiry, anna.id)
    followup.set_progress(session, anna, enquiry, "closed", "funded")
    followup.add_note(session, anna, enquiry, "Finanziata: decreto ricevuto.")
    assert enquiry.status == "closed"
    assert indicators(session, anna).totals == {"assisted": 1, "matched": 1, "handed_off": 1, "contacted": 1,
                                                "applied": 1, "funded": 1}
    assert indicators(session, marco).totals["assisted"] == 0
