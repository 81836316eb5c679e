"""Any question, asked cold as the very first message, is answered at once from the catalogue;
the eligibility check is offered afterwards, never forced before."""
from bot.texts import t


def test_where_to_apply_is_answered_first_then_the_check_is_offered(assistant):
    reply = assistant.chat("apply-it").send("Dove si presenta la domanda? Serve lo SPID?")
    assert "Bandi e Servizi" in reply.text and "SPID o CNS" in reply.text and "48 ore" in reply.text
    assert reply.text.endswith(t("it", "chat.offer.check_call", call="Verso Nuovi Mercati 2025"))
    assert ("Sì", "/affirm") in reply.buttons


def test_in_english_where_to_apply_and_spid(assistant):
    reply = assistant.chat("apply-en").say("Where do I submit the application and do I need SPID?")
    assert "Bandi e Servizi" in reply and "SPID or CNS" in reply and "48 hours" in reply


def test_the_split_between_grant_and_loan(assistant):
    reply = assistant.chat("split").say("Quanto è a fondo perduto e quanto è prestito?")
    assert "20% a fondo perduto" in reply and "65% come finanziamento agevolato" in reply


def test_the_cap_on_the_consultancy_for_the_action_plan(assistant):
    reply = assistant.chat("cap").say("La consulenza per scrivere il piano d'azione quanto può valere al massimo?")
    assert "Al massimo il 20% delle spese per iniziative (B) e formazione (C)" in reply


def test_the_size_of_a_firm_with_60_employees_and_12_million(assistant):
    reply = assistant.chat("sme-it").say(
        "Siamo 60 dipendenti e 12 milioni di fatturato: siamo una piccola o una media impresa?")
    assert "siete una media impresa" in reply


def test_in_english_the_size_question_with_figures(assistant):
    reply = assistant.chat("sme-en").say("With 60 employees and 12 million turnover are we small or medium?")
    assert "medium-sized enterprise" in reply or "medium enterprise" in reply


def test_a_new_exhibitors_stand_of_24_square_metres(assistant):
    reply = assistant.chat("fair").say(
        "Quanto prende un nuovo espositore per uno stand di 24 metri quadri a Rho Fiera?")
    assert "Nuovo espositore: contributo 6.779,52 € (50%)" in reply
    assert "chiude il 31 agosto 2026" in reply


def test_who_to_turn_to_in_bergamo(assistant):
    reply = assistant.chat("desk-it").say("A chi mi rivolgo a Bergamo per farmi aiutare con la domanda?")
    assert "Lombardia Point della Camera di Commercio di Bergamo" in reply


def test_in_english_the_office_for_pavia_after_the_merger(assistant):
    reply = assistant.chat("desk-en").say("Which office covers Pavia now that the chambers merged?")
    assert "Cremona-Mantova-Pavia" in reply and "18 November 2024" in reply
    assert "confirm them on the Chamber of Commerce's official website" in reply


def test_when_the_call_closes(assistant):
    reply = assistant.chat("status").say("quando chiude Verso Nuovi Mercati?")
    assert "chiude il 9 settembre 2025 (mancano 70 giorni)" in reply


def test_in_english_the_documents_and_the_action_plan(assistant):
    reply = assistant.chat("docs").say("What goes in the action plan?")
    assert "Internationalisation Action Plan" in reply


def test_de_minimis(assistant):
    assert "300.000" in assistant.chat("deminimis").say("cos'è il de minimis?")


def test_in_english_what_een_is(assistant):
    assert "SIMPLER" in assistant.chat("een").say("what is the Enterprise Europe Network?")


def test_which_calls_are_open(assistant):
    reply = assistant.chat("list").say("quali bandi sono aperti?")
    assert "Verso Nuovi Mercati 2025 - aperto fino al 9 settembre 2025" in reply
