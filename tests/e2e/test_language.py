"""The reply language: detected on each message, asked for by name, hinted by the channel; a
short answer keeps the conversation's language. Both languages on both dates."""
from bot.texts import t


def test_the_widgets_language_hint_sets_the_start(assistant):
    reply = assistant.chat("hint").send("/greet", metadata={"language": "en"})
    assert reply.lines[0] == t("en", "chat.greet") and reply.titles[0] == t("en", "chat.button.check")


def test_without_a_hint_the_greeting_is_italian(assistant):
    assert assistant.chat("no-hint").send("buongiorno").lines[0] == t("it", "chat.greet")


def test_writing_in_english_switches_the_conversation(assistant):
    chat = assistant.chat("switch-write")
    chat.say("ciao")
    reply = chat.send("what is de minimis aid?")
    assert reply.lines[0] == "De minimis aid:" and "€300,000.00" in reply.text
    assert chat.send("e cos'è il PID?").lines[0] == "PID - Punti Impresa Digitale:"


def test_asking_for_a_language_switches_and_asking_again_switches_back(assistant):
    chat = assistant.chat("switch-ask")
    chat.say("posso partecipare a Verso Nuovi Mercati?")
    assert chat.say("in English please") == "\n".join(
        [t("en", "chat.language_switched"), t("en", "chat.ask.employees")])
    assert chat.say("parla italiano") == "\n".join([t("it", "chat.language_switched"), t("it", "chat.ask.employees")])


def test_a_switch_with_nothing_pending_offers_what_to_do_next(assistant_on_real_date):
    reply = assistant_on_real_date.chat("switch-idle").send("can you answer in English?")
    assert reply.lines == [t("en", "chat.language_switched"), t("en", "chat.anything_else")]
    assert reply.titles == ["Check our eligibility", "What is open today", "Talk to an advisor"]


def test_a_short_answer_keeps_the_conversations_language(day):
    chat = day[0].chat("keep")
    chat.say("am I eligible for Verso Nuovi Mercati?")
    assert chat.send("12").last == t("en", "chat.ask.turnover_eur")
    assert chat.send("1,5 mln").last == t("en", "chat.ask.province")
    assert chat.send("Bergamo").lines[0] == "✓ It has an operating site in Lombardy (Bergamo (BG))."
    assert chat.send("20%").last == t("en", "chat.ask.approved_balance_sheets")
