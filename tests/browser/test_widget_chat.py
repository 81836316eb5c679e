"""A company owner on the demo page asks, in Italian, whether they can apply for Verso Nuovi
Mercati, answers the bot's questions in the widget and reads the verdict (the FACTS.md worked
example: 25 employees, 4 million turnover, Bergamo, 30 % export, 3 balance sheets,
consultancy 10,000, initiatives 70,000, training 5,000, "non so" for the loan -> grant
21,828.00 EUR). Then they reload the page and find the conversation still there."""
from __future__ import annotations

import pytest

from bot.texts import t
from tests.browser.pages import (SHADOW, save_screenshot, scroll_log_to, send_and_wait, wait_for_turn_end,
                                 widget_messages)

QUESTION = "Posso partecipare al bando Verso Nuovi Mercati?"
# The answer to each question, chosen by words in the question (first match wins), so the
# test follows the bot whatever the order or wording of its questions.
FACTS = [
    (("preammortamento", "restituire", "finanziamento"), "non so"),
    (("dipendenti", "addetti"), "25"),
    (("fatturato",), "4 milioni"),
    (("consulenza",), "10.000"),
    (("iniziative",), "70.000"),
    (("formazione",), "5.000"),
    (("comune", "sede operativa", "provincia"), "Bergamo"),
    (("esportazion", "volume d'affari"), "30%"),
    (("bilanci approvati", "dichiarazioni dei redditi"), "3"),
]
MAX_TURNS = 25
GRANT = "21.828,00\u00a0€"  # FACTS.md worked example (a no-break space: the euro sign stays with its figure)


def answer_to(question: str) -> str | None:
    lowered = question.casefold()
    for words, answer in FACTS:
        if any(word in lowered for word in words):
            return answer
    return None


def quick_replies(page) -> list[str]:
    return page.locator(f"{SHADOW} .quick-reply").all_inner_texts()


def bot_text(page) -> str:
    return "\n".join(m["text"] for m in widget_messages(page) if m["from"] == "bot")


def session_ids(page) -> list[str]:
    return page.evaluate("""() => Object.entries(localStorage)
        .filter(([key]) => key.startsWith('orienta-widget:'))
        .map(([, value]) => JSON.parse(value).sessionId)""")


def answer_until_verdict(page) -> None:
    """Ask, then answer each question from FACTS until a turn gives figures in euros (the
    verdict) or asks something FACTS does not know (the failing test shows the transcript)."""
    send_and_wait(page, QUESTION)
    for _ in range(MAX_TURNS):
        messages = widget_messages(page)
        last_user = max(i for i, m in enumerate(messages) if m["from"] == "user")
        if any("€" in m["text"] for m in messages[last_user:]):
            return
        answer = answer_to(messages[-1]["text"])
        if answer is None:
            return
        send_and_wait(page, answer)


@pytest.fixture(scope="module")
def chat_page(chromium, orienta, browser_dir):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="it-IT")
    page = context.new_page()
    page.goto(orienta.demo_url)
    page.locator(f"{SHADOW} .send:enabled").wait_for(timeout=30_000)  # connected, session confirmed
    answer_until_verdict(page)
    for message in widget_messages(page):
        print(("< " if message["from"] == "bot" else "> ") + message["text"])
    scroll_log_to(page, GRANT)  # the figures in view, not just the bot's last question
    save_screenshot(page, browser_dir / "widget-verdict.png")
    yield page
    context.close()


def test_the_verdict_gives_the_grant_in_euros(chat_page):
    assert GRANT in bot_text(chat_page)


def test_the_verdict_gives_the_total_eligible_spending(chat_page):
    assert "109.140,00\u00a0€" in bot_text(chat_page)


def test_the_conversation_opens_with_the_welcome_in_the_pages_language(chat_page):
    first = widget_messages(chat_page)[0]
    assert first == {"from": "bot", "text": t("it", "widget.welcome")}
    assert first["text"].startswith("Buongiorno! Posso dirvi se la vostra impresa")


def test_the_verdict_says_the_firm_is_eligible_and_the_call_open(chat_page):
    text = bot_text(chat_page)
    assert "Sì: da quello che mi avete detto, avete i requisiti per «Verso Nuovi Mercati 2025»." in text
    assert "Il bando è aperto: chiude il 9 settembre 2025 (mancano 70 giorni)." in text


def test_a_reload_shows_the_same_conversation_in_the_same_session(chat_page):
    before, session_before = widget_messages(chat_page), session_ids(chat_page)
    chat_page.reload()
    chat_page.locator(f"{SHADOW} .send:enabled").wait_for(timeout=30_000)
    assert widget_messages(chat_page) == before
    assert session_ids(chat_page) == session_before and len(session_before) == 1


def test_a_quick_reply_offered_by_the_bot_is_sent_when_clicked(chat_page):
    offered = quick_replies(chat_page)
    if not offered:
        pytest.skip("the bot offered no quick-reply button after the verdict")
    count = len(widget_messages(chat_page))
    chat_page.locator(f"{SHADOW} .quick-reply").first.click()
    wait_for_turn_end(chat_page)
    messages = widget_messages(chat_page)
    assert messages[count] == {"from": "user", "text": offered[0]}
    assert [m for m in messages[count + 1:] if m["from"] == "bot"], "the bot did not answer the quick reply"
