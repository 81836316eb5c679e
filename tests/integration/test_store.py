"""The enquiry store on a real database: a fresh SQLite file and a throwaway PostgreSQL database.

PostgreSQL is expected at 127.0.0.1:5432 with trust authentication (user postgres or root);
its tests are skipped, saying so, only when it cannot be reached.
"""
import re
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import delete, inspect
from sqlalchemy.exc import IntegrityError

from bot.profile import parse_profile
from bot.store import session_factory, upgrade
from bot.store.db import alembic_config
from bot.store.enquiries import (
    REFERENCE_ALPHABET,
    ConsentError,
    EnquiryError,
    EnquiryNotFound,
    create_enquiry,
    get_by_reference,
    list_enquiries,
    set_status,
    forget_conversation,
    withdraw_consent,
)
from bot.store.models import Enquiry, metadata
from tests.databases import throwaway_postgres

CET = timezone(timedelta(hours=1))
MARCH_1 = datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def postgres_url():
    with throwaway_postgres() as url:
        yield url


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def database(request, tmp_path_factory):
    """The URL of a fresh database, migrated to head once for the module."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'var' / 'orienta.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    upgrade(url)
    return url


@pytest.fixture
def sessions(database):
    """A session factory on the migrated database, emptied after each test."""
    factory = session_factory(database)
    yield factory
    with factory.begin() as cleanup:
        cleanup.execute(delete(Enquiry))
    factory.kw["bind"].dispose()


@pytest.fixture
def session(sessions):
    with sessions() as session:
        yield session


def _enquiry(session, **fields):
    values = {"channel": "rest", "language": "it"} | fields
    return create_enquiry(session, **values)


def _contact(**fields):
    return {"consent": True, "contact_name": "Giulia Bianchi", "contact_email": "giulia@example.it"} | fields


# --- migrations ---


def test_migrations_bring_a_fresh_database_to_the_head_revision(database, sessions):
    head = ScriptDirectory.from_config(alembic_config(database)).get_current_head()
    with sessions.kw["bind"].connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head
        assert "enquiries" in inspect(connection).get_table_names()


def test_the_migrated_schema_matches_the_models(sessions):
    with sessions.kw["bind"].connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_migrating_an_up_to_date_database_again_changes_nothing(database, sessions):
    upgrade(database)
    head = ScriptDirectory.from_config(alembic_config(database)).get_current_head()
    with sessions.kw["bind"].connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == head


# --- create, read, list, status ---


def test_a_created_enquiry_is_found_again_by_its_reference(sessions):
    with sessions.begin() as session:
        reference = _enquiry(session, desk_id="bergamo", conversation_id="abc-123", **_contact()).reference
    with sessions() as session:
        found = get_by_reference(session, reference)
        assert (found.desk_id, found.conversation_id, found.contact_email, found.status) == (
            "bergamo",
            "abc-123",
            "giulia@example.it",
            "new",
        )


def test_the_reference_is_eight_unambiguous_characters_and_differs_between_enquiries(session):
    first, second = _enquiry(session).reference, _enquiry(session).reference
    assert re.fullmatch(f"[{REFERENCE_ALPHABET}]{{8}}", first)
    assert first != second


def test_a_reference_quoted_with_lower_case_spaces_or_hyphens_is_still_found(session):
    reference = _enquiry(session).reference
    quoted = f" {reference[:4].lower()}-{reference[4:].lower()} "
    assert get_by_reference(session, quoted).reference == reference


def test_an_unknown_reference_finds_nothing(session):
    assert get_by_reference(session, "ZZZZZZZZ") is None


def test_timestamps_come_back_in_utc_whatever_zone_they_were_given_in(sessions):
    with sessions.begin() as session:
        reference = _enquiry(session, now=datetime(2026, 3, 1, 11, 0, tzinfo=CET)).reference
    with sessions() as session:
        assert get_by_reference(session, reference).created_at == MARCH_1
        assert get_by_reference(session, reference).created_at.utcoffset() == timedelta(0)


def test_consent_is_dated_when_given(session):
    assert _enquiry(session, now=MARCH_1, **_contact()).consent_at == MARCH_1


def test_list_filters_by_desk_newest_first(session):
    old = _enquiry(session, desk_id="como-lecco", now=MARCH_1)
    new = _enquiry(session, desk_id="como-lecco", now=MARCH_1 + timedelta(days=1))
    _enquiry(session, desk_id="varese", now=MARCH_1)
    assert list_enquiries(session, desk_id="como-lecco") == [new, old]


def test_list_filters_by_status(session):
    _enquiry(session)
    closed = _enquiry(session, status="closed")
    assert list_enquiries(session, status="closed") == [closed]


def test_list_returns_at_most_the_limit(session):
    for day in range(3):
        _enquiry(session, now=MARCH_1 + timedelta(days=day))
    assert [e.created_at for e in list_enquiries(session, limit=2)] == [
        MARCH_1 + timedelta(days=2),
        MARCH_1 + timedelta(days=1),
    ]


def test_set_status_moves_the_enquiry_on_and_dates_the_change(sessions):
    with sessions.begin() as session:
        reference = _enquiry(session, now=MARCH_1).reference
    with sessions.begin() as session:
        set_status(session, reference, "in_progress", now=MARCH_1 + timedelta(hours=2))
    with sessions() as session:
        found = get_by_reference(session, reference)
        assert (found.status, found.created_at, found.updated_at) == ("in_progress", MARCH_1, MARCH_1 + timedelta(hours=2))


def test_set_status_refuses_an_unknown_status(session):
    reference = _enquiry(session).reference
    with pytest.raises(EnquiryError, match="status: must be one of new, in_progress, closed"):
        set_status(session, reference, "done")


def test_set_status_of_an_unknown_reference_says_it_is_not_found(session):
    with pytest.raises(EnquiryNotFound):
        set_status(session, "ZZZZZZZZ", "closed")


# --- consent ---


def test_contact_details_without_consent_are_refused(session):
    with pytest.raises(ConsentError, match="contact_email: personal data can be stored only with the user's consent"):
        _enquiry(session, consent=False, contact_email="giulia@example.it")
    assert list_enquiries(session) == []


def test_the_database_itself_refuses_personal_data_without_consent(session):
    session.add(
        Enquiry(reference="TESTREF2", channel="cli", language="en", profile={}, verdicts={},
                consent=False, contact_phone="+39 02 1234567")
    )
    with pytest.raises(IntegrityError, match="personal_data_needs_consent"):
        session.flush()
    session.rollback()


def test_the_database_itself_refuses_an_unknown_status(session):
    session.add(Enquiry(reference="TESTREF3", channel="cli", language="en", profile={}, verdicts={}, status="lost"))
    with pytest.raises(IntegrityError, match="ck_enquiries_status"):
        session.flush()
    session.rollback()


def test_withdrawing_consent_erases_the_personal_data_and_keeps_the_rest(sessions):
    with sessions.begin() as session:
        reference = _enquiry(session, desk_id="sondrio", message="Call me", **_contact()).reference
    with sessions.begin() as session:
        withdraw_consent(session, reference)
    with sessions() as session:
        found = get_by_reference(session, reference)
        assert (found.consent, found.consent_at, found.contact_name, found.contact_email, found.message) == (
            False, None, None, None, None,
        )
        assert found.desk_id == "sondrio"


def test_an_enquiry_records_the_consent_text_agreed_to_and_withdrawal_clears_it(sessions):
    with sessions.begin() as session:
        reference = _enquiry(session, consent_version="handoff-2026-12-02", **_contact()).reference
        with pytest.raises(ConsentError):
            _enquiry(session, consent_version="handoff-2026-12-02")  # no consent, no consent text
        with pytest.raises(EnquiryError):
            _enquiry(session, consent_version="x" * 41, **_contact())
    with sessions.begin() as session:
        assert get_by_reference(session, reference).consent_version == "handoff-2026-12-02"
        withdraw_consent(session, reference)
    with sessions() as session:
        assert get_by_reference(session, reference).consent_version is None


def test_forgetting_a_conversation_strips_its_enquiries_and_no_other(sessions):
    with sessions.begin() as session:
        mine = [_enquiry(session, conversation_id="rest:anna", **_contact()).reference for _ in range(2)]
        other = _enquiry(session, conversation_id="rest:bruno", **_contact()).reference
    with sessions.begin() as session:
        assert forget_conversation(session, "rest:anna") == 2
        assert forget_conversation(session, "") == 0
    with sessions() as session:
        for reference in mine:
            found = get_by_reference(session, reference)
            assert (found.consent, found.contact_email, found.conversation_id) == (False, None, None)
        assert get_by_reference(session, other).contact_email == "giulia@example.it"


# --- JSON snapshots ---


def test_a_profile_snapshot_round_trips_with_exact_amounts(sessions):
    profile = parse_profile(
        {
            "employees": 12,
            "turnover_eur": "2500000.50",
            "comune": "Voghera",
            "export_share_pct": 12.5,
            "vnm_expenses": {"consultancy": 10000, "initiatives": "70000.10", "training": "5000"},
            "fairs": {"count": 2, "exhibitor": "new", "stand_sqm": "20.5"},
        }
    )
    with sessions.begin() as session:
        reference = _enquiry(session, profile=profile).reference
    with sessions() as session:
        stored = get_by_reference(session, reference).profile
    assert stored["turnover_eur"] == "2500000.50"  # a string: JSON numbers would come back as floats
    assert stored["employees"] == 12
    assert parse_profile(stored) == profile


def test_decimal_amounts_in_verdicts_are_stored_as_exact_strings(sessions):
    verdicts = {"verso-nuovi-mercati-2025": {"status": "eligible", "grant_eur": Decimal("21828.00")}}
    with sessions.begin() as session:
        reference = _enquiry(session, verdicts=verdicts).reference
    with sessions() as session:
        stored = get_by_reference(session, reference).verdicts
    assert stored == {"verso-nuovi-mercati-2025": {"status": "eligible", "grant_eur": "21828.00"}}
