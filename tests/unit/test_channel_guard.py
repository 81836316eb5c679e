"""What every channel checks first (bot/channels/guard.py): namespaced senders, rate limits,
signed widget sessions, the channel's own notices."""
from __future__ import annotations

import pytest

from bot.channels import guard

KEY = b"k" * 32


def test_the_same_id_on_two_channels_is_two_conversations():
    assert guard.namespaced("rest", "123") != guard.namespaced("telegram", "123")
    assert guard.address_of(guard.namespaced("telegram", "123")) == "123"


@pytest.mark.parametrize("value", ["telegram:123", "", "a" * 65, "a b", "ünï", 42, None, "../x", "x\n"])
def test_an_integration_sender_cannot_carry_a_namespace_or_oddities(value):
    assert guard.valid_sender(value) is None


def test_an_ordinary_sender_is_kept():
    assert guard.valid_sender("crm-4711.anna@example") == "crm-4711.anna@example"


def test_a_burst_is_allowed_then_one_message_per_interval():
    now = [0.0]
    limiter = guard.RateLimiter(guard.Rate(3, 10.0), clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b")  # another sender has its own bucket
    now[0] += 10.0
    assert limiter.allow("a") and not limiter.allow("a")


def test_the_limiter_forgets_the_least_recent_senders_beyond_its_capacity():
    limiter = guard.RateLimiter(guard.Rate(1, 60.0), capacity=2, clock=lambda: 0.0)
    for key in ("a", "b", "c"):
        assert limiter.allow(key)
    assert limiter.allow("a")  # forgotten, so new again: memory stays bounded
    assert len(limiter._buckets) == 2


@pytest.mark.parametrize("text, rate", [("30/60", guard.Rate(30, 2.0)), ("off", guard.Rate(0, 0.0)),
                                        ("", guard.PER_SENDER)])
def test_rates_are_read_from_the_environment(text, rate):
    assert guard.Rate.parse(text, guard.PER_SENDER) == rate


@pytest.mark.parametrize("text", ["30", "x/60", "0/60", "30/0", "-1/5"])
def test_a_wrong_rate_is_an_error(text):
    with pytest.raises(ValueError):
        guard.Rate.parse(text, guard.PER_SENDER)


def test_a_disabled_rate_allows_everything():
    limiter = guard.RateLimiter(guard.Rate(0, 0.0))
    assert all(limiter.allow("a") for _ in range(1000))


def test_a_session_id_issued_by_the_server_is_recognised():
    session = guard.new_session_id(KEY)
    assert guard.verified_session_id(session, KEY) == session
    assert guard.verified_session_id(session, b"another secret" * 3) is None


@pytest.mark.parametrize("value", [None, "", "5a1d7e21aa4c453d8894629b2f1e2d64", "a" * 49, 42,
                                   "5a1d7e21aa4c453d8894629b2f1e2d64-0000000000000000"])
def test_a_session_id_the_server_did_not_issue_is_refused(value):
    assert guard.verified_session_id(value, KEY) is None


def test_a_changed_character_breaks_the_signature():
    session = guard.new_session_id(KEY)
    forged = ("0" if session[0] != "0" else "1") + session[1:]
    assert guard.verified_session_id(forged, KEY) is None


@pytest.mark.parametrize("ip, loopback", [("127.0.0.1", True), ("::1", True), ("10.0.0.5", False),
                                          ("", False), (None, False), ("not an ip", False)])
def test_loopback_is_recognised(ip, loopback):
    assert guard.is_loopback(ip) is loopback


def test_a_notice_without_a_known_language_is_in_both():
    both = guard.too_long_notice(None)
    assert guard.too_long_notice("it") in both and guard.too_long_notice("en") in both
    assert "2000" in guard.too_long_notice("en")
