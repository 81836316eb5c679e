"""The alert store the chat calls (subscribe, unsubscribe, forget), on SQLite and PostgreSQL."""
from datetime import datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from bot.profile import parse_profile
from bot.store.alerts import (AlertConsentError, AlertError, active_subscription, active_subscriptions, forget,
                              record_sent, sent_to, subscribe, unsubscribe)
from bot.store.models import AlertSubscription, SentAlert

VNM = "verso-nuovi-mercati-2025"
MARCH_1 = datetime(2026, 3, 1, 10, 0, tzinfo=timezone.utc)
PROFILE = {"employees": 20, "turnover_eur": Decimal("3000000.50"), "province": "BG"}


def _subscribe(session, **fields):
    values = dict(channel="email", address="anna@example.it", language="it", profile=PROFILE,
                  call_ids=[VNM], consent=True, consent_version="alerts-2026-12") | fields
    return subscribe(session, **values)


def _count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_a_subscription_keeps_the_facts_the_wishes_and_the_dated_consent(sessions):
    with sessions.begin() as session:
        _subscribe(session, now=MARCH_1)
    with sessions() as session:
        [stored] = active_subscriptions(session)
        assert (stored.channel, stored.address, stored.language, stored.call_ids, stored.families,
                stored.any_call) == ("email", "anna@example.it", "it", [VNM], [], False)
        assert (stored.consent_version, stored.consent_at, stored.ended_at) == ("alerts-2026-12", MARCH_1, None)
        assert parse_profile(stored.profile) == parse_profile(PROFILE)  # money kept exact, as text


def test_without_consent_nothing_is_stored(sessions):
    with sessions.begin() as session:
        with pytest.raises(AlertConsentError, match="consent"):
            _subscribe(session, consent=False)
        with pytest.raises(AlertConsentError, match="consent_version"):
            _subscribe(session, consent_version="")
        assert _count(session, AlertSubscription) == 0


def test_the_database_itself_refuses_a_subscription_without_a_consent_record(sessions):
    with pytest.raises(IntegrityError, match="address_needs_consent"):
        with sessions.begin() as session:
            session.add(AlertSubscription(channel="email", address="anna@example.it", language="it", profile={},
                                          call_ids=[], families=[], any_call=True, consent_version="",
                                          consent_at=MARCH_1, created_at=MARCH_1))


@pytest.mark.parametrize("fields, field", [
    ({"address": "anna@"}, "address"),
    ({"channel": "telegram", "address": "@anna"}, "address"),
    ({"channel": "sms", "address": "+39 035 123456"}, "channel"),
    ({"language": "fr"}, "language"),
    ({"call_ids": ["verso-nuovi-mercati-2099"]}, "call_ids"),
    ({"call_ids": [], "families": ["bandi-inventati"]}, "families"),
    ({"call_ids": []}, "any_call"),
])
def test_a_bad_input_is_refused_naming_its_field(sessions, fields, field):
    with sessions() as session:
        with pytest.raises(AlertError) as refused:
            _subscribe(session, **fields)
        assert refused.value.field == field


def test_a_family_of_editions_can_be_asked_for_by_name(sessions):
    with sessions.begin() as session:
        subscription = _subscribe(session, call_ids=[], families=["verso-nuovi-mercati", "fiere-internazionali"])
        assert subscription.families == ["verso-nuovi-mercati", "fiere-internazionali"]


def test_subscribing_again_replaces_the_earlier_subscription_of_that_address(sessions):
    with sessions.begin() as session:
        first = _subscribe(session)
        second = _subscribe(session, address="Anna@EXAMPLE.IT", any_call=True, call_ids=[])
    with sessions() as session:
        assert [s.id for s in active_subscriptions(session)] == [second.id]
        assert session.get(AlertSubscription, first.id).ended_at is not None


def test_stop_alerts_ends_every_subscription_of_that_address_only(sessions):
    with sessions.begin() as session:
        _subscribe(session, channel="telegram", address=5000001)
        other = _subscribe(session, channel="telegram", address="5000002")
    with sessions.begin() as session:
        assert unsubscribe(session, "telegram", "5000001") == 1
        assert unsubscribe(session, "telegram", "5000001") == 0  # said twice: nothing more to end
    with sessions() as session:
        assert [s.id for s in active_subscriptions(session)] == [other.id]
        assert active_subscription(session, "telegram", 5000001) is None


def test_forget_erases_the_address_and_what_it_was_sent(sessions):
    with sessions.begin() as session:
        subscription = _subscribe(session)
        record_sent(session, subscription.id, VNM, "open")
        unsubscribe(session, "email", "anna@example.it")
        kept = _subscribe(session, address="bruno@example.it")
        record_sent(session, kept.id, VNM, "open")
    with sessions.begin() as session:
        assert forget(session, "email", "anna@example.it") == 1
    with sessions() as session:
        assert session.scalars(select(AlertSubscription.address)).all() == ["bruno@example.it"]
        assert _count(session, SentAlert) == 1
        assert sent_to(session, "email", "anna@example.it") == set()


def test_an_alert_is_recorded_once_per_subscription_call_and_kind(sessions):
    with sessions.begin() as session:
        subscription_id = _subscribe(session).id
        record_sent(session, subscription_id, VNM, "open")
        record_sent(session, subscription_id, VNM, "announced")  # another kind is another alert
    with pytest.raises(IntegrityError):
        with sessions.begin() as session:
            record_sent(session, subscription_id, VNM, "open")
    with sessions() as session:
        assert sent_to(session, "email", "anna@example.it") == {(VNM, "open"), (VNM, "announced")}
