"""Every answer is read and checked before the bot keeps it; nothing bypasses the checks."""
from bot.texts import t


def test_a_negative_number_of_employees_is_refused_and_asked_again(assistant):
    chat = assistant.chat("negative")
    chat.say("posso partecipare al bando Verso Nuovi Mercati?")
    reply = chat.say("-5")
    assert t("it", "chat.invalid.employees", value="-5") in reply
    assert reply.endswith(t("it", "chat.ask.employees"))


def test_a_correct_answer_after_a_refusal_moves_on(assistant):
    chat = assistant.chat("retry")
    chat.say("am I eligible for Verso Nuovi Mercati?")
    chat.say("-5")
    assert chat.say("12") == t("en", "chat.ask.turnover_eur")


def test_an_export_share_of_250_percent_is_refused(assistant):
    reply = assistant.chat("percent").say("siamo 12 dipendenti ed esportiamo il 250% del fatturato")
    assert t("it", "chat.invalid.export_share_pct", value="250") in reply


def test_a_forced_intent_carrying_an_absurd_value_is_refused(assistant):
    chat = assistant.chat("forced")
    chat.say("posso partecipare al bando Verso Nuovi Mercati?")
    reply = chat.say('/inform{"employees": "-5"}')
    assert t("it", "chat.invalid.employees", value="-5") in reply and reply.endswith(t("it", "chat.ask.employees"))


def test_goodbye_during_the_questions_stops_them(assistant):
    chat = assistant.chat("leaver")
    chat.say("posso partecipare?")
    assert chat.say("arrivederci") == t("it", "chat.goodbye")
