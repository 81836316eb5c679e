"""Corrections in any phrasing, during the check or after the verdict: the bot recomputes and says
what changed (the verdict, the figures), on a day the call is open and on the real date."""
import pytest

from bot.texts import t
from tests.e2e.conftest import NBSP

VNM_IT, VNM_EN = "Verso Nuovi Mercati 2025", "Verso Nuovi Mercati (Towards New Markets) 2025"
ITALIAN = ["posso partecipare al bando Verso Nuovi Mercati?", "12", "1,5 mln", "Seriate (BG)", "20%", "3",
           "70k", "5.000", "10.000"]
ENGLISH = ["am I eligible for Verso Nuovi Mercati?", "we have 12 employees", "1.5M", "Bergamo", "20%", "3",
           "70k", "5,000", "10,000"]


def after_verdict(assistant, name: str, answers: list[str]):
    chat = assistant.chat(name)
    for answer in answers:
        reply = chat.send(answer)
    assert reply.lines[0].startswith(("Sì:", "Yes:")), reply.text
    return chat


def test_a_correction_that_keeps_the_verdict_says_so(day):
    assistant, _ = day
    chat = after_verdict(assistant, "keep-it", ITALIAN)
    reply = chat.send("anzi, i dipendenti sono 60")
    assert reply.lines[0] == f"Con 60 dipendenti il verdetto su «{VNM_IT}» non cambia: requisiti soddisfatti."
    assert reply.last == t("it", "chat.after_verdict")


def test_corrections_of_the_exports_flip_the_verdict_and_back(day):
    assistant, closed = day
    chat = after_verdict(assistant, "flip-it", ITALIAN)
    worse = chat.send("scusate, l'export era il 45%")
    assert worse.lines[:2] == [
        f"Con l'export al 45% non avreste avuto i requisiti per «{VNM_IT}»:" if closed
        else f"Con l'export al 45% non avete più i requisiti per «{VNM_IT}»:",
        "✗ Export dell'anno solare precedente sul volume d'affari: 45%, oltre il limite di 40%."]
    better = chat.send("no, mi sono sbagliato: l'export è il 25%")
    assert better.lines[0] == (f"Con l'export al 25% avreste avuto i requisiti per «{VNM_IT}»." if closed
                               else f"Con l'export al 25% ora avete i requisiti per «{VNM_IT}».")


def test_a_correction_of_the_expenses_says_how_every_figure_moves(day):
    assistant, _ = day
    chat = after_verdict(assistant, "money-it", ITALIAN)
    reply = chat.send("correggo: le iniziative sono 100.000")
    assert reply.lines[1:5] == [
        f"Il totale ammissibile passa da 109.140,00{NBSP}€ a 147.660,00{NBSP}€.",
        f"Il contributo a fondo perduto passa da 21.828,00{NBSP}€ a 29.532,00{NBSP}€.",
        f"Il finanziamento agevolato passa da 70.941,00{NBSP}€ a 95.979,00{NBSP}€.",
        f"La quota a vostro carico passa da 16.371,00{NBSP}€ a 22.149,00{NBSP}€."]


def test_in_english_corrections_after_the_verdict(day):
    assistant, closed = day
    chat = after_verdict(assistant, "flip-en", ENGLISH)
    large = chat.send("actually we are 300 people")
    assert large.lines[0] == (f"With 300 employees, your company would not have been eligible for “{VNM_EN}”:" if closed
                              else f"With 300 employees, your company is no longer eligible for “{VNM_EN}”:")
    assert large.lines[1].startswith("✗ It is a large enterprise")
    again = chat.send("my mistake, the headcount is 40")
    assert again.lines[0].startswith("With 40 employees, your company ")
    assert "qualified" in again.lines[0] or "eligible" in again.lines[0]
    money = chat.send("actually initiatives are 100,000")
    assert "The grant goes from €21,828.00 to €29,532.00." in money.lines


def test_a_correction_during_the_check_is_noted_and_the_question_asked_again(day):
    assistant, _ = day
    chat = assistant.chat("during-it")
    chat.send("posso partecipare a VNM?")
    chat.send("12")
    reply = chat.send("anzi, siamo 20 dipendenti")
    assert reply.lines == [f"Con 20 dipendenti il verdetto su «{VNM_IT}» non cambia: servono altri dati.",
                           t("it", "chat.ask.turnover_eur")]
    assert "• Dipendenti: 20" in chat.send("riepilogo").lines


def test_a_correction_that_revives_the_call_goes_on_with_the_check(assistant):
    chat = assistant.chat("revive-en")
    chat.send("can we apply to Verso Nuovi Mercati? we have 12 employees and 2 million turnover, based in Lodi")
    refused = chat.send("50%")
    assert refused.lines[0] == f"No: from what you told me, your company is not eligible for “{VNM_EN}”."
    revived = chat.send("Sorry, my mistake: exports last year were 28%.")
    assert "28%" in revived.text and revived.last == t("en", "chat.ask.approved_balance_sheets")


@pytest.mark.xfail(strict=True, reason="'we said 70k ... but it's 100k': the role 'initiatives' goes to the old "
                                       "figure and the new one has none, so the correction is lost "
                                       "(bot/nlu/quantities.py reads roles by nearness, not by which figure is new)")
def test_in_english_an_old_and_a_new_figure_in_one_correction(assistant):
    chat = after_verdict(assistant, "old-new-en", ENGLISH)
    reply = chat.send("we said 70k for initiatives but it's 100k")
    assert "The grant goes from €21,828.00 to €29,532.00." in reply.lines
