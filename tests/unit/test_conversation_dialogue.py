"""Whole exchanges through bot.conversation.routing.handle(), the one table every turn goes
through, without Rasa: each message gets the intent the classifier would give and the entities
bot.nlu extracts from its words (a button's payload, the intent and values it carries)."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.conversation.state import State
from bot.texts import t
from tests.unit.chat import Chat

OPEN_DAY = dt.date(2025, 7, 1)
VNM = "verso-nuovi-mercati-2025"


def facts_of(chat: Chat, key: str):
    return chat.state.facts.get(key)


def check_vnm(chat: Chat) -> str:
    return chat.say("posso partecipare a Verso Nuovi Mercati?", "check_eligibility")


def worked_example(chat: Chat) -> str:
    """FACTS.md §1: 12 employees, 1.5 M turnover, Seriate, 20% exports, 3 balance sheets, 85k of expenses."""
    check_vnm(chat)
    for answer in ["12", "1,5 mln", "Seriate (BG)", "20%", "3", "70k", "5.000"]:
        chat.say(answer, "inform")
    return chat.say("10.000", "inform")


# --- questions ------------------------------------------------------------------------------

def test_a_cold_question_is_answered_then_the_check_is_offered():
    chat = Chat(today=OPEN_DAY)
    reply = chat.say("Dove si presenta la domanda? Serve lo SPID?", "ask")
    assert "Bandi e Servizi" in reply and "SPID" in reply and "48 ore" in reply
    assert reply.endswith(t("it", "chat.offer.check_call", call="Verso Nuovi Mercati 2025"))
    assert ("Sì", "/affirm") in chat.buttons


def test_yes_to_the_offer_starts_the_check_with_the_first_question():
    chat = Chat(today=OPEN_DAY)
    chat.say("quando chiude Verso Nuovi Mercati?", "ask")
    assert chat.say("sì", "affirm").endswith(t("it", "chat.ask.employees"))
    assert chat.state.check_scope == VNM


def test_no_to_the_offer_is_not_asked_again():
    chat = Chat(today=OPEN_DAY)
    chat.say("quando chiude Verso Nuovi Mercati?", "ask")
    assert chat.say("no", "deny").startswith(t("it", "chat.check_declined"))
    reply = chat.say("e quanto dura il finanziamento?", "ask")
    assert t("it", "chat.offer.check_call", call="Verso Nuovi Mercati 2025") not in reply


def test_a_follow_up_question_is_about_the_call_discussed():
    chat = Chat(today=OPEN_DAY)
    chat.say("parlami del bando fiere 2024", "ask")
    reply = chat.say("fino a quando si può fare domanda?", "ask")
    assert "Fiere internazionali in Lombardia 2024-2026" in reply and "31 agosto 2026" in reply


def test_a_question_in_the_middle_of_the_check_is_answered_and_the_question_asked_again():
    chat = Chat(today=OPEN_DAY)
    check_vnm(chat)
    reply = chat.say("cos'è il de minimis?", "ask")
    assert "300.000,00\u00a0€" in reply and reply.endswith(t("it", "chat.ask.employees"))


@pytest.mark.parametrize("lang, text, size", [
    ("it", "Siamo 60 dipendenti e 12 milioni di fatturato: piccola o media?", "media impresa"),
    ("en", "We have 60 employees and 12 million turnover: are we small or medium?", "medium enterprise"),
])
def test_the_sme_question_with_figures_classifies_the_firm(lang, text, size):
    chat = Chat(lang)
    reply = chat.say(text, "ask")
    assert size in reply and chat.state.facts == {"employees": "60", "turnover_eur": "12000000"}


def test_an_answer_button_asks_its_aspect_again():
    chat = Chat("en", today=OPEN_DAY)
    reply = chat.say('/ask{"aspect":"how_to_apply","call_id":"verso-nuovi-mercati-2025"}')
    assert reply.startswith("How to apply for “Verso Nuovi Mercati (Towards New Markets) 2025”:")


def test_a_forced_payload_with_an_unknown_aspect_gets_the_options():
    chat = Chat(today=OPEN_DAY)
    assert chat.say('/ask{"aspect":"drop table"}') == t("it", "chat.options")


# --- the eligibility check --------------------------------------------------------------------

def test_several_facts_at_once_are_noted_and_only_the_missing_ones_asked():
    chat = Chat(today=OPEN_DAY)
    reply = chat.say("siamo una srl di Bergamo, 25 dipendenti, 4 milioni di fatturato, export al 30%", "inform")
    assert "25 dipendenti" in reply and "fatturato 4.000.000,00\u00a0€" in reply and "export 30%" in reply
    assert t("it", "chat.ask.employees") not in reply
    # balance sheets settle Verso Nuovi Mercati and the Linea Internazionalizzazione 2021-2027 (closed):
    # as many calls as the exhibitor question, and the engine asks them first
    assert chat.state.pending == {"kind": "fact", "key": "approved_balance_sheets"}


def test_can_we_apply_with_one_fact_is_answered_on_that_requirement_at_once():
    chat = Chat(today=OPEN_DAY)
    reply = chat.say("Posso partecipare al bando Verso Nuovi Mercati se l'anno scorso ho esportato il 50%?",
                     "check_eligibility")
    lines = reply.splitlines()
    assert lines[0] == t("it", "answers.rule.no", call="Verso Nuovi Mercati 2025")
    assert "✗ Export dell'anno solare precedente sul volume d'affari: 50%, oltre il limite di 40%." in lines
    assert chat.state.facts == {"export_share_pct": "50"}


def test_a_firm_outside_the_export_limit_gets_the_verdict_without_more_questions():
    chat = Chat(today=OPEN_DAY)
    check_vnm(chat)
    reply = chat.say("l'anno scorso abbiamo esportato il 50%", "inform")
    assert t("it", "answers.verdict.open.not_eligible", call="Verso Nuovi Mercati 2025") in reply.splitlines()
    assert chat.state.verdict_given and chat.state.pending is None


def test_the_worked_example_gives_the_grant_of_facts_md():
    reply = worked_example(Chat(today=OPEN_DAY))
    assert "Sì: da quello che mi avete detto, avete i requisiti per «Verso Nuovi Mercati 2025»." in reply
    for line in ("• Contributo a fondo perduto: 21.828,00\u00a0€", "• Finanziamento agevolato: 70.941,00\u00a0€",
                 "• A vostro carico: 16.371,00\u00a0€"):
        assert line in reply.splitlines()


def test_after_the_verdict_the_loan_durations_are_offered():
    chat = Chat(today=OPEN_DAY)
    worked_example(chat)
    assert chat.state.pending == {"kind": "loan_years", "source": "profile", "call_id": VNM}
    assert [title for title, _ in chat.buttons[-5:-1]] == ["3 anni", "4 anni", "5 anni", "6 anni"]


def test_the_verdict_on_a_closed_call_says_what_it_would_have_been():
    reply = worked_example(Chat(today=dt.date(2026, 12, 2)))
    assert "Sì: da quello che mi avete detto, avreste avuto i requisiti per «Verso Nuovi Mercati 2025»." in reply


def test_a_correction_after_the_verdict_says_what_changed():
    chat = Chat("en", today=OPEN_DAY)
    worked_example(chat)
    reply = chat.say("sorry, exports were 45%", "correct")
    assert reply.startswith("With exports at 45%, your company is no longer eligible for "
                            "“Verso Nuovi Mercati (Towards New Markets) 2025”:")
    assert chat.state.facts["export_share_pct"] == "45"


def test_a_correction_right_after_the_loan_offer_is_a_correction_not_a_duration():
    chat = Chat(today=OPEN_DAY)
    worked_example(chat)
    reply = chat.say("anzi, i dipendenti sono 60", "correct")
    assert "Con 60 dipendenti" in reply and "durata" not in reply and chat.state.pending is None


def test_an_impossible_value_is_explained_and_asked_again():
    chat = Chat(today=OPEN_DAY)
    check_vnm(chat)
    reply = chat.say("-5", "inform")
    assert reply == "\n".join([t("it", "chat.invalid.employees", value="-5"), t("it", "chat.ask.employees")])
    assert chat.state.facts == {}


def test_a_forced_absurd_value_is_refused_like_a_typed_one():
    chat = Chat(today=OPEN_DAY)
    check_vnm(chat)
    reply = chat.say('/inform{"employees": "-5"}')
    assert t("it", "chat.invalid.employees", value="-5") in reply
    assert reply.endswith(t("it", "chat.ask.employees")) and chat.state.facts == {}


def test_i_dont_know_skips_the_question():
    chat = Chat(today=OPEN_DAY)
    check_vnm(chat)
    assert chat.say("non so", "dont_know").endswith(t("it", "chat.ask.turnover_eur"))
    assert chat.state.skipped == ("employees",)


def test_a_short_answer_the_classifier_did_not_place_is_still_taken():
    chat = Chat(today=OPEN_DAY)
    check_vnm(chat)
    assert chat.say("12", "nlu_fallback", confidence=0.3).endswith(t("it", "chat.ask.turnover_eur"))
    assert chat.state.facts == {"employees": "12"}


def test_the_firms_age_brings_the_balance_sheets_question_next():
    chat = Chat(today=OPEN_DAY)
    reply = chat.say("siamo attivi dal 2015", "inform")
    assert reply.startswith(t("it", "chat.noted", facts="attiva da 10 anni"))
    assert chat.state.pending == {"kind": "fact", "key": "approved_balance_sheets"}


def test_the_check_of_a_call_says_what_it_requires_of_the_fact_asked():
    chat = Chat(today=OPEN_DAY)
    reply = chat.say("posso partecipare a Verso Nuovi Mercati? siamo attivi dal 2015", "check_eligibility")
    assert reply.splitlines()[1:] == [t("it", "chat.hint.approved_balance_sheets.at_least",
                                        call="Verso Nuovi Mercati 2025", limit="2"),
                                      t("it", "chat.ask.approved_balance_sheets")]


def test_a_first_year_firm_is_counted_with_no_approved_balance_sheet():
    chat = Chat(today=OPEN_DAY)
    check_vnm(chat)
    reply = chat.say("l'impresa è nata 6 mesi fa", "inform")
    assert t("it", "chat.inferred.no_balance_sheets") in reply
    assert chat.state.facts["approved_balance_sheets"] == "0"


def test_the_balance_sheets_are_taken_from_a_sentence():
    chat = Chat(today=OPEN_DAY)
    chat.say("abbiamo 3 bilanci approvati", "inform")
    assert chat.state.facts == {"approved_balance_sheets": "3"}


# --- simulations and loan plans --------------------------------------------------------------

def test_the_simulation_without_a_profile_shows_the_worked_figures():
    chat = Chat(today=OPEN_DAY)
    reply = chat.say("quanto mi finanziano su 100.000 €?", "ask")
    for figure in ("128.400,00\u00a0€", "25.680,00\u00a0€", "83.460,00\u00a0€", "19.260,00\u00a0€"):
        assert figure in reply
    assert any(payload.startswith('/ask{"aspect":"loan_plan"') for _, payload in chat.buttons)
    assert chat.state.facts == {}  # the amount simulated is a what-if, not the firm's investment


def test_the_simulation_without_an_amount_asks_for_it():
    chat = Chat("en", today=OPEN_DAY)
    assert chat.say("give me a simulation", "ask") == t("en", "chat.ask.simulate_amount")
    assert "€128,400.00" in chat.say("100k", "inform")


def test_a_loan_duration_typed_after_a_simulation_gives_that_plan_then_the_grace_period_choices():
    chat = Chat(today=OPEN_DAY)
    chat.say("quanto mi finanziano su 100.000 €?", "ask")
    reply = chat.say("4 anni", "inform")
    assert "Finanziamento di 83.460,00\u00a0€ in 4 anni senza preammortamento" in reply
    assert "8 rate semestrali da 10.787,67\u00a0€" in reply
    assert chat.state.pending["kind"] == "loan_months"


def test_a_duration_with_a_preamortisation_typed_after_a_simulation_gives_that_plan():
    chat = Chat(today=OPEN_DAY)
    chat.say("quanto mi finanziano su 100.000 €?", "ask")
    reply = chat.say("4 anni e 12 mesi di preammortamento", "inform")
    assert "2 pagamenti di soli interessi da 625,95\u00a0€" in reply and "6 rate semestrali da 14.277,41\u00a0€" in reply


def test_a_refused_preamortisation_is_not_kept_for_the_next_plan():
    chat = Chat(today=OPEN_DAY)
    chat.say("quanto mi finanziano su 100.000 €?", "ask")
    chat.say("4 anni", "inform")
    assert chat.say("7", "inform").startswith("Il preammortamento si indica in multipli di 6 mesi")
    _, five_years = next(button for button in chat.buttons if button[0] == "Piano in 5 anni")
    assert "in 5 anni senza preammortamento" in chat.say(five_years)


def test_a_plan_button_gives_that_plan():
    chat = Chat("en", today=OPEN_DAY)
    chat.say("How much funding would I get on a €100,000 project?", "ask")
    title, payload = next(button for button in chat.buttons if button[0] == "Plan over 4 years")
    reply = chat.say(payload)
    assert "Loan of €83,460.00 over 4 years" in reply and "8 semi-annual (every six months) instalments" in reply


def test_nothing_spent_on_training_is_zero():
    chat = Chat(today=OPEN_DAY)
    chat.say("posso partecipare a Verso Nuovi Mercati? siamo 12 dipendenti, 1,5 milioni di fatturato, di Seriate, "
             "export al 20%, 3 bilanci approvati", "check_eligibility")
    chat.say("70.000", "inform")
    assert chat.state.pending == {"kind": "fact", "key": "vnm_expenses.training"}
    chat.say("nulla", "inform")
    assert facts_of(chat, "vnm_expenses") == {"initiatives": "70000", "training": "0"}


# --- expense items -------------------------------------------------------------------------------

def test_an_expense_named_is_answered_as_eligible_or_excluded():
    chat = Chat(today=OPEN_DAY)
    reply = chat.say("posso mettere l'affitto di un ufficio?", "ask")
    assert reply.startswith("No: con «Verso Nuovi Mercati 2025» non sono ammesse spese per affitti.")


def test_an_expense_asked_about_the_fairs_call_discussed_is_answered_without_a_crash():
    chat = Chat(today=OPEN_DAY)
    chat.say("parlami del bando fiere 2024", "ask")
    reply = chat.say("posso mettere l'affitto di un ufficio?", "ask")
    assert "Fiere internazionali in Lombardia 2024-2026" in reply


# --- desks -------------------------------------------------------------------------------------

def test_the_desk_for_a_town_after_the_merger():
    chat = Chat("en", today=OPEN_DAY)
    reply = chat.say("Which office covers Pavia now that the chambers merged?", "ask")
    assert "Cremona-Mantova-Pavia" in reply


def test_a_desk_question_without_a_place_asks_where():
    chat = Chat(today=OPEN_DAY)
    assert chat.say("a chi mi rivolgo?", "ask") == t("it", "chat.ask.desk_place")
    assert "Cremona-Mantova-Pavia" in chat.say("Voghera", "inform")
    assert chat.state.facts == {"comune": "Voghera", "province": "PV"}


# --- not understood, commands ------------------------------------------------------------------

def test_one_misunderstanding_shows_the_way_back():
    chat = Chat(today=OPEN_DAY)
    assert chat.say("asdfgh", "nlu_fallback", confidence=0.2).endswith(t("it", "chat.way_back"))
    assert chat.state.misses == 1


def test_two_misunderstandings_in_a_row_offer_a_person():
    chat = Chat(today=OPEN_DAY)
    chat.say("asdfgh", "nlu_fallback", confidence=0.2)
    reply = chat.say("che tempo fa?", "out_of_scope")
    assert reply.endswith(t("it", "chat.offer.human"))
    assert chat.say("sì", "affirm") == t("it", "chat.handoff.ask_handoff_consent")
    assert chat.state.pending == {"kind": "handoff", "step": "consent"}


def test_an_understood_message_resets_the_count_of_misunderstandings():
    chat = Chat(today=OPEN_DAY)
    chat.say("asdfgh", "nlu_fallback", confidence=0.2)
    chat.say("cos'è il PID?", "ask")
    assert chat.state.misses == 0


def test_the_summary_lists_what_the_bot_knows():
    chat = Chat(today=OPEN_DAY)
    chat.say("siamo 60 dipendenti", "inform")
    assert "• Dipendenti: 60" in chat.say("riepilogo", "summary").splitlines()


def test_start_over_forgets_everything():
    chat = Chat(today=OPEN_DAY)
    chat.say("siamo 60 dipendenti", "inform")
    assert chat.say("ricominciamo", "start_over") == t("it", "chat.restarted")
    assert chat.state == State()


def test_the_language_follows_the_user():
    chat = Chat("it", today=OPEN_DAY)
    assert chat.say("in English please", "switch_language").splitlines() == [t("en", "chat.language_switched"),
                                                                              t("en", "chat.anything_else")]
    assert chat.lang == "en" and chat.buttons  # nothing was pending: what to do next, as buttons


def test_a_message_over_the_limit_is_refused_with_the_limit_and_nothing_is_lost():
    chat = Chat(today=OPEN_DAY)
    chat.say("siamo 12 dipendenti", intent="inform")
    before = chat.state
    reply = chat.say("Milano " * 400, intent="inform")
    assert "al massimo 2.000 caratteri" in reply
    assert chat.state.facts == before.facts and chat.state.pending == before.pending


def test_an_absurd_number_is_refused_and_quoted_short():
    chat = Chat(today=OPEN_DAY)
    chat.say("/check_eligibility")
    reply = chat.say("9" * 300, intent="inform")
    assert "non è possibile" in reply and "…»" in reply and len(reply) < 400


def test_a_greeting_from_a_channel_post_link_presents_that_call():
    # What the Telegram channel sends for /start <call id> (bot/channels/telegram_updates.py).
    reply = Chat("en").say('/greet{"call_id": "fiere-internazionali-2024-2026"}')
    assert "International trade fairs in Lombardy 2024-2026" in reply
