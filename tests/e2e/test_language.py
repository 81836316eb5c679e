"""The reply language: detected on each message, asked for by name, hinted by the channel."""
from bot.texts import t


def test_the_widgets_language_hint_sets_the_start(assistant):
    assert assistant.chat("hint").say("/greet", metadata={"language": "en"}).startswith(t("en", "chat.greet"))


def test_writing_in_english_switches_the_conversation(assistant):
    chat = assistant.chat("switch-write")
    chat.say("ciao")
    assert "300,000" in chat.say("what is de minimis aid?")


def test_asking_for_a_language_switches_and_asking_again_switches_back(assistant):
    chat = assistant.chat("switch-ask")
    chat.say("posso partecipare a Verso Nuovi Mercati?")
    assert chat.say("in English please") == "\n".join(
        [t("en", "chat.language_switched"), t("en", "chat.ask.employees")])
    assert chat.say("parla italiano").startswith(t("it", "chat.language_switched"))


def test_a_short_answer_keeps_the_conversations_language(assistant):
    chat = assistant.chat("keep")
    chat.say("am I eligible for Verso Nuovi Mercati?")
    assert chat.say("Bergamo").endswith(t("en", "chat.ask.employees"))
    assert chat.say("12") == t("en", "chat.ask.turnover_eur")
