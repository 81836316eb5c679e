"""The repository refuses bad input before it reaches the database, naming the field."""
from datetime import datetime
from decimal import Decimal

import pytest

from bot.store import session_factory, upgrade
from bot.store.enquiries import ConsentError, EnquiryError, create_enquiry, list_enquiries


@pytest.fixture(scope="module")
def sessions(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'orienta.db'}"
    upgrade(url)
    factory = session_factory(url)
    yield factory
    factory.kw["bind"].dispose()


@pytest.fixture
def session(sessions):
    with sessions() as session:
        yield session
        session.rollback()


def _create(session, **fields):
    values = {"channel": "rest", "language": "en", "consent": True} | fields
    return create_enquiry(session, **values)


@pytest.mark.parametrize(
    "fields, field",
    [
        ({"channel": "Telegram Bot"}, "channel"),
        ({"channel": ""}, "channel"),
        ({"language": "fr"}, "language"),
        ({"status": "done"}, "status"),
        ({"desk_id": "torino"}, "desk_id"),
        ({"consent": "yes"}, "consent"),
        ({"contact_email": "giulia@"}, "contact_email"),
        ({"contact_email": "giulia bianchi@example.it"}, "contact_email"),
        ({"contact_email": "giulia@example"}, "contact_email"),
        ({"contact_phone": "call me"}, "contact_phone"),
        ({"contact_phone": "12 34"}, "contact_phone"),
        ({"contact_phone": "+39 " + "1" * 16}, "contact_phone"),
        ({"contact_name": "x" * 121}, "contact_name"),
        ({"contact_name": "Giulia\nBianchi"}, "contact_name"),
        ({"company": "x" * 201}, "company"),
        ({"message": "x" * 2001}, "message"),
        ({"message": "bell\x07"}, "message"),
        ({"conversation_id": 123}, "conversation_id"),
        ({"profile": "not a profile"}, "profile"),
        ({"profile": {"turnover_eur": Decimal("NaN")}}, "profile.turnover_eur"),
        ({"verdicts": {"call": object()}}, "verdicts.call"),
        ({"verdicts": {"call": "x" * 70_000}}, "verdicts"),
        ({"now": datetime(2026, 3, 1, 10, 0)}, "now"),
    ],
)
def test_an_invalid_input_is_refused_naming_its_field(session, fields, field):
    with pytest.raises(EnquiryError) as raised:
        _create(session, **fields)
    assert raised.value.field == field


def test_a_consent_date_without_consent_is_refused(session):
    with pytest.raises(ConsentError, match="consent_at: must be empty when consent is false"):
        _create(session, consent=False, consent_at=datetime.fromisoformat("2026-03-01T10:00:00+00:00"))


@pytest.mark.parametrize("personal", ["contact_name", "contact_phone", "company", "message"])
def test_every_personal_field_needs_consent(session, personal):
    with pytest.raises(ConsentError) as raised:
        _create(session, consent=False, **{personal: "+39 02 1234567"})
    assert raised.value.field == personal


def test_blank_form_fields_count_as_not_given_so_need_no_consent(session):
    enquiry = _create(session, consent=False, contact_name="  ", contact_email="")
    assert (enquiry.contact_name, enquiry.contact_email) == (None, None)


def test_a_message_may_span_several_lines(session):
    assert _create(session, message="Buongiorno,\nvorrei un appuntamento.").message.count("\n") == 1


def test_contact_text_is_stored_trimmed(session):
    assert _create(session, contact_email="  giulia@example.it ").contact_email == "giulia@example.it"


@pytest.mark.parametrize("limit", [0, 501, True, "10"])
def test_a_list_limit_outside_1_to_500_is_refused(session, limit):
    with pytest.raises(EnquiryError, match="limit: must be a whole number from 1 to 500"):
        list_enquiries(session, limit=limit)
