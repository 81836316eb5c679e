"""No dead ends: a short answer is read against the last question; "non so" skips it and is never
asked again; when unsure the bot offers the closest topics as buttons; every reply ends with
what the user can do next (a question, an offer, buttons)."""
import pytest

from bot.texts import t
from tests.e2e.conftest import Reply, closed_today



def offers_next(reply: Reply) -> bool:
    """The reply ends with something to answer or to press (or, for the summary, how to correct it)."""
    return bool(reply.buttons) or "?" in reply.last or reply.last in (t("it", "chat.summary_hint"),
                                                                     t("en", "chat.summary_hint"))


def test_short_answers_are_read_against_the_last_question(day):
    chat = day[0].chat("short")
    offer = chat.send("quando chiude Verso Nuovi Mercati?")
    assert offer.last == t("it", "chat.offer.check_call", call="Verso Nuovi Mercati 2025")
    assert chat.send("sì").last == t("it", "chat.ask.employees")
    assert chat.send("12").last == t("it", "chat.ask.turnover_eur")
    assert chat.send("3 milioni").last == t("it", "chat.ask.province")
    assert chat.send("Bergamo").last == t("it", "chat.ask.export_share_pct")
    assert chat.send("20").lines[0].startswith("✓ Export dell'anno solare precedente sul volume d'affari: 20%")
    assert chat.send("2").lines[0] == "✓ Bilanci approvati: 2, almeno 2 come richiesto."


def test_no_to_the_offered_check_is_taken_and_not_asked_again(assistant):
    chat = assistant.chat("short-no")
    chat.send("When does Verso Nuovi Mercati close?")
    declined = chat.send("no")
    assert declined.lines[0] == t("en", "chat.check_declined") and offers_next(declined)
    later = chat.send("what is the interest rate?")
    assert t("en", "chat.offer.check_call", call="Verso Nuovi Mercati (Towards New Markets) 2025") not in later.lines


@pytest.mark.parametrize("lang, opening, dont_know", [
    ("it", "posso partecipare a Verso Nuovi Mercati?", ["non so", "boh, non lo so", "non saprei", "non so"]),
    ("en", "am I eligible for Verso Nuovi Mercati?", ["I don't know", "no idea", "not sure", "I don't know"]),
])
def test_i_dont_know_skips_each_question_and_never_loops(day, lang, opening, dont_know):
    assistant, closed = day
    chat = assistant.chat(f"dont-know-{lang}")
    verdict = t(lang, f"answers.verdict.{'closed' if closed else 'open'}.unknown",
                call="Verso Nuovi Mercati 2025" if lang == "it" else "Verso Nuovi Mercati (Towards New Markets) 2025")
    reply = chat.send(opening)
    asked = []
    for turn in range(12):
        if reply.lines[0] == verdict:
            break
        assert "?" in reply.last, reply.text
        asked.append(reply.last)
        reply = chat.send(dont_know[turn % len(dont_know)])
    assert len(asked) == len(set(asked)), "a question skipped with 'non so' was asked again"
    assert t(lang, "chat.ask.employees") in asked and t(lang, "chat.ask.vnm_expenses_consultancy") in asked
    assert reply.lines[0] == verdict
    assert reply.last == t(lang, "chat.after_verdict") and offers_next(reply)


@closed_today
def test_on_the_real_date_i_dont_know_ends_with_what_to_do_now(assistant_on_real_date):
    chat = assistant_on_real_date.chat("dont-know-real")
    reply = chat.send("am I eligible for Verso Nuovi Mercati?")
    for _ in range(8):
        reply = chat.send("I don't know")
    assert reply.lines[0] == ("I can't tell for sure whether you would have qualified for "
                              "“Verso Nuovi Mercati (Towards New Markets) 2025”: I am missing some facts.")
    assert reply.last == t("en", "chat.after_verdict") and reply.titles == ["Talk to an advisor", "What is open today", "Alert me"]


def test_i_dont_know_after_the_check_is_no_loop(assistant_on_real_date):
    chat = assistant_on_real_date.chat("dont-know-after")
    first = chat.send("non so")
    second = chat.send("non so")
    assert offers_next(first) and offers_next(second)
    assert second.text == first.text  # the same options, not a question asked again and again


@pytest.mark.parametrize("lang, text", [("it", "e le fiere?"), ("en", "the fairs?")])
def test_when_unsure_the_closest_topics_are_offered_as_buttons(assistant, lang, text):
    reply = assistant.chat(f"unsure-{lang}").send(text)
    assert reply.lines == [t(lang, "chat.misunderstood.closest")]
    assert len(reply.buttons) >= 2 and all(payload.startswith('/ask{"aspect":') for _, payload in reply.buttons)


def test_a_closest_topic_button_answers_it(assistant):
    chat = assistant.chat("unsure-press")
    offer = chat.send("the fairs?")
    answer = chat.send(offer.buttons[0][1])
    assert answer.lines[0] != t("en", "chat.misunderstood.closest") and offers_next(answer)


@pytest.mark.parametrize("text", [
    "ciao", "grazie", "ok", "cos'è il PID?", "quali bandi sono aperti?", "sono di Voghera",
    "quanto mi finanziano su 100.000 €?", "che tempo fa domani a Milano?", "sei inutile", "asdf qwer",
    "riepilogo", "in English please", "hello", "thanks", "what is de minimis?", "which calls are open?",
    "tell me a joke please", "How much funding would I get on a €250,000 project?",
])
def test_every_reply_ends_with_what_the_user_can_do_next(day, text):
    reply = day[0].chat("next").send(text)
    assert offers_next(reply), reply.text


@pytest.mark.parametrize("lang, words", [("it", ["voglio parlare con un consulente", "no", "Bergamo"]),
                                         ("en", ["I'd like to talk to an advisor", "no", "Pavia"])])
def test_after_an_anonymous_enquiry_the_bot_still_offers_a_way_on(assistant, lang, words):
    chat = assistant.chat(f"after-handoff-{lang}")
    for text in words:
        reply = chat.send(text)
    assert reply.last == t(lang, "chat.anything_else") and reply.buttons
