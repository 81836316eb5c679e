"""Facts given in any order, several at once; only what is still missing is asked, one question
at a time; the verdict follows; corrections say what changed; summary and restart."""
from bot.texts import t
from tests.e2e.conftest import NBSP

MULTI_FACT_IT = ("siamo una srl di Bergamo, 25 dipendenti, 4 milioni di fatturato, export al 30%, "
                 "vorremmo investire 100 mila euro in Germania")
MULTI_FACT_EN = "we are a small company in Brescia with 18 employees and a turnover of 2 million, exports 10%"


def test_several_facts_in_one_message_are_all_noted(assistant):
    reply = assistant.chat("multi-it").send(MULTI_FACT_IT)
    assert reply.lines[0] == (f"Ho preso nota: sede a Bergamo, 25 dipendenti, fatturato 4.000.000,00{NBSP}€, "
                              f"export 30%, investimento 100.000,00{NBSP}€.")


def test_after_several_facts_only_a_missing_one_is_asked_with_its_choices(assistant):
    reply = assistant.chat("multi-it-next").send(MULTI_FACT_IT)
    assert t("it", "chat.ask.employees") not in reply.text
    # the calls now include Linea Internazionalizzazione 2021-2027, which also turns on balance sheets
    assert reply.text.endswith(t("it", "chat.ask.approved_balance_sheets"))
    assert [title for title, _ in reply.buttons] == ["Non so"]


def test_in_english_several_facts_are_noted_and_the_next_missing_one_asked(assistant):
    reply = assistant.chat("multi-en").send(MULTI_FACT_EN)
    assert reply.lines[0] == "Noted: based in Brescia, 18 employees, turnover €2,000,000.00, exports 10%."
    assert t("en", "chat.ask.employees") not in reply.lines and "?" in reply.last


def test_any_call_that_fits_starts_the_check_of_every_call(assistant):
    reply = assistant.chat("anycall").say("is there any call that fits my company?")
    # the site first: the chambers' calls are only for firms in their provinces
    assert t("en", "chat.check.start_all") in reply and reply.endswith(t("en", "chat.ask.province"))


def test_a_question_in_the_middle_of_the_check_is_answered_and_the_question_repeated(assistant):
    chat = assistant.chat("interrupt")
    chat.say("posso partecipare a Verso Nuovi Mercati?")
    reply = chat.send("cos'è il de minimis?")
    assert f"300.000,00{NBSP}€" in reply.text and reply.last == t("it", "chat.ask.employees")


def test_a_correction_that_changes_nothing_says_so(assistant):
    chat = assistant.chat("correct-same")
    chat.say(MULTI_FACT_IT)
    reply = chat.say("anzi, i dipendenti sono 30")
    assert reply.startswith("Con 30 dipendenti nessun verdetto e nessuna cifra cambiano.")


def test_a_correction_after_the_verdict_says_the_verdict_changed(assistant):
    chat = assistant.chat("correct-en")
    for answer in ["am I eligible for Verso Nuovi Mercati?", "we have 12 employees", "1.5M", "Bergamo", "20%",
                   "3", "70k", "5,000", "10,000"]:
        chat.say(answer)
    reply = chat.send("sorry, exports were 45%")
    assert reply.lines[:2] == [
        "With exports at 45%, your company is no longer eligible for “Verso Nuovi Mercati (Towards New Markets) 2025”:",
        "✗ Exports in the previous calendar year as a share of turnover (volume d'affari): 45%, above the limit of 40%."]


def test_the_summary_says_what_the_bot_knows_and_restart_forgets_it(assistant):
    chat = assistant.chat("summary")
    chat.say(MULTI_FACT_IT)
    summary = chat.send("riepilogo").lines
    assert summary[0] == "Ecco cosa so di voi:"
    for line in ("• Dipendenti: 25", f"• Fatturato: 4.000.000,00{NBSP}€", "• Sede: Bergamo (BG)",
                 "• Export dell'anno scorso sul volume d'affari: 30%", f"• Investimento: 100.000,00{NBSP}€"):
        assert line in summary
    assert summary[-1] == t("it", "chat.ask.approved_balance_sheets")  # the question pending, asked again
    assert chat.say("ricominciamo").startswith(t("it", "chat.restarted"))
    assert "Fatturato" not in chat.say("riepilogo")
