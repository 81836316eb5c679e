"""Reading and driving the widget in a page, as a person would (Playwright's CSS selectors
pierce the widget's open shadow root)."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

from bot.web.server import WidgetServer

SHADOW = "#orienta-widget"  # the widget's host element
screenshots: list[Path] = []  # printed at the end of the run (see conftest.py)


def save_screenshot(page, path: Path) -> Path:
    page.screenshot(path=str(path))
    screenshots.append(path)
    print(f"screenshot: {path}")
    return path


def widget_messages(page) -> list[dict[str, str]]:
    """The conversation as a person reads it: who spoke and what, without screen-reader labels."""
    return page.evaluate("""() => {
        const root = document.querySelector('#orienta-widget').shadowRoot;
        return [...root.querySelectorAll('.message')].map(node => {
            const copy = node.cloneNode(true);
            copy.querySelectorAll('.visually-hidden').forEach(hidden => hidden.remove());
            return {from: node.classList.contains('bot') ? 'bot' : 'user', text: copy.textContent};
        });
    }""")


def scroll_log_to(page, needle: str) -> bool:
    """Scroll the conversation so that `needle` is in the middle of it (for a telling screenshot)."""
    return page.evaluate("""(needle) => {
        const log = document.querySelector('#orienta-widget').shadowRoot.querySelector('.log');
        const walker = document.createTreeWalker(log, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.textContent.indexOf(needle);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + needle.length);
            const top = range.getBoundingClientRect().top - log.getBoundingClientRect().top;
            log.scrollTop += top - log.clientHeight / 2;
            return true;
        }
        return false;
    }""", needle)


def send_and_wait(page, text: str, timeout_ms: float = 90_000) -> None:
    """Type a message, press Enter, wait until the bot's whole turn has arrived."""
    box = page.locator(f"{SHADOW} textarea")
    box.fill(text)
    box.press("Enter")
    wait_for_turn_end(page, timeout_ms)


def wait_for_turn_end(page, timeout_ms: float = 90_000) -> None:
    page.locator(f'{SHADOW} .log[aria-busy="false"]').wait_for(timeout=timeout_ms)


class HostSite:
    """Another website on loopback (its own port, so its own origin) whose one page embeds the
    widget with one tag, as a chamber's site would. A real server rather than a browser route:
    Chromium treats a routed page as public and rightly keeps it away from loopback servers."""

    def __init__(self, widget: WidgetServer, server_url: str, html_lang: str = "it", extra: str = ""):
        body = (f'<!DOCTYPE html><html lang="{html_lang}"><head><meta charset="utf-8"><title>host</title>'
                f'<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
                f'<body><p>Host page</p><script src="{widget.widget_url}" data-server="{server_url}" '
                f'{extra} defer></script></body></html>').encode()

        class Page(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "HostSite":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@contextmanager
def host_page(page, widget: WidgetServer, server_url: str, html_lang: str = "it", extra: str = "") -> Iterator[None]:
    """Open, in `page`, a third-party page embedding the widget pointed at `server_url`."""
    with HostSite(widget, server_url, html_lang, extra) as site:
        page.goto(site.url)
        yield
