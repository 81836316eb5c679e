"""The bot's messages as they reach the Bot API (the fake one on loopback): split at Telegram's
limit, buttons as inline keyboards Telegram accepts, flood control respected."""
import asyncio

import aiohttp
import pytest

from bot.channels.bot_api import BotApi, BotApiError
from bot.channels.keyboards import CallbackPayloads
from bot.channels.telegram import TelegramOutput
from tests.telegram.fake_bot_api import FakeBotApi

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
CHAT = "31337"


@pytest.fixture()
def bot_api_server():
    with FakeBotApi(TOKEN) as fake:
        yield fake


def sending(fake: FakeBotApi, send, token: str = TOKEN) -> None:
    """Run `send(output)` with a TelegramOutput talking to `fake`, as the server's loop would."""
    async def scenario():
        async with aiohttp.ClientSession() as session:
            output = TelegramOutput(CallbackPayloads())
            output.api = BotApi(session, token, fake.url)
            await send(output)
    asyncio.run(scenario())


def long_verdict() -> str:
    paragraph = ("Contributo a fondo perduto 21.828,00 €, finanziamento agevolato 70.941,00 €, "
                 "quota a carico dell'impresa 16.371,00 €. ") * 12
    return "\n\n".join([paragraph.strip()] * 5)  # about 5 x 1,900 characters


def test_a_long_reply_arrives_in_several_messages_telegram_accepts(bot_api_server):
    text = long_verdict()
    sending(bot_api_server, lambda output: output.send_text_message(CHAT, text))
    sent = [call.params["text"] for call in bot_api_server.messages_to(CHAT)]
    assert len(sent) == 3  # two paragraphs fit in 4,096 characters, five need three messages
    assert all(len(part) <= 4096 for part in sent)
    assert " ".join(sent).split() == text.split()


def test_buttons_become_an_inline_keyboard_under_the_last_part(bot_api_server):
    buttons = [{"title": "Sì", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}]
    sending(bot_api_server, lambda output: output.send_text_with_buttons(CHAT, long_verdict(), buttons))
    sent = bot_api_server.messages_to(CHAT)
    assert [call.inline_keyboard for call in sent[:-1]] == [None, None]
    assert sent[-1].inline_keyboard == [[{"text": "Sì", "callback_data": "/affirm"},
                                         {"text": "No", "callback_data": "/deny"}]]


def test_a_long_button_payload_is_sent_as_a_token_telegram_accepts(bot_api_server):
    payload = '/inform{"vnm_consultancy": "10000", "vnm_initiatives": "70000", "vnm_training": "5000"}'
    sending(bot_api_server, lambda output: output.send_text_with_buttons(
        CHAT, "Confermi le spese?", [{"title": "Confermo", "payload": payload}]))
    (call,) = bot_api_server.messages_to(CHAT)
    (button,) = call.inline_keyboard[0]
    assert button["callback_data"].startswith("~") and len(button["callback_data"].encode()) <= 64


def test_flood_control_is_waited_out_once(bot_api_server):
    bot_api_server.fail_next("sendMessage", 429, "Too Many Requests: retry after 0", retry_after=0)
    sending(bot_api_server, lambda output: output.send_text_message(CHAT, "Ciao!"))
    assert [call.params["text"] for call in bot_api_server.messages_to(CHAT)] == ["Ciao!", "Ciao!"]


def test_a_refused_call_raises_without_showing_the_token(bot_api_server):
    with pytest.raises(BotApiError) as failure:
        sending(bot_api_server, lambda output: output.send_text_message(CHAT, "Ciao!"),
                token="987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDxxx")
    assert "Unauthorized" in str(failure.value) and "987654321" not in str(failure.value)


def test_an_unreachable_bot_api_raises_without_showing_the_token():
    async def scenario():
        async with aiohttp.ClientSession() as session:
            await BotApi(session, TOKEN, "http://127.0.0.1:9").send_message(CHAT, "Ciao!")
    with pytest.raises(BotApiError) as failure:
        asyncio.run(scenario())
    assert TOKEN not in str(failure.value)
