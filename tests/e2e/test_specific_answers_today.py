"""On the real date (every call closed or only announced), a question gets the specific fact asked
first, in its first line: a date, a limit, a rate, whether an expense is eligible, what is
excluded, how to apply, who decides, the desk; then the closed status and an offer, never a
forced check."""

import pytest

from bot.texts import t
from tests.e2e.conftest import NBSP, closed_today

pytestmark = closed_today

VNM_IT, VNM_EN = "Verso Nuovi Mercati 2025", "Verso Nuovi Mercati (Towards New Markets) 2025"


@pytest.mark.parametrize("question, first", [
    ("qual era l'ultimo giorno utile per presentare la domanda VNM?",
     f"Per «{VNM_IT}» si poteva presentare domanda fino al 9 settembre 2025."),
    ("da che giorno si potevano presentare le domande VNM?",
     f"Le domande per «{VNM_IT}» si sono aperte il 3 giugno 2025."),
    ("When did Verso Nuovi Mercati close?",
     f"Applications for “{VNM_EN}” could be submitted until 9 September 2025."),
])
def test_a_date_is_the_first_thing_said_and_the_call_is_said_closed(assistant_on_real_date, question, first):
    reply = assistant_on_real_date.chat("date").send(question)
    assert reply.lines[0] == first
    assert ("Il bando è chiuso dal 9 settembre 2025" in reply.text
            or "The call has been closed since 9 September 2025" in reply.text)


def test_the_minimum_project_is_said_with_the_ceiling(assistant_on_real_date):
    reply = assistant_on_real_date.chat("limit-it").send("qual è la spesa minima del progetto per VNM?")
    assert reply.lines[0] == f"Per «{VNM_IT}» il progetto deve valere almeno 30.000,00{NBSP}€ di spese ammissibili."
    assert f"600.000,00{NBSP}€" in reply.lines[1]


def test_in_english_the_minimum_project(assistant_on_real_date):
    reply = assistant_on_real_date.chat("limit-en").send("What is the minimum project size for VNM?")
    assert reply.lines[0] == f"For “{VNM_EN}” the project must reach at least €30,000.00 of eligible expenses."


@pytest.mark.parametrize("question, first", [
    ("che tasso ha il finanziamento di Verso Nuovi Mercati?",
     f"Il finanziamento di «{VNM_IT}» ha un tasso nominale annuo fisso: 1,5%."),
    ("what is the interest rate of the VNM loan?",
     f"The “{VNM_EN}” loan has a fixed nominal annual rate of 1.5%."),
])
def test_the_rate_of_the_loan(assistant_on_real_date, question, first):
    assert assistant_on_real_date.chat("rate").send(question).lines[0] == first


@pytest.mark.parametrize("question, first", [
    ("le traduzioni sono ammesse nel VNM?", f"Sì: con «{VNM_IT}» rientra nella voce «B. Realizzazione di iniziative»."),
    ("are translations eligible under Verso Nuovi Mercati?",
     f"Yes: under “{VNM_EN}” it falls under the item “B. Initiatives”."),
    ("posso mettere l'affitto di un ufficio nel VNM?", f"No: con «{VNM_IT}» non sono ammesse spese per affitti."),
    ("Can we put office rent into Verso Nuovi Mercati?", f"No: “{VNM_EN}” does not fund rents."),
])
def test_whether_an_expense_is_eligible(assistant_on_real_date, question, first):
    reply = assistant_on_real_date.chat("item").send(question)
    assert reply.lines[0] == first
    assert reply.last in (t("it", "chat.offer.check_call", call=VNM_IT), t("en", "chat.offer.check_call", call=VNM_EN))


@pytest.mark.parametrize("question, first", [
    ("quali spese sono escluse da Verso Nuovi Mercati?",
     f"Con «{VNM_IT}» non sono ammesse queste spese: viaggi, trasporti, affitti,"),
    ("What expenses are excluded from VNM?",
     f"“{VNM_EN}” does not fund these costs: travel, transport, rents,"),
])
def test_what_is_excluded(assistant_on_real_date, question, first):
    assert assistant_on_real_date.chat("excluded").send(question).lines[0].startswith(first)


def test_how_to_apply_and_who_helps(assistant_on_real_date):
    reply = assistant_on_real_date.chat("apply-it").send("come si fa domanda per VNM?")
    assert reply.lines[:2] == [f"Come presentare la domanda per «{VNM_IT}»:",
                               "La domanda si presenta online sul portale regionale Bandi e Servizi, "
                               "accedendo con SPID o CNS."]
    assert "Il bando è chiuso dal 9 settembre 2025: oggi non si può presentare domanda." in reply.lines
    assert ["Documenti", "A chi rivolgersi"] == reply.titles[:2]


def test_in_english_how_to_apply(assistant_on_real_date):
    reply = assistant_on_real_date.chat("apply-en").send("How do we apply for Verso Nuovi Mercati?")
    assert reply.lines[0] == f"How to apply for “{VNM_EN}”:"
    assert "helps you with the application for free" in reply.text and "Who can help" in reply.titles


@pytest.mark.parametrize("question, first", [
    ("chi decide quali progetti di Verso Nuovi Mercati vengono finanziati?",
     f"Come vengono scelti i progetti di «{VNM_IT}»:"),
    ("how are VNM projects selected?", f"How “{VNM_EN}” chooses its projects:"),
])
def test_who_decides(assistant_on_real_date, question, first):
    reply = assistant_on_real_date.chat("selection").send(question)
    assert reply.lines[0] == first
    assert "graduatoria" in reply.lines[1] or "ranking" in reply.lines[1]


@pytest.mark.parametrize("question, first", [
    ("a quale sportello mi rivolgo se sono di Lecco?",
     "Per Lecco (LC) lo sportello è il servizio internazionalizzazione della Camera di Commercio di Como-Lecco "
     "(province CO, LC), parte della rete Lombardia Point di Unioncamere Lombardia."),
    ("Who do I contact in Como for help with the application?",
     "For Como (CO) the desk is the internationalisation service of the Camera di Commercio di Como-Lecco "
     "(provinces CO, LC), part of Unioncamere Lombardia's Lombardia Point network."),
])
def test_the_desk_of_a_place(assistant_on_real_date, question, first):
    reply = assistant_on_real_date.chat("desk").send(question)
    assert reply.lines[0] == first
    assert "2019" in reply.lines[1]  # the merger of the two chambers


def test_the_open_calls_today_are_none_and_said_so(assistant_on_real_date):
    reply = assistant_on_real_date.chat("open-en").send("which calls are open?")
    assert reply.lines[1] == "No regional or chamber call for going international is open today."
    # ...while SIMEST's national lines are, and are listed apart
    national = reply.lines.index("National measures (not only for Lombardy):")
    assert "• SIMEST – Fairs and events - open first come, first served, while funds last" in reply.lines[national:]
    assert "• International trade fairs for groups of firms 2026-2027 - announced, no dates yet" in reply.lines
