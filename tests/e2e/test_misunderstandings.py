"""Off topic, nonsense and insults: a short reply and the way back; after two misses in a row,
a person is offered."""
from bot.texts import t


def test_off_topic_gets_a_short_reply_and_the_way_back(assistant):
    reply = assistant.chat("oos").say("che tempo fa domani a Milano?")
    assert reply == t("it", "chat.misunderstood.out_of_scope") + "\n" + t("it", "chat.way_back")


def test_two_misses_in_a_row_offer_a_person(assistant):
    chat = assistant.chat("misses-it")
    chat.say("asdfghjkl qwerty")
    reply = chat.send("blablabla zxcvb")
    assert reply.text.endswith(t("it", "chat.offer.human")) and ("Sì", "/affirm") in reply.buttons
    assert chat.say("sì") == t("it", "chat.handoff.ask_handoff_consent")


def test_in_english_two_misses_offer_a_person(assistant):
    chat = assistant.chat("misses-en")
    chat.say("tell me a joke please")
    assert chat.say("what's the weather like today?").endswith(t("en", "chat.offer.human"))


def test_an_understood_message_between_misses_resets_the_count(assistant):
    chat = assistant.chat("misses-reset")
    chat.say("che tempo fa domani a Milano?")
    chat.say("cos'è il PID?")
    assert not chat.say("raccontami una barzelletta").endswith(t("it", "chat.offer.human"))


def test_an_insult_gets_a_calm_reply(assistant):
    assert assistant.chat("insult").say("sei inutile").startswith(t("it", "chat.misunderstood.insult"))
