"""Every answer is read and checked before the bot moves on; nothing bypasses the checks."""
from bot.texts import t


def test_a_negative_number_of_employees_is_refused_and_asked_again(assistant):
    chat = assistant.chat("negative")
    chat.say("posso partecipare al bando Verso Nuovi Mercati?")
    reply = chat.say("-5")
    assert t("it", "chat.invalid.employees") in reply
    assert reply.endswith(t("it", "chat.ask.employees"))


def test_a_correct_answer_after_a_refusal_moves_to_the_next_question(assistant):
    chat = assistant.chat("retry")
    chat.say("am I eligible for Verso Nuovi Mercati?")
    chat.say("-5")
    assert chat.say("12") == t("en", "chat.ask.turnover_eur")


def test_an_export_share_over_250_percent_is_refused(assistant):
    chat = assistant.chat("percent")
    for answer in ["posso partecipare?", "12", "1,5 mln", "Milano"]:
        chat.say(answer)
    assert t("it", "chat.invalid.export_share_pct") in chat.say("250%")


def test_a_forced_intent_carrying_a_value_does_not_fill_the_question(assistant):
    chat = assistant.chat("forced")
    chat.say("posso partecipare?")
    reply = chat.say('/inform{"employees": "5"}')
    assert reply.endswith(t("it", "chat.ask.employees"))


def test_an_export_share_over_the_limit_ends_with_not_eligible_and_the_reason(assistant):
    chat = assistant.chat("exporter")
    for answer in ["posso partecipare al bando Verso Nuovi Mercati?", "12", "1,5 mln", "Milano"]:
        chat.say(answer)
    verdict = chat.say("50%")
    assert t("it", "chat.verdict.not_eligible", call="Verso Nuovi Mercati 2025") in verdict
    assert "✗ Export dell'anno solare precedente sul volume d'affari: 50%" in verdict


def test_goodbye_during_the_questions_stops_them(assistant):
    chat = assistant.chat("leaver")
    chat.say("posso partecipare?")
    assert chat.say("arrivederci") == t("it", "chat.goodbye")
