"""Any question, asked cold as the very first message on a day calls are open (PINNED_DAY), is
answered at once from the catalogue, the fact asked first; the eligibility check is offered
afterwards, never forced before."""
import pytest

from bot.texts import t
from tests.e2e.conftest import NBSP


def test_where_to_apply_is_answered_first_then_the_check_is_offered(assistant):
    reply = assistant.chat("apply-it").send("Dove si presenta la domanda? Serve lo SPID?")
    assert "Bandi e Servizi" in reply.text and "SPID o CNS" in reply.text and "48 ore" in reply.text
    assert reply.text.endswith(t("it", "chat.offer.check_call", call="Verso Nuovi Mercati 2025"))
    assert ("Sì", "/affirm") in reply.buttons


def test_in_english_where_to_apply_and_spid(assistant):
    reply = assistant.chat("apply-en").send("Where do I submit the application and do I need SPID?")
    assert "Bandi e Servizi" in reply.text and "SPID or CNS" in reply.text and "48 hours" in reply.text
    assert reply.last == t("en", "chat.offer.check_call", call="Verso Nuovi Mercati (Towards New Markets) 2025")


def test_yes_to_the_offered_check_asks_the_first_question(assistant):
    chat = assistant.chat("offer-yes")
    offer = chat.send("quando chiude Verso Nuovi Mercati?")
    assert chat.press(offer, "Sì").last == t("it", "chat.ask.employees")


@pytest.mark.parametrize("question, first", [
    ("che tasso ha il finanziamento di Verso Nuovi Mercati?",
     "Il finanziamento di «Verso Nuovi Mercati 2025» ha un tasso nominale annuo fisso: 1,5%."),
    ("what is the interest rate of the VNM loan?",
     "The “Verso Nuovi Mercati (Towards New Markets) 2025” loan has a fixed nominal annual rate of 1.5%."),
    ("le traduzioni sono ammesse nel VNM?", "Sì: con «Verso Nuovi Mercati 2025» rientra nella voce «B. Realizzazione di iniziative»."),
    ("Can we put office rent into Verso Nuovi Mercati?", "No: “Verso Nuovi Mercati (Towards New Markets) 2025” does not fund rents."),
    ("chi decide quali progetti di Verso Nuovi Mercati vengono finanziati?",
     "Come vengono scelti i progetti di «Verso Nuovi Mercati 2025»:"),
    ("how are VNM projects selected?", "How “Verso Nuovi Mercati (Towards New Markets) 2025” chooses its projects:"),
])
def test_the_fact_asked_is_the_first_line(assistant, question, first):
    assert assistant.chat("first-line").send(question).lines[0] == first


@pytest.mark.parametrize("question, first", [
    ("quali spese sono escluse da Verso Nuovi Mercati?",
     "Con «Verso Nuovi Mercati 2025» non sono ammesse queste spese: viaggi, trasporti, affitti,"),
    ("What expenses are excluded from VNM?",
     "“Verso Nuovi Mercati (Towards New Markets) 2025” does not fund these costs: travel, transport, rents,"),
])
def test_what_is_excluded_while_the_call_is_open(assistant, question, first):
    reply = assistant.chat("excluded-open").send(question)
    assert reply.lines[0].startswith(first) and "chiuso" not in reply.text and "closed" not in reply.text


def test_the_split_between_grant_and_loan(assistant):
    reply = assistant.chat("split").send("Quanto è a fondo perduto e quanto è prestito?")
    assert reply.lines[0].startswith("«Verso Nuovi Mercati 2025» copre fino all'85% delle spese ammissibili: "
                                     "il 20% a fondo perduto e il 65% come finanziamento agevolato")
    assert f"120.000,00{NBSP}€ di contributo e 390.000,00{NBSP}€ di finanziamento" in reply.text


def test_in_english_the_split_between_grant_and_loan(assistant):
    reply = assistant.chat("split-en").send("How much is grant and how much is loan?")
    assert "20% as a non-repayable grant and 65% as a subsidised loan" in reply.lines[0]


def test_the_cap_on_the_consultancy_for_the_action_plan(assistant):
    reply = assistant.chat("cap").say("quanto posso mettere al massimo di consulenza per il piano d'azione?")
    assert "vale al massimo il 20% delle spese per iniziative e formazione" in reply.splitlines()[0]


def test_in_english_the_cap_on_the_consultancy(assistant):
    reply = assistant.chat("cap-en").say("How much consultancy can we claim at most for drafting the action plan?")
    assert "at most 20% of the initiatives and training expenses" in reply.splitlines()[0]


def test_the_size_of_a_firm_with_60_employees_and_12_million(assistant):
    reply = assistant.chat("sme-it").say(
        "Siamo 60 dipendenti e 12 milioni di fatturato: siamo una piccola o una media impresa?")
    assert "siete una media impresa" in reply


def test_in_english_the_size_question_with_figures(assistant):
    reply = assistant.chat("sme-en").say("With 60 employees and 12 million turnover are we small or medium?")
    assert "medium enterprise" in reply or "medium-sized enterprise" in reply


def test_a_new_exhibitors_stand_of_24_square_metres(assistant):
    reply = assistant.chat("fair").send(
        "Quanto prende un nuovo espositore per uno stand di 24 metri quadri a Rho Fiera?")
    assert reply.lines[0] == "Stand di 24 m² - «Fiere internazionali in Lombardia 2024-2026»:"
    assert f"Nuovo espositore: contributo 6.779,52{NBSP}€ (50%)." in reply.lines
    assert f"Se siete una microimpresa: 7.457,47{NBSP}€ (55%)." in reply.lines
    assert "chiude il 31 agosto 2026" in reply.text


def test_who_to_turn_to_in_bergamo(assistant):
    reply = assistant.chat("desk-it").send("A chi mi rivolgo a Bergamo per farmi aiutare con la domanda?")
    assert reply.lines[0] == ("Per Bergamo (BG) lo sportello è il servizio internazionalizzazione della Camera di "
                              "Commercio di Bergamo (province BG), parte della rete Lombardia Point di Unioncamere "
                              "Lombardia.")


def test_in_english_the_office_for_pavia_after_the_merger(assistant):
    reply = assistant.chat("desk-en").say("Which office covers Pavia now that the chambers merged?")
    assert "Cremona-Mantova-Pavia" in reply and "18 November 2024" in reply
    assert "confirm them on the Chamber of Commerce's official website" in reply


def test_when_the_call_closes(assistant):
    reply = assistant.chat("status").say("quando chiude Verso Nuovi Mercati?")
    assert reply.splitlines()[0] == "Per «Verso Nuovi Mercati 2025» si può presentare domanda fino al 9 settembre 2025."
    assert "chiude il 9 settembre 2025 (mancano 70 giorni)" in reply


def test_in_english_the_documents_and_the_action_plan(assistant):
    reply = assistant.chat("docs").send("What goes in the action plan?")
    assert reply.lines[0] == "Documents for “Verso Nuovi Mercati (Towards New Markets) 2025”:"
    assert "Internationalisation Action Plan" in reply.lines[1]


def test_de_minimis(assistant):
    assert f"300.000,00{NBSP}€" in assistant.chat("deminimis").say("cos'è il de minimis?")


def test_in_english_what_een_is(assistant):
    assert "SIMPLER" in assistant.chat("een").say("what is the Enterprise Europe Network?")


def test_which_calls_are_open(assistant):
    reply = assistant.chat("list").send("quali bandi sono aperti?")
    assert reply.lines[0] == "I bandi che conosco, al 1 luglio 2025:"
    # open calls first, soonest to close first, each with its closing date (a chamber's call too)
    assert reply.lines[1:4] == ["• Bergamo – Bando Fiere 2025 - aperto fino al 14 luglio 2025",
                                "• Fiere internazionali in Lombardia 2024-2026 - aperto fino al 31 agosto 2026",
                                "• Verso Nuovi Mercati 2025 - aperto fino al 9 settembre 2025"]


def test_in_english_which_calls_are_open(assistant):
    reply = assistant.chat("list-en").send("which calls are open?")
    assert "• Verso Nuovi Mercati (Towards New Markets) 2025 - open until 9 September 2025" in reply.lines[1:4]
    assert "Verso Nuovi Mercati (Towards New Markets) 2025" in reply.titles
