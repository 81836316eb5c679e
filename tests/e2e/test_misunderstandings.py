"""Off topic, nonsense and insults: a short reply and the way back; after two misses in a row,
a person is offered. A place or a "what is" in an off-topic message is no fact and no question."""
from bot.texts import t


def test_off_topic_gets_a_short_reply_and_the_way_back(assistant):
    chat = assistant.chat("oos")
    reply = chat.send("che tempo fa domani a Milano?")
    assert reply.lines == [t("it", "chat.misunderstood.out_of_scope"), t("it", "chat.way_back")]
    assert reply.titles == ["Verificate i requisiti", "Cosa è aperto oggi", "Parlare con un consulente"]
    assert "Milano" not in chat.say("riepilogo")  # the weather's town is not the firm's


def test_in_english_off_topic_is_no_question_about_a_call(assistant):
    reply = assistant.chat("oos-en").send("what's the weather like today?")
    assert reply.lines == [t("en", "chat.misunderstood.out_of_scope"), t("en", "chat.way_back")]


def test_two_misses_in_a_row_offer_a_person(assistant):
    chat = assistant.chat("misses-it")
    chat.say("asdfghjkl qwerty")
    reply = chat.send("blablabla zxcvb")
    assert reply.last == t("it", "chat.offer.human") and ("Sì", "/affirm") in reply.buttons
    assert chat.say("sì") == t("it", "chat.handoff.ask_handoff_consent")


def test_in_english_two_misses_offer_a_person(assistant):
    chat = assistant.chat("misses-en")
    chat.say("tell me a joke please")
    reply = chat.send("what's the weather like today?")
    assert reply.last == t("en", "chat.offer.human")
    assert chat.send("no").lines[0] == t("en", "chat.human_declined")


def test_an_understood_message_between_misses_resets_the_count(assistant):
    chat = assistant.chat("misses-reset")
    chat.say("che tempo fa domani a Milano?")
    chat.say("cos'è il PID?")
    assert chat.send("raccontami una barzelletta").last != t("it", "chat.offer.human")


def test_an_insult_gets_a_calm_reply(assistant):
    reply = assistant.chat("insult").send("sei inutile")
    assert reply.lines[0] == t("it", "chat.misunderstood.insult") and reply.buttons
