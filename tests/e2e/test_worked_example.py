"""The worked example of FACTS.md §1, told to the bot one answer at a time, in Italian and in
English, on a day the call is open (PINNED_DAY, 2025-07-01) and on the real date (closed: the
same figures, "would have qualified").

Consultancy 10,000 + initiatives 70,000 + training 5,000 -> total eligible 109,140 ->
grant 21,828, loan 70,941, own contribution 16,371.
"""
import pytest

from tests.e2e.conftest import NBSP, closed_today

ITALIAN = ["posso partecipare al bando Verso Nuovi Mercati?", "12", "1,5 mln", "Seriate (BG)", "20%", "3",
           "70k", "5.000", "10.000"]
ENGLISH = ["am I eligible for Verso Nuovi Mercati?", "we have 12 employees", "1.5M", "Bergamo", "20%", "two",
           "70k", "5,000", "10,000"]
FIGURES_IT = (f"• Spese ammissibili: 109.140,00{NBSP}€", f"• Contributo a fondo perduto: 21.828,00{NBSP}€",
              f"• Finanziamento agevolato: 70.941,00{NBSP}€", f"• A vostro carico: 16.371,00{NBSP}€")
FIGURES_EN = ("• Eligible expenses: €109,140.00", "• Non-repayable grant: €21,828.00", "• Subsidised loan: €70,941.00",
              "• Your own share: €16,371.00")


def told(assistant, name: str, answers: list[str]):
    chat = assistant.chat(name)
    return chat, [chat.send(answer) for answer in answers][-1]


@pytest.fixture(scope="module")
def italian(assistant):
    return told(assistant, "worked-it", ITALIAN)


@pytest.fixture(scope="module")
def english(assistant):
    return told(assistant, "worked-en", ENGLISH)


def has_figures(verdict, figures) -> bool:
    return all(any(line.startswith(figure) for line in verdict.lines) for figure in figures)


def test_in_italian_the_firm_is_eligible_and_the_aid_split(italian):
    _, verdict = italian
    assert verdict.lines[0] == "Sì: da quello che mi avete detto, avete i requisiti per «Verso Nuovi Mercati 2025»."
    assert has_figures(verdict, FIGURES_IT)


def test_in_italian_the_call_is_open_and_the_desk_named(italian):
    _, verdict = italian
    assert verdict.lines[1] == "Il bando è aperto: chiude il 9 settembre 2025 (mancano 70 giorni)."
    assert any(line.startswith("Per Seriate (BG) lo sportello è il servizio internazionalizzazione della Camera di "
                               "Commercio di Bergamo") for line in verdict.lines)


def test_in_italian_another_loan_duration_and_a_grace_period_can_be_chosen(italian):
    chat, verdict = italian
    assert verdict.titles[:4] == ["3 anni", "4 anni", "5 anni", "6 anni"]
    plan = chat.press(verdict, "4 anni")
    assert f"Finanziamento di 70.941,00{NBSP}€ in 4 anni senza preammortamento, tasso 1,5%:" in plan.lines
    assert any(line.startswith("• 8 rate semestrali") for line in plan.lines)
    grace = chat.press(plan, "12 mesi")
    assert any(line.startswith("• 2 pagamenti di soli interessi") for line in grace.lines)
    assert any(line.startswith("• 6 rate semestrali") for line in grace.lines)


def test_in_english_the_firm_is_eligible_and_the_aid_split(english):
    _, verdict = english
    assert verdict.lines[0] == ("Yes: from what you told me, your company is eligible for "
                                "“Verso Nuovi Mercati (Towards New Markets) 2025”.")
    assert has_figures(verdict, FIGURES_EN)
    assert "È una PMI" not in verdict.text


@closed_today
@pytest.mark.parametrize("lang", ["it", "en"])
def test_on_the_real_date_the_same_figures_would_have_been_granted(assistant_on_real_date, lang):
    _, verdict = told(assistant_on_real_date, f"worked-real-{lang}", ITALIAN if lang == "it" else ENGLISH)
    assert verdict.lines[0] == (
        "Sì: da quello che mi avete detto, avreste avuto i requisiti per «Verso Nuovi Mercati 2025»." if lang == "it"
        else "Yes: from what you told me, your company would have qualified for "
             "“Verso Nuovi Mercati (Towards New Markets) 2025”.")
    assert has_figures(verdict, FIGURES_IT if lang == "it" else FIGURES_EN)
    assert verdict.lines[1] in ("Il bando è chiuso dal 9 settembre 2025: oggi non si può presentare domanda.",
                                "The call has been closed since 9 September 2025: applications cannot be submitted today.")


def test_the_verdict_gives_a_summary_link_only_this_conversation_opens(italian):
    from bot.summary_links import verify

    chat, verdict = italian
    [line] = [line for line in verdict.lines if "/summary/" in line]
    token = line.split("/summary/")[1].split()[0]
    assert verify(token) == f"rest:{chat.sender}"  # the id of this conversation (the REST channel's), signed
    assert verify(token[:-2] + ("AA" if not token.endswith("AA") else "BB")) is None
