"""The webhook's own decisions, in process (no Rasa server): what happens before Rasa is
asked, and when answering fails half-way."""
import asyncio
import json
from types import SimpleNamespace

import pytest

from bot.channels.telegram import SECRET_HEADER, TelegramInput
from bot.channels.telegram_settings import TelegramSettings
from bot.texts import t
from tests.telegram.fake_bot_api import FakeBotApi

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SECRET = "0123456789abcdef0123456789abcdef"
CHAT = 777


def request(update, secret=SECRET):
    headers = {SECRET_HEADER: secret} if secret is not None else {}
    return SimpleNamespace(headers=headers, body=json.dumps(update).encode())


def text_update(text, update_id=1):
    return {"update_id": update_id, "message": {"message_id": 1, "date": 0, "text": text,
                                                "chat": {"id": CHAT, "type": "private"},
                                                "from": {"id": CHAT, "is_bot": False, "language_code": "en"}}}


@pytest.fixture()
def fake():
    with FakeBotApi(TOKEN) as api:
        yield api


def channel(fake: FakeBotApi) -> TelegramInput:
    return TelegramInput(TelegramSettings(TOKEN, "https://orienta.example.org/hook", SECRET, fake.url))


def receiving(fake, update, on_new_message, secret=SECRET, started=True):
    """The webhook's status for `update`, with the channel's server life cycle around it."""
    async def scenario():
        telegram = channel(fake)
        if started:
            await telegram.open()
        try:
            return (await telegram.receive(request(update, secret), on_new_message)).status
        finally:
            await telegram.close()
    return asyncio.run(scenario())


async def never_called(message):
    raise AssertionError("Rasa must not be asked")


def test_rasa_receives_the_text_the_chat_and_the_language(fake):
    received = []

    async def rasa(message):
        received.append(message)

    assert receiving(fake, text_update("am I eligible?"), rasa) == 200
    (message,) = received
    assert (message.text, message.sender_id, message.input_channel) == ("am I eligible?", f"telegram:{CHAT}", "telegram")
    assert message.metadata == {"language": "en", "telegram": {"chat_type": "private", "language_code": "en"}}


def test_a_forged_secret_is_refused_before_anything_else(fake):
    assert receiving(fake, text_update("/start"), never_called, secret="x" * 32) == 403
    assert fake.messages_to(CHAT) == []


def test_before_the_session_is_open_telegram_is_asked_to_retry(fake):
    assert receiving(fake, text_update("/start"), never_called, started=False) == 503


def test_when_answering_fails_the_user_is_told_and_telegram_gets_200(fake):
    async def broken_rasa(message):
        raise RuntimeError("tracker store unavailable")

    assert receiving(fake, text_update("am I eligible?"), broken_rasa) == 200
    assert [c.params["text"] for c in fake.messages_to(CHAT)] == [t("en", "telegram.error")]


def test_a_failed_set_webhook_leaves_the_server_running_and_says_so(fake):
    fake.fail_next("setWebhook", 401, "Unauthorized")

    async def scenario():
        telegram = channel(fake)
        await telegram.open()
        state = telegram.webhook_state
        await telegram.close()
        return state

    assert asyncio.run(scenario()) == "failed"


def test_privacy_is_answered_by_the_channel_with_the_notice(fake):
    from bot import privacy

    assert receiving(fake, text_update("/privacy"), never_called) == 200
    assert [c.params["text"] for c in fake.messages_to(CHAT)] == [privacy.notice("en")]


def test_a_turn_without_any_reply_tells_the_user_of_a_temporary_problem(fake):
    async def silent_rasa(message):  # what Rasa does when the action server is down
        return None

    assert receiving(fake, text_update("am I eligible?"), silent_rasa) == 200
    assert [c.params["text"] for c in fake.messages_to(CHAT)] == [t("en", "channel.unavailable")]


def test_a_group_chat_is_answered_only_with_write_to_me_privately(fake):
    update = text_update("/start")
    update["message"]["chat"] = {"id": -100555, "type": "group"}
    assert receiving(fake, update, never_called) == 200
    [sent] = fake.messages_to(-100555)
    assert t("it", "channel.private_only") in sent.params["text"] and t("en", "channel.private_only") in sent.params["text"]


def test_a_chat_over_its_rate_is_asked_to_slow_down(fake, monkeypatch):
    monkeypatch.setenv("ORIENTA_RATE_PER_SENDER", "2/60")
    received = []

    async def rasa(message):
        received.append(message)
        await message.output_channel.send_text_message(message.sender_id, "ok")

    async def scenario():
        telegram = channel(fake)
        await telegram.open()
        try:
            for update_id in range(3):
                await telegram.receive(request(text_update("ciao", update_id=update_id + 1)), rasa)
        finally:
            await telegram.close()

    asyncio.run(scenario())
    assert len(received) == 2
    assert [c.params["text"] for c in fake.messages_to(CHAT)] == ["ok", "ok", t("en", "channel.slow_down")]
