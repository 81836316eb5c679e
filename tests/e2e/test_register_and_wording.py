"""How the bot speaks: one Italian register ("voi", the firm) in every reply, plurals that agree
with their number ("1 dipendente"), breakdowns as one figure a line, desks named as the
internationalisation service of their chamber within Unioncamere Lombardia's Lombardia Point
network."""
import re

import pytest

from tests.e2e.conftest import NBSP

# Second person singular forms ("tu"): none of them may reach an owner. ("sei" is also six.)
TU = re.compile(r"\b(?:tu|puoi|hai|vuoi|tuo|tua|tuoi|tue|dimmi|scrivimi|raccontami|chiedimi|scrivi|dici|"
                r"potresti|avresti|saresti|ti)\b", re.IGNORECASE)
ITALIAN_CONVERSATION = [
    "ciao", "cos'è il de minimis?", "posso partecipare a Verso Nuovi Mercati?", "12", "non so", "Seriate", "20%",
    "3", "70k", "5.000", "10.000", "anzi, i dipendenti sono 60", "riepilogo", "quanto mi finanziano su 100.000 €?",
    "asdfgh", "che tempo fa domani?", "voglio parlare con un consulente", "sì", "annulla", "grazie",
]


def test_every_italian_reply_speaks_to_the_firm_as_voi(day):
    chat = day[0].chat("voi")
    for text in ITALIAN_CONVERSATION:
        reply = chat.send(text)
        for line in [*reply.lines, *reply.titles]:
            assert not TU.search(line), f"'tu' in the reply to {text!r}: {line}"


def test_the_greeting_and_the_offers_say_voi(assistant):
    reply = assistant.chat("voi-greet").send("buongiorno")
    assert "Potete farmi subito una domanda" in reply.text and reply.titles[0] == "Verificate i requisiti"


@pytest.mark.parametrize("text, noted", [
    ("siamo 1 dipendente, partecipiamo a 1 fiera", "Ho preso nota: 1 dipendente, 1 fiera."),
    ("abbiamo un solo dipendente e un solo bilancio approvato", "Ho preso nota: 1 dipendente, 1 bilancio approvato."),
    ("siamo 2 dipendenti con 2 bilanci approvati", "Ho preso nota: 2 dipendenti, 2 bilanci approvati."),
    ("we have one employee and one approved balance sheet, one fair planned",
     "Noted: 1 employee, 1 approved balance sheet, 1 fair."),
])
def test_plurals_agree_with_their_number(assistant_on_real_date, text, noted):
    assert assistant_on_real_date.chat("plural").send(text).lines[0] == noted


def test_the_breakdown_is_one_figure_a_line(assistant):
    chat = assistant.chat("breakdown")
    for text in ["posso partecipare a Verso Nuovi Mercati?", "25", "4 milioni", "Bergamo", "30%", "3", "70.000",
                 "5.000", "10.000"]:
        verdict = chat.send(text)
    figures = [line for line in verdict.lines if line.startswith("• ")]
    assert figures == [
        f"• Spese ammissibili: 109.140,00{NBSP}€ (costi diretti 85.000,00{NBSP}€ + personale (forfait) "
        f"17.000,00{NBSP}€ + costi indiretti (forfait) 7.140,00{NBSP}€)",
        f"• Contributo a fondo perduto: 21.828,00{NBSP}€",
        f"• Finanziamento agevolato: 70.941,00{NBSP}€",
        f"• A vostro carico: 16.371,00{NBSP}€",
        f"• Rimborso: 12 rate semestrali da 6.203,90{NBSP}€ in 6 anni, tasso 1,5%; interessi totali 3.505,74{NBSP}€",
    ]
    assert " € " not in verdict.text.replace(f"{NBSP}€ ", "")  # no amount with a breakable space


def test_in_english_amounts_put_the_euro_sign_first_and_titles_in_quotes(assistant):
    reply = assistant.chat("english-money").send("How much funding would I get on a €250,000 project?")
    assert reply.lines[0] == "“Verso Nuovi Mercati (Towards New Markets) 2025” simulation on €250,000.00:"
    assert "Grant €64,200.00 (20%), subsidised loan €208,650.00 (65%), paid by you €48,150.00." in reply.lines


@pytest.mark.parametrize("lang, text, desk", [
    ("it", "a chi mi rivolgo se sono di Voghera?", "Per Voghera (PV) lo sportello è il servizio internazionalizzazione della Camera di "
                              "Commercio di Cremona-Mantova-Pavia (province CR, MN, PV), parte della rete Lombardia "
                              "Point di Unioncamere Lombardia."),
    ("it", "a chi mi rivolgo a Brescia?", "Per Brescia (BS) lo sportello è il servizio internazionalizzazione della "
                                          "Camera di Commercio di Brescia (province BS), parte della rete Lombardia "
                                          "Point di Unioncamere Lombardia."),
    ("en", "which desk covers Sondrio?", "For Sondrio (SO) the desk is the internationalisation service of the Camera "
                                         "di Commercio di Sondrio (provinces SO), part of Unioncamere Lombardia's "
                                         "Lombardia Point network."),
])
def test_the_desk_is_named_as_the_internationalisation_service_of_the_chamber(assistant_on_real_date, lang, text, desk):
    reply = assistant_on_real_date.chat(f"desk-{lang}").send(text)
    assert desk in reply.lines
