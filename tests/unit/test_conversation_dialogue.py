"""Whole exchanges through bot.conversation, without Rasa: the intent and entities of each message
are given as the NLU would give them, and the handlers are called as the rules call the actions."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.conversation import replies, topics
from bot.conversation.intents import TOPIC_BY_INTENT
from bot.conversation.state import Message, State, Turn
from bot.texts import t

OPEN_DAY = dt.date(2025, 7, 1)


def e(name, value, role=None):
    return {"entity": name, "value": value, **({"role": role} if role else {})}


class Chat:
    def __init__(self, lang="it"):
        self.state, self.lang, self.followup = State(), lang, None

    def say(self, text, intent, *entities) -> str:
        turn = Turn(self.lang, OPEN_DAY, Message(text, intent, tuple(entities)), self.state)
        if intent in TOPIC_BY_INTENT:
            topics.answer_question(turn, TOPIC_BY_INTENT[intent])
        elif intent in ("check_eligibility", "find_calls"):
            replies.check_eligibility(turn, every_call=intent == "find_calls")
        elif intent in ("inform", "correct", "affirm", "deny", "dont_know"):
            replies.take_answer(turn)
        elif intent in ("out_of_scope", "insult", "nlu_fallback"):
            replies.misunderstood(turn, {"nlu_fallback": "fallback"}.get(intent, intent))
        else:
            getattr(replies, intent)(turn)
        self.state, self.followup = turn.state, turn.followup
        self.buttons = [b for said in turn.said for b in said.buttons]
        return "\n".join(said.text for said in turn.said)


def test_a_cold_question_is_answered_then_the_check_is_offered():
    chat = Chat()
    reply = chat.say("Dove si presenta la domanda? Serve lo SPID?", "ask_call_apply")
    assert "Bandi e Servizi" in reply and "SPID" in reply and "48 ore" in reply
    assert reply.endswith(t("it", "chat.offer.check_call", call="Verso Nuovi Mercati 2025"))
    assert ("Sì", "/affirm") in chat.buttons


def test_yes_to_the_offer_starts_the_check_with_the_first_question():
    chat = Chat()
    chat.say("quando chiude Verso Nuovi Mercati?", "ask_call_status", e("call", "verso-nuovi-mercati-2025"))
    assert chat.say("sì", "affirm").endswith(t("it", "chat.ask.employees"))


def test_several_facts_at_once_are_noted_and_only_the_missing_ones_asked():
    chat = Chat()
    reply = chat.say("siamo una srl di Bergamo, 25 dipendenti, 4 milioni di fatturato, export al 30%", "inform",
                     e("comune", "Bergamo"), e("province", "BG"), e("employees", "25"),
                     e("amount", "4000000", "turnover"), e("percent", "30", "export"))
    assert "25 dipendenti" in reply and "fatturato 4.000.000,00 €" in reply and "export 30%" in reply
    assert t("it", "chat.ask.employees") not in reply
    assert chat.state.pending == {"kind": "fact", "key": "fairs.exhibitor"}


def test_a_firm_outside_the_export_limit_gets_the_verdict_without_more_questions():
    chat = Chat()
    reply = chat.say("Posso partecipare al bando Verso Nuovi Mercati se l'anno scorso ho esportato il 50%?",
                     "check_eligibility", e("call", "verso-nuovi-mercati-2025"), e("percent", "50", "export"))
    assert "50%" in reply and chat.state.verdict_given and chat.state.pending is None


def worked_example(chat: Chat) -> str:
    chat.say("posso partecipare a Verso Nuovi Mercati?", "check_eligibility", e("call", "verso-nuovi-mercati-2025"))
    for answer in ["12", "1,5 mln", "Seriate (BG)", "20%", "3", "70k", "5.000"]:
        chat.say(answer, "inform")
    return chat.say("10.000", "inform")


def test_the_worked_example_gives_the_grant_of_facts_md():
    reply = worked_example(Chat())
    assert "21.828,00 €" in reply


def test_a_correction_after_the_verdict_says_what_changed():
    chat = Chat("en")
    worked_example(chat)
    reply = chat.say("sorry, exports were 45%", "correct", e("percent", "45", "export"))
    assert "45%" in reply and chat.state.facts["export_share_pct"] == "45"


def test_a_correction_right_after_the_loan_offer_is_a_correction_not_a_duration():
    chat = Chat()
    worked_example(chat)
    reply = chat.say("anzi, i dipendenti sono 60", "correct", e("employees", "60"))
    assert "60 dipendenti" in reply and "durata" not in reply and chat.state.pending is None


def test_an_impossible_value_is_explained_and_asked_again():
    chat = Chat()
    chat.say("posso partecipare a Verso Nuovi Mercati?", "check_eligibility")
    reply = chat.say("-5", "inform")
    assert reply == "\n".join([t("it", "chat.invalid.employees", value="-5"), t("it", "chat.ask.employees")])
    assert chat.state.facts == {}


def test_a_forced_absurd_value_is_refused_like_a_typed_one():
    chat = Chat()
    chat.say("posso partecipare a Verso Nuovi Mercati?", "check_eligibility")
    reply = chat.say('/inform{"employees": "-5"}', "inform", e("employees", "-5"))
    assert t("it", "chat.invalid.employees", value="-5") in reply
    assert reply.endswith(t("it", "chat.ask.employees")) and chat.state.facts == {}


def test_i_dont_know_skips_the_question():
    chat = Chat()
    chat.say("posso partecipare a Verso Nuovi Mercati?", "check_eligibility")
    assert chat.say("non so", "dont_know").endswith(t("it", "chat.ask.turnover_eur"))


def test_a_short_answer_the_nlu_did_not_place_is_still_taken():
    chat = Chat()
    chat.say("posso partecipare a Verso Nuovi Mercati?", "check_eligibility")
    assert chat.say("12", "nlu_fallback").endswith(t("it", "chat.ask.turnover_eur"))
    assert chat.state.facts == {"employees": "12"}


def test_a_question_in_the_middle_of_the_check_is_answered_and_the_question_asked_again():
    chat = Chat()
    chat.say("posso partecipare a Verso Nuovi Mercati?", "check_eligibility")
    reply = chat.say("cos'è il de minimis?", "ask_de_minimis")
    assert "300.000" in reply and reply.endswith(t("it", "chat.ask.employees"))


def test_the_simulation_without_a_profile_shows_the_worked_figures():
    chat = Chat()
    reply = chat.say("quanto mi finanziano su 100.000 €?", "ask_simulation", e("amount", "100000"))
    for figure in ("128.400,00 €", "25.680,00 €", "83.460,00 €", "19.260,00 €"):
        assert figure in reply
    assert any(payload.startswith("/ask_loan_plan") for _, payload in chat.buttons)


def test_the_simulation_without_an_amount_asks_for_it():
    chat = Chat("en")
    assert chat.say("give me a simulation", "ask_simulation") == t("en", "chat.ask.simulate_amount")
    assert "€128,400.00" in chat.say("100k", "inform", e("amount", "100000"))


def test_a_loan_duration_typed_after_a_simulation_gives_that_plan_then_the_grace_period_choices():
    chat = Chat()
    chat.say("quanto mi finanziano su 100.000 €?", "ask_simulation", e("amount", "100000"))
    reply = chat.say("4 anni", "inform", e("years", "4"))
    assert "4 anni" in reply and "8 rate" in reply
    assert chat.state.pending["kind"] == "loan_months"


def test_the_desk_for_a_town_after_the_merger():
    chat = Chat("en")
    reply = chat.say("Which office covers Pavia now that the chambers merged?", "ask_desk",
                     e("comune", "Pavia"), e("province", "PV"))
    assert "Cremona-Mantova-Pavia" in reply


def test_a_desk_question_without_a_place_asks_where():
    chat = Chat()
    assert chat.say("a chi mi rivolgo?", "ask_desk") == t("it", "chat.ask.desk_place")
    assert "Cremona-Mantova-Pavia" in chat.say("Voghera", "inform", e("comune", "Voghera"), e("province", "PV"))


def test_two_misunderstandings_in_a_row_offer_a_person():
    chat = Chat()
    chat.say("asdfgh", "nlu_fallback")
    reply = chat.say("che tempo fa?", "out_of_scope")
    assert reply.endswith(t("it", "chat.offer.human"))
    chat.say("sì", "affirm")
    assert chat.followup == "handoff_form"


def test_one_misunderstanding_shows_the_way_back():
    chat = Chat()
    assert chat.say("asdfgh", "nlu_fallback").endswith(t("it", "chat.way_back"))


def test_the_summary_lists_what_the_bot_knows():
    chat = Chat()
    chat.say("siamo 60 dipendenti", "inform", e("employees", "60"))
    assert "60" in chat.say("riepilogo", "summary")


def test_restart_forgets_everything():
    chat = Chat()
    chat.say("siamo 60 dipendenti", "inform", e("employees", "60"))
    chat.say("ricominciamo", "restart")
    assert chat.state == State()


@pytest.mark.parametrize("lang", ["it", "en"])
def test_the_sme_question_with_figures_classifies_the_firm(lang):
    chat = Chat(lang)
    reply = chat.say("Siamo 60 dipendenti e 12 milioni di fatturato: piccola o media?", "ask_sme_definition",
                     e("employees", "60"), e("amount", "12000000", "turnover"))
    assert ("media" if lang == "it" else "medium") in reply
