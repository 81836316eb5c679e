"""The REST channel (bot/channels/rest.py) decides what reaches Rasa; Rasa itself is faked by
the `on_new_message` it is given (the live stack's tests cover the real one)."""
from __future__ import annotations

import asyncio

import pytest

from bot.channels import guard
from bot.channels.rest import OrientaRestInput

LOOPBACK, OUTSIDE = "127.0.0.1", "203.0.113.7"


class FakeRasa:
    def __init__(self, replies=("ciao",)):
        self.received, self.replies = [], replies

    async def __call__(self, message):
        self.received.append(message)
        for reply in self.replies:
            await message.output_channel.send_text_message(message.sender_id, reply)


def post(channel, body, ip=LOOPBACK, headers=None, rasa=None):
    rasa = rasa or FakeRasa()
    status, reply = asyncio.run(channel.answer(ip, headers or {}, body, rasa))
    return status, reply, rasa.received


@pytest.fixture
def channel(monkeypatch):
    monkeypatch.delenv("ORIENTA_REST_TOKEN", raising=False)
    monkeypatch.delenv("ORIENTA_RATE_PER_SENDER", raising=False)
    return OrientaRestInput()


def test_the_conversation_is_the_rest_one_and_the_body_cannot_pick_another_channel(channel):
    status, reply, (message,) = post(channel, {"sender": "123", "message": "ciao", "input_channel": "telegram"})
    assert status == 200 and reply[0]["text"] == "ciao"
    assert (message.sender_id, message.input_channel) == ("rest:123", "rest")


@pytest.mark.parametrize("sender", ["telegram:123", "", None, 7, "x" * 65])
def test_a_sender_that_is_not_a_plain_id_is_refused(channel, sender):
    status, _, received = post(channel, {"sender": sender, "message": "ciao"})
    assert status == 400 and not received


@pytest.mark.parametrize("body", [None, [], "text", {"sender": "a"}, {"sender": "a", "message": 5}])
def test_a_malformed_body_is_refused(channel, body):
    assert post(channel, body)[0] == 400


def test_without_a_token_only_loopback_is_served(channel):
    status, _, received = post(channel, {"sender": "a", "message": "ciao"}, ip=OUTSIDE)
    assert status == 403 and not received


def test_with_a_token_every_request_needs_it(monkeypatch):
    monkeypatch.setenv("ORIENTA_REST_TOKEN", "s3cret-token-of-integrations")
    channel = OrientaRestInput()
    body = {"sender": "a", "message": "ciao"}
    assert post(channel, body, ip=LOOPBACK)[0] == 403
    assert post(channel, body, ip=OUTSIDE, headers={"Authorization": "Bearer wrong"})[0] == 403
    assert post(channel, body, ip=OUTSIDE, headers={"Authorization": "Bearer s3cret-token-of-integrations"})[0] == 200


def test_a_message_over_the_limit_is_answered_by_the_channel_in_the_page_language(channel):
    status, reply, received = post(channel, {"sender": "a", "message": "x" * (guard.MAX_MESSAGE_CHARS + 1),
                                             "metadata": {"language": "en"}})
    assert status == 200 and not received and reply[0]["text"] == guard.too_long_notice("en")


def test_a_sender_over_its_rate_is_asked_to_slow_down(monkeypatch):
    monkeypatch.setenv("ORIENTA_RATE_PER_SENDER", "3/60")
    channel = OrientaRestInput()
    replies = [post(channel, {"sender": "a", "message": "ciao"})[1][0]["text"] for _ in range(4)]
    assert replies[:3] == ["ciao"] * 3 and replies[3] == guard.notice("channel.slow_down")
    assert post(channel, {"sender": "b", "message": "ciao"})[1][0]["text"] == "ciao"


def test_no_reply_from_rasa_becomes_a_temporary_problem_notice(channel):
    status, reply, received = post(channel, {"sender": "a", "message": "ciao"}, rasa=FakeRasa(replies=()))
    assert received and reply[0]["text"] == guard.notice("channel.unavailable")


def test_only_the_language_passes_as_metadata(channel):
    _, _, (message,) = post(channel, {"sender": "a", "message": "hi", "metadata": {"language": "en", "slots": 1}})
    assert message.metadata == {"language": "en"}


def test_behind_a_proxy_on_loopback_the_forwarded_address_is_the_client(channel):
    status, _, received = post(channel, {"sender": "a", "message": "ciao"}, ip=LOOPBACK,
                               headers={"X-Real-IP": OUTSIDE})
    assert status == 403 and not received  # a user outside, through nginx: the token is needed


def test_a_forwarded_address_from_outside_is_not_believed():
    assert guard.client_address(OUTSIDE, {"X-Real-IP": "127.0.0.1"}) == OUTSIDE
    assert guard.client_address(LOOPBACK, {"X-Real-IP": "not an address"}) == LOOPBACK
