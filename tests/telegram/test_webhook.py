"""Telegram end to end: Updates POSTed to the real Rasa server's webhook, the bot's answers read
from the calls it made to the (fake) Bot API."""
import functools

import pytest

from bot.texts import t
from tests.telegram.conftest import SECRET, TOKEN, WEBHOOK_URL, texts


@functools.cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(Language.ITALIAN, Language.ENGLISH).build()


def language_of(text: str) -> str:
    from lingua import Language

    return "it" if _detector().detect_language_of(text) == Language.ITALIAN else "en"


def test_the_webhook_is_registered_once_with_its_secret(telegram):
    (call,) = telegram.fake.calls_of("setWebhook")
    assert call.token == TOKEN
    assert call.params["url"] == WEBHOOK_URL
    assert call.params["secret_token"] == SECRET
    assert set(call.params["allowed_updates"]) == {"message", "edited_message", "callback_query"}


def test_a_question_gets_an_answer_in_the_same_chat(telegram):
    anna = telegram.user("it")
    replies = anna.says("posso partecipare al bando Verso Nuovi Mercati?")
    assert replies and all(call.chat_id == str(anna.chat_id) for call in replies)
    assert language_of(texts(replies)) == "it"


def test_no_update_makes_the_channel_ask_who_the_bot_is(telegram):
    telegram.user("it").says("ciao")
    assert telegram.fake.calls_of("getMe") == []


def test_start_greets_in_the_language_telegram_gives(telegram):
    replies = telegram.user("en").says("/start")
    assert replies and language_of(texts(replies)) == "en"


def test_start_in_italian_greets_the_firm_as_voi(telegram):
    greeting = texts(telegram.user("it").says("/start"))
    assert greeting.startswith(t("it", "chat.greet")) and t("it", "chat.what_to_do") in greeting


def test_the_bots_choices_arrive_as_an_inline_keyboard(telegram):
    replies = telegram.user("it").says("/start")
    keyboards = [call.inline_keyboard for call in replies if call.inline_keyboard]
    assert keyboards, "the greeting offers the check with buttons"
    buttons = [button for row in keyboards[-1] for button in row]
    assert len(buttons) >= 2
    assert all(button["text"] and len(button["callback_data"].encode()) <= 64 for button in buttons)


def test_a_button_press_is_acknowledged_then_answered(telegram):
    anna = telegram.user("it")
    offer = [call for call in anna.says("/start") if call.inline_keyboard][-1]
    first_button = offer.inline_keyboard[0][0]
    replies = anna.presses(first_button["callback_data"], on_message=offer)
    assert replies and language_of(texts(replies)) == "it"
    acknowledged = telegram.fake.calls_of("answerCallbackQuery")[-1]
    # The spinner on the button stops before the answer comes.
    assert telegram.fake.calls.index(acknowledged) < telegram.fake.calls.index(replies[0])


def test_the_language_command_without_a_language_offers_buttons(telegram):
    (reply,) = telegram.user("it").says("/lingua")
    assert reply.params["text"] == t("it", "telegram.language.choose")
    assert reply.inline_keyboard == [[{"text": "Italiano", "callback_data": "/lingua it"},
                                      {"text": "English", "callback_data": "/language en"}]]


def test_reset_starts_the_conversation_over(telegram):
    anna = telegram.user("it")
    anna.says("posso partecipare al bando Verso Nuovi Mercati?")
    assert texts(anna.says("/reset")).startswith(t("it", "chat.restarted"))


def test_the_language_command_switches_the_conversation(telegram):
    anna = telegram.user("it")
    assert language_of(texts(anna.says("posso partecipare al bando Verso Nuovi Mercati?"))) == "it"
    assert language_of(texts(anna.says("/language en"))) == "en"


def test_an_unknown_command_gets_the_help(telegram):
    assert texts(telegram.user("en").says("/prices")) == t("en", "telegram.help")


@pytest.mark.parametrize("media", [{"sticker": {"file_id": "CAAD", "file_unique_id": "u", "width": 512,
                                                "height": 512, "is_animated": False, "is_video": False,
                                                "type": "regular"}},
                                   {"photo": [{"file_id": "AgAD", "file_unique_id": "u", "width": 90,
                                               "height": 90}], "caption": "il nostro stand"},
                                   {"voice": {"file_id": "AwAD", "file_unique_id": "u", "duration": 3}}])
def test_stickers_photos_and_voice_get_a_bilingual_text_only_reply(telegram, media):
    (reply,) = telegram.user("it").sends(**media)
    assert reply.params["text"] == t("it", "telegram.text_only") + "\n\n" + t("en", "telegram.text_only")


def test_an_edited_message_is_explained_not_answered_again(telegram):
    (reply,) = telegram.user("en").edits("we are 30 employees")
    assert reply.params["text"] == t("en", "telegram.edited")


def test_an_update_telegram_sends_twice_is_answered_once(telegram):
    anna = telegram.user("it")
    update = anna.update(message=anna._message(text="/lingua"))
    assert len(anna.send(update)) == 1
    assert anna.send(update) == []


@pytest.mark.parametrize("secret", [None, "", "forged-secret-0123456789abcdef", SECRET + "x"])
def test_an_update_without_the_secret_is_refused_and_nothing_is_sent(telegram, secret):
    anna = telegram.user("it")
    status = telegram.deliver(anna.update(message=anna._message(text="/start")), secret=secret)
    assert status == 403
    assert telegram.fake.messages_to(anna.chat_id) == []


@pytest.mark.parametrize("body", [
    pytest.param(b"{not json", id="not-json"),
    pytest.param(b"\xff\xfe", id="not-utf8"),
    pytest.param(b"[]", id="not-an-object"),
    pytest.param(b'{"update_id": "1"}', id="update-id-text"),
    pytest.param(b'{"update_id": 1, "message": {"chat": {"id": 1}, "text": 5}}', id="text-a-number"),
    pytest.param(b"[" * 100_000, id="deeply-nested"),
    pytest.param(b'{"update_id": 1, "pad": "' + b"x" * 300_000 + b'"}', id="huge"),
])
def test_a_malformed_or_huge_body_gets_400_and_the_server_carries_on(telegram, body):
    # Over the Rasa port's cap (300 kB) Sanic refuses the body itself: 413.
    assert telegram.post(body) == (413 if len(body) > 300_000 else 400)
    assert telegram.user("it").says("/lingua")  # still answering


def test_updates_it_does_not_handle_are_accepted_and_ignored(telegram):
    before = len(telegram.fake.calls)
    channel_post = {"message_id": 1, "date": 0, "chat": {"id": -100123, "type": "channel"}, "text": "news"}
    assert telegram.deliver({"update_id": 99_999, "channel_post": channel_post}) == 200
    assert telegram.fake.calls[before:] == []
