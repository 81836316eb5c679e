"""A named call checked against the firm: only what it needs is asked, one question at a time,
never a fact already given; the verdict goes criterion by criterion with the figures. On a day
it is open (PINNED_DAY) the firm "is eligible"; on the real date it "would have qualified", with
the same figures and what to do now."""
import pytest

from bot.texts import t
from tests.e2e.conftest import NBSP, Reply, closed_today


VNM_IT, VNM_EN = "Verso Nuovi Mercati 2025", "Verso Nuovi Mercati (Towards New Markets) 2025"
# Facts in the first message (employees, place) are never asked again.
ITALIAN = ["posso partecipare a Verso Nuovi Mercati? siamo 12 dipendenti, a Seriate", "1,5 mln", "20%", "3",
           "70k", "5.000", "10.000"]
ENGLISH = ["can we apply to Verso Nuovi Mercati? we have 12 employees, based in Seriate", "1.5M", "20%", "3",
           "70k", "5,000", "10,000"]
ASKED_ALREADY = {"it": [t("it", "chat.ask.employees"), t("it", "chat.ask.province")],
                 "en": [t("en", "chat.ask.employees"), t("en", "chat.ask.province")]}


def questions_in(reply: Reply) -> list[str]:
    return [line for line in reply.lines if "?" in line]  # "...in euro? (per esempio «1,5 mln»)"


def play(assistant, name: str, answers: list[str]) -> list[Reply]:
    chat = assistant.chat(name)
    return [chat.send(answer) for answer in answers]


def check_one_question_at_a_time(replies: list[Reply], lang: str) -> None:
    *questions, verdict = replies
    for reply in questions:
        assert questions_in(reply) == [reply.last], reply.text
        assert not set(ASKED_ALREADY[lang]) & set(reply.lines), "a fact given in the first message was asked"
    assert [r.last for r in questions].count(t(lang, "chat.ask.turnover_eur")) == 1  # asked once, then kept


@pytest.fixture(scope="module")
def open_it(assistant):
    return play(assistant, "check-open-it", ITALIAN)


@pytest.fixture(scope="module")
def open_en(assistant):
    return play(assistant, "check-open-en", ENGLISH)


@pytest.fixture(scope="module")
def closed_it(assistant_on_real_date):
    return play(assistant_on_real_date, "check-closed-it", ITALIAN)


@pytest.fixture(scope="module")
def closed_en(assistant_on_real_date):
    return play(assistant_on_real_date, "check-closed-en", ENGLISH)


def test_an_open_call_is_checked_one_question_at_a_time(open_it):
    assert open_it[0].lines[0] == t("it", "chat.check.start_call", call=VNM_IT)
    check_one_question_at_a_time(open_it, "it")


def test_each_answer_is_judged_at_once_against_the_criterion(open_it):
    after_exports = open_it[2]
    assert after_exports.lines[0] == "✓ Export dell'anno solare precedente sul volume d'affari: 20%, entro il limite di 40%."


def test_the_open_verdict_goes_criterion_by_criterion_with_the_figures(open_it):
    verdict = open_it[-1].lines
    assert verdict[0] == f"Sì: da quello che mi avete detto, avete i requisiti per «{VNM_IT}»."
    assert verdict[1] == "Il bando è aperto: chiude il 9 settembre 2025 (mancano 70 giorni)."
    for line in ("✓ È una PMI (piccola impresa).", "✓ Ha una sede operativa in Lombardia (Seriate (BG)).",
                 "✓ Bilanci approvati: 3, almeno 2 come richiesto.",
                 f"✓ Il progetto (109.140,00{NBSP}€) raggiunge il minimo di 30.000,00{NBSP}€.",
                 f"• Contributo a fondo perduto: 21.828,00{NBSP}€", f"• Finanziamento agevolato: 70.941,00{NBSP}€",
                 f"• A vostro carico: 16.371,00{NBSP}€"):
        assert line in verdict
    assert verdict.index("Requisiti, uno per uno:") < verdict.index("Stima indicativa dell'agevolazione:")
    assert any(line.startswith("Il bando è aperto: preparate la domanda") for line in verdict)


def test_in_english_the_open_check_and_its_verdict(open_en):
    check_one_question_at_a_time(open_en, "en")
    verdict = open_en[-1].lines
    assert verdict[0] == f"Yes: from what you told me, your company is eligible for “{VNM_EN}”."
    assert "• Non-repayable grant: €21,828.00" in verdict and "• Your own share: €16,371.00" in verdict


@closed_today
def test_a_closed_call_is_checked_saying_it_is_closed(closed_it):
    assert closed_it[0].lines[0] == t("it", "chat.check.start_closed", call=VNM_IT)
    check_one_question_at_a_time(closed_it, "it")


@closed_today
def test_the_closed_verdict_says_would_have_qualified_with_figures_and_what_to_do_now(closed_it):
    verdict = closed_it[-1].lines
    assert verdict[0] == f"Sì: da quello che mi avete detto, avreste avuto i requisiti per «{VNM_IT}»."
    assert verdict[1] == "Il bando è chiuso dal 9 settembre 2025: oggi non si può presentare domanda."
    assert "✓ Bilanci approvati: 3, almeno 2 come richiesto." in verdict
    assert f"• Contributo a fondo perduto: 21.828,00{NBSP}€" in verdict
    assert any(line.startswith("Il bando è chiuso: il servizio internazionalizzazione") and "misure simili" in line
               for line in verdict)


@closed_today
def test_in_english_the_closed_verdict(closed_en):
    check_one_question_at_a_time(closed_en, "en")
    verdict = closed_en[-1].lines
    assert verdict[0] == f"Yes: from what you told me, your company would have qualified for “{VNM_EN}”."
    assert "• Subsidised loan: €70,941.00" in verdict
    assert any(line.startswith("The call is closed") for line in verdict)


def test_a_firm_over_the_export_limit_gets_the_failing_criterion_at_once(day):
    assistant, closed = day
    reply = assistant.chat("export50").send(
        "Posso partecipare al bando Verso Nuovi Mercati se l'anno scorso ho esportato il 50% del fatturato?")
    assert reply.lines[0] == t("it", "answers.rule.no_closed" if closed else "answers.rule.no", call=VNM_IT)
    assert "✗ Export dell'anno solare precedente sul volume d'affari: 50%, oltre il limite di 40%." in reply.lines
    assert t("it", "chat.ask.employees") not in reply.lines
    assert reply.last == t("it", "chat.offer.check_others")


@closed_today
def test_in_english_a_closed_call_the_firm_would_not_have_qualified_for(assistant_on_real_date):
    replies = play(assistant_on_real_date, "closed-no-en", ["can we apply to Verso Nuovi Mercati?", "12", "1.5M",
                                                           "Bergamo", "45%"])
    assert replies[-1].lines[0] == f"No: from what you told me, your company would not have been eligible for “{VNM_EN}”."
    assert "✗ Exports in the previous calendar year as a share of turnover (volume d'affari): 45%, above the limit of 40%." \
        in replies[-1].lines


# --- which calls fit ------------------------------------------------------------------------------

FIRM_EN = ("which calls fit my company? we have 25 employees, turnover 4 million, based in Bergamo, exports 30%, "
           "3 approved balance sheets")
FIRM_IT = ("quali bandi fanno per noi? siamo 25 dipendenti, 4 milioni di fatturato, sede a Bergamo, export al 30%, "
           "3 bilanci approvati")
# The answer to each question the bot may ask next, whatever their order.
SPENDING = {"it": {"fairs_exhibitor": "non partecipiamo a fiere", "vnm_expenses_initiatives": "70.000",
                   "vnm_expenses_training": "5.000", "vnm_expenses_consultancy": "10.000"},
            "en": {"fairs_exhibitor": "we don't do fairs", "vnm_expenses_initiatives": "70,000",
                   "vnm_expenses_training": "5,000", "vnm_expenses_consultancy": "10,000"}}


def ranking(assistant, lang: str, first: str) -> Reply:
    """Ask which calls fit, answer each question the bot asks from SPENDING, return the ranking."""
    chat = assistant.chat(f"fit-{lang}")
    reply = chat.send(first)
    answers = {t(lang, f"chat.ask.{key}"): answer for key, answer in SPENDING[lang].items()}
    for _ in range(len(answers)):
        if reply.last not in answers:
            break
        reply = chat.send(answers.pop(reply.last))
    assert reply.lines[0].startswith(("I bandi per la vostra impresa, al ", "Calls for your company, as of ")), reply.text
    return reply


def test_which_calls_fit_ranks_the_open_ones_first(assistant):
    lines = ranking(assistant, "en", FIRM_EN).lines
    # open calls soonest to close first: Bergamo's chamber fairs call (the firm is in Bergamo), then VNM
    assert lines[1:4] == ["Open now:", "✓ Bergamo – Fairs Call 2025 - open until 14 July 2025: you are eligible",
                          f"✓ {VNM_EN} - open until 9 September 2025: you are eligible (estimated grant €21,828.00)"]
    assert lines.index("To watch:") > 2
    assert "• International trade fairs for groups of firms 2026-2027 - announced, no dates or final rules yet: " \
           "I cannot check it yet" in lines


def test_in_italian_which_calls_fit_asks_only_what_is_missing(assistant):
    chat = assistant.chat("fit-it")
    first = chat.send(FIRM_IT)
    assert first.lines[0] == t("it", "chat.check.start_all")
    assert first.last == t("it", "chat.ask.fairs_exhibitor")
    assert first.titles == ["Nuovo espositore", "Espositore abituale", "Non partecipiamo a fiere"]
    assert chat.send("non partecipiamo a fiere").last == t("it", "chat.ask.vnm_expenses_initiatives")


@closed_today
@pytest.mark.parametrize("lang, first, none_open, watch", [
    ("it", FIRM_IT, "Oggi nessun bando regionale o camerale per l'internazionalizzazione tra quelli che conosco è aperto.",
     "• Fiere internazionali in forma aggregata 2026-2027 - annunciato, senza date né regole definitive: "
     "non posso ancora verificarlo"),
    ("en", FIRM_EN, "Today none of the regional or chamber internationalisation calls I know is open.",
     "• International trade fairs for groups of firms 2026-2027 - announced, no dates or final rules yet: "
     "I cannot check it yet"),
])
def test_on_the_real_date_none_is_open_and_the_announced_call_is_no_fit(assistant_on_real_date, lang, first,
                                                                         none_open, watch):
    lines = ranking(assistant_on_real_date, lang, first).lines
    assert lines[1] == none_open
    assert watch in lines
    assert not any(line.startswith("✓") and "2026-2027" in line for line in lines)
    closed_vnm = [line for line in lines if line.startswith("✓ Verso Nuovi Mercati")]
    assert closed_vnm and ("avreste avuto i requisiti" in closed_vnm[0] or "you would have qualified" in closed_vnm[0])
