"""What each kind of Telegram Update makes Orienta do (no Rasa, no network)."""
import pytest

from bot.channels.telegram_updates import (GREET, RESTART, Incoming, Kind, Say, ToRasa, UpdateError,
                                           parse_update, plan, reply_language)

CHAT = {"id": 4242, "type": "private"}


def text_update(text, language_code="it", update_id=1):
    return {"update_id": update_id,
            "message": {"message_id": 7, "date": 0, "chat": CHAT, "text": text,
                        "from": {"id": 99, "is_bot": False, "first_name": "Anna", "language_code": language_code}}}


def button_update(data, language_code="en", presser=4242, chat=CHAT):
    return {"update_id": 2, "callback_query": {
        "id": "cbq-1", "data": data, "chat_instance": "x",
        "from": {"id": presser, "is_bot": False, "first_name": "Anna", "language_code": language_code},
        "message": {"message_id": 8, "date": 0, "chat": chat, "text": "Quanti anni?"}}}


def steps_for(update, payload=None):
    incoming = parse_update(update)
    return plan(incoming, payload if payload is not None else incoming.text)


def test_a_typed_message_goes_to_rasa_with_the_chat_as_conversation():
    incoming = parse_update(text_update("posso partecipare al bando?"))
    assert (incoming.kind, incoming.chat_id) == (Kind.TEXT, "4242")
    assert plan(incoming) == [ToRasa("posso partecipare al bando?")]


def test_the_metadata_carries_the_language_and_the_chat_type():
    incoming = parse_update(text_update("hello", language_code="en"))
    assert incoming.metadata() == {"language": "en", "telegram": {"chat_type": "private", "language_code": "en"}}


def test_a_regional_language_code_gives_its_language():
    assert parse_update(text_update("olá", language_code="pt-BR")).metadata()["language"] == "pt"


def test_without_a_language_code_the_metadata_has_no_language():
    update = text_update("ciao")
    del update["message"]["from"]["language_code"]
    assert "language" not in parse_update(update).metadata()


def test_start_greets():
    assert steps_for(text_update("/start")) == [ToRasa(GREET)]


def test_a_command_addressed_to_the_bot_by_name_is_the_same_command():
    assert steps_for(text_update("/start@OrientaBot")) == [ToRasa(GREET)]


def test_reset_restarts_the_conversation():
    assert steps_for(text_update("/reset")) == [ToRasa(RESTART)]


@pytest.mark.parametrize("command, language", [("/lingua en", "en"), ("/language it", "it"),
                                               ("/lingua inglese", "en"), ("/language Italiano", "it")])
def test_the_language_command_switches_language(command, language):
    assert steps_for(text_update(command)) == [
        ToRasa('/switch_language{"language": "%s"}' % language, language=language)]


def test_the_language_command_without_a_language_offers_both():
    (step,) = steps_for(text_update("/lingua"))
    assert step.key == "telegram.language.choose"
    assert [b["payload"] for b in step.buttons] == ["/lingua it", "/language en"]


def test_an_unknown_command_gets_the_help_not_rasa():
    assert steps_for(text_update("/prezzi")) == [Say("telegram.help")]


def test_a_typed_intent_never_reaches_rasa():
    assert steps_for(text_update('/inform{"employees": "-5"}')) == [Say("telegram.help")]


def test_a_button_payload_reaches_rasa_as_it_is():
    assert steps_for(button_update("/affirm")) == [ToRasa("/affirm")]


def test_a_button_may_carry_one_of_our_commands():
    assert steps_for(button_update("/language en")) == [ToRasa('/switch_language{"language": "en"}', language="en")]


def test_a_button_whose_token_is_forgotten_asks_to_type_the_answer():
    incoming = parse_update(button_update("~0123"))
    assert plan(incoming, button_payload=None) == [Say("telegram.button_expired")]


def test_a_button_press_remembers_the_query_to_answer():
    incoming = parse_update(button_update("/affirm"))
    assert (incoming.kind, incoming.callback_query_id, incoming.chat_id) == (Kind.BUTTON, "cbq-1", "4242")


@pytest.mark.parametrize("media", [{"sticker": {"file_id": "s"}}, {"photo": [{"file_id": "p"}]},
                                   {"voice": {"file_id": "v", "duration": 2}}])
def test_stickers_photos_and_voice_get_the_text_only_reply_in_both_languages(media):
    update = {"update_id": 3, "message": {"message_id": 9, "date": 0, "chat": CHAT, **media}}
    assert steps_for(update) == [Say("telegram.text_only", both_languages=True)]


def test_an_edited_message_is_not_answered_again_but_explained():
    update = {"update_id": 4, "edited_message": {"message_id": 7, "date": 0, "edit_date": 1, "chat": CHAT,
                                                 "text": "30 dipendenti"}}
    incoming = parse_update(update)
    assert incoming.kind is Kind.EDITED
    assert plan(incoming) == [Say("telegram.edited")]


@pytest.mark.parametrize("update", [
    {"update_id": 5, "channel_post": {"message_id": 1, "date": 0, "chat": {"id": -100, "type": "channel"},
                                      "text": "news"}},
    {"update_id": 6, "message": {"message_id": 1, "date": 0, "chat": CHAT, "new_chat_members": []}},
    {"update_id": 7, "my_chat_member": {}},
])
def test_other_updates_are_ignored(update):
    assert steps_for(update) == []


def test_a_button_on_an_inline_message_is_ignored_but_its_query_is_known():
    update = {"update_id": 8, "callback_query": {"id": "cbq-2", "data": "/affirm", "inline_message_id": "i"}}
    incoming = parse_update(update)
    assert (incoming.kind, incoming.callback_query_id) == (Kind.IGNORED, "cbq-2")


@pytest.mark.parametrize("body", [
    [], "update", {"message": {}}, {"update_id": True, "message": {}},
    {"update_id": 1, "message": "hi"},
    {"update_id": 1, "message": {"chat": {"id": "4242"}, "text": "hi"}},
    {"update_id": 1, "message": {"chat": CHAT, "text": 42}},
    {"update_id": 1, "message": {"chat": CHAT, "text": "x" * 4097}},
    {"update_id": 1, "callback_query": {"data": "/affirm", "message": {"chat": CHAT}}},
])
def test_shapes_telegram_never_sends_are_refused(body):
    with pytest.raises(UpdateError):
        parse_update(body)


@pytest.mark.parametrize("code, expected", [("it", "it"), ("en-GB", "en"), ("de", None), (None, None)])
def test_the_channel_answers_in_the_users_language_when_it_speaks_it(code, expected):
    assert reply_language(Incoming(Kind.TEXT, 1, "1", "private", code, "x")) == expected


def test_start_from_a_channel_post_link_opens_the_conversation_on_that_call():
    # https://t.me/<bot>?start=verso-nuovi-mercati-2025 makes Telegram send this text.
    assert steps_for(text_update("/start verso-nuovi-mercati-2025")) == [
        ToRasa('/greet{"call_id": "verso-nuovi-mercati-2025"}')]


def test_start_with_an_unknown_call_id_just_greets():
    assert steps_for(text_update("/start bando-che-non-esiste")) == [ToRasa(GREET)]


GROUP = {"id": -100123, "type": "supergroup"}


def group_update(text):
    update = text_update(text)
    update["message"]["chat"] = GROUP
    return update


def test_in_a_group_a_command_gets_write_to_me_privately_and_nothing_reaches_rasa():
    assert steps_for(group_update("/start")) == [Say("channel.private_only", both_languages=True)]


def test_in_a_group_ordinary_messages_get_nothing():
    assert steps_for(group_update("posso partecipare?")) == []


def test_a_button_pressed_in_a_group_gets_nothing():
    assert steps_for(button_update("/affirm", presser=99, chat=GROUP)) == []


def test_a_button_pressed_by_someone_else_than_the_chat_gets_nothing():
    assert steps_for(button_update("/affirm", presser=99)) == []
