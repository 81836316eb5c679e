"""What the widget does on any site, whatever the bot says: shown against a scripted stand-in
for Rasa's socket.io channel (tests/browser/fake_rasa.py), or against no server at all."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import pytest

from bot.runtime.processes import free_port
from bot.texts import t
from tests.browser.fake_rasa import FakeRasa
from tests.browser.pages import SHADOW, host_page, save_screenshot, send_and_wait, wait_for_turn_end, widget_messages

YES_NO = {"text": "Vuoi fare la verifica?", "quick_replies": [
    {"content_type": "text", "title": "Sì", "payload": "/affirm"},
    {"content_type": "text", "title": "No", "payload": "/deny"}]}
HOSTILE = {"text": 'Bando: https://example.org/bando?id=1. <img src=x onerror="window.hacked=1"> <b>fine</b>'}


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def fake_rasa(replies):
    return FakeRasa(free_port(), replies)


@contextmanager
def open_widget(page, widget_files, rasa: FakeRasa, html_lang: str = "it") -> Iterator[None]:
    with host_page(page, widget_files, f"http://127.0.0.1:{rasa.port}", html_lang, extra='data-open="true"'):
        page.locator(f"{SHADOW} .send:enabled").wait_for(timeout=15_000)
        yield


def test_a_quick_reply_sends_its_payload_and_shows_its_title(page, widget_files):
    with fake_rasa([YES_NO]) as rasa, open_widget(page, widget_files, rasa):
        send_and_wait(page, "ciao")
        page.locator(f"{SHADOW} .quick-reply", has_text="Sì").click()
        wait_for_turn_end(page)
        assert rasa.received[-1]["message"] == "/affirm"
        assert {"from": "user", "text": "Sì"} in widget_messages(page)


def test_the_bot_text_is_shown_as_text_never_as_html(page, widget_files):
    with fake_rasa([HOSTILE]) as rasa, open_widget(page, widget_files, rasa):
        send_and_wait(page, "ciao")
        assert page.locator(f"{SHADOW} .log img, {SHADOW} .log b").count() == 0
        assert '<img src=x onerror="window.hacked=1">' in widget_messages(page)[-1]["text"]
        assert page.evaluate("() => window.hacked") is None


def test_a_link_from_the_bot_opens_in_a_new_tab_without_opener_or_referrer(page, widget_files):
    with fake_rasa([HOSTILE]) as rasa, open_widget(page, widget_files, rasa):
        send_and_wait(page, "ciao")
        link = page.locator(f"{SHADOW} .log a")
        assert link.count() == 1
        assert link.get_attribute("href") == "https://example.org/bando?id=1"  # the full stop stays text
        assert link.get_attribute("target") == "_blank"
        assert link.get_attribute("rel") == "noopener noreferrer"


def test_an_english_page_gets_the_english_interface_and_tells_the_bot_its_language(page, widget_files):
    with fake_rasa([{"text": "ok"}]) as rasa, open_widget(page, widget_files, rasa, html_lang="en-GB"):
        send_and_wait(page, "hello")
        assert page.locator(f"{SHADOW} .send").inner_text() == t("en", "widget.send")
        assert rasa.received[-1]["metadata"] == {"language": "en"}


def test_an_unreachable_server_is_announced_and_the_widget_recovers_when_it_is_back(page, widget_files):
    port = free_port()  # nothing listens here yet
    with host_page(page, widget_files, f"http://127.0.0.1:{port}", extra='data-open="true"'):
        alert = page.locator(f'{SHADOW} .offline[role="alert"]')
        alert.wait_for(state="visible", timeout=15_000)
        assert alert.inner_text() == t("it", "widget.unreachable")
        assert page.locator(f"{SHADOW} .send").is_disabled()
        with FakeRasa(port, [{"text": "eccomi"}]):
            alert.wait_for(state="hidden", timeout=20_000)  # the client retries at most every 5 s
            send_and_wait(page, "ciao")
            assert widget_messages(page)[-1] == {"from": "bot", "text": "eccomi"}


def test_the_keyboard_opens_the_chat_into_the_input_and_escape_closes_it(page, widget_files):
    with fake_rasa([{"text": "ok"}]) as rasa, host_page(page, widget_files, f"http://127.0.0.1:{rasa.port}"):
        launcher = page.locator(f"{SHADOW} .launcher")
        launcher.focus()
        page.keyboard.press("Enter")
        assert launcher.get_attribute("aria-expanded") == "true"
        assert page.evaluate("() => document.querySelector('#orienta-widget').shadowRoot.activeElement.id") \
            == "orienta-input"
        page.keyboard.press("Escape")
        assert page.locator(f"{SHADOW} .panel").is_hidden()
        assert page.evaluate("() => document.querySelector('#orienta-widget').shadowRoot.activeElement.className") \
            == "launcher"


def test_the_conversation_is_a_labelled_live_log_for_screen_readers(page, widget_files):
    with fake_rasa([{"text": "ok"}]) as rasa, open_widget(page, widget_files, rasa):
        log = page.locator(f"{SHADOW} [role=log]")
        assert log.get_attribute("aria-live") == "polite"
        assert log.get_attribute("aria-label") == t("it", "widget.log_label")


def test_on_a_phone_the_open_chat_fills_the_screen(chromium, widget_files, browser_dir):
    context = chromium.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        with fake_rasa([YES_NO]) as rasa, open_widget(page, widget_files, rasa):
            send_and_wait(page, "ciao")
            box = page.locator(f"{SHADOW} .panel").bounding_box()
            assert (box["width"], box["height"]) == (375, 667)
            save_screenshot(page, browser_dir / "widget-phone.png")
    finally:
        context.close()
