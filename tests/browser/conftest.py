"""The widget in a real browser: Debian's Chromium (/usr/bin/chromium, installed by `make test`)
driven by Playwright, never a browser downloaded by a test tool. The pages come from the
widget server (bot/web/server.py) on a free port; the chat runs against the real servers
(bot.runtime.Stack, date pinned) or, for behaviours the bot cannot be made to show, against
tests/browser/fake_rasa.py. Screenshots go to test-artifacts/browser/ and their paths are
printed at the end of the run."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from bot.runtime.processes import free_port, free_ports
from bot.runtime.stack import Stack
from tests.live_stacks import LIVE_STACKS
from bot.web.server import WidgetServer
from tests.browser.pages import screenshots

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PINNED_DAY = "2025-07-01"  # inside the Verso Nuovi Mercati window: the call is open

_live_stacks = LIVE_STACKS  # shown on failure by tests/conftest.py


@pytest.fixture(scope="session")
def browser_dir(artifacts_dir: Path) -> Path:
    path = artifacts_dir / "browser"
    path.mkdir(exist_ok=True)
    return path


# Package scope, not session: Playwright's sync API keeps its event loop running in this
# thread while it is open, and later tests that call asyncio.run() must not find it there.
@pytest.fixture(scope="package")
def chromium():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium "
                    "(or run `apt-get install chromium` as root)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def orienta(trained_model: Path, browser_dir: Path) -> Iterator[WidgetServer]:
    """The real assistant (Rasa + actions, date pinned) and the widget server in front of it."""
    log_dir = browser_dir / "servers"
    log_dir.mkdir(exist_ok=True)
    for old in log_dir.glob("*"):
        old.unlink()
    rasa_port, actions_port = free_ports(2)
    stack = Stack(root=ROOT, model=trained_model, host="127.0.0.1", rasa_port=rasa_port,
                  actions_port=actions_port, log_dir=log_dir, tracker_db=log_dir / "tracker.db",
                  env={"ORIENTA_TODAY": PINNED_DAY})
    with stack, WidgetServer("127.0.0.1", 0, rasa_port) as widget:
        _live_stacks.append(stack)
        try:
            yield widget
        finally:
            _live_stacks.remove(stack)


@pytest.fixture(scope="module")
def widget_files() -> Iterator[WidgetServer]:
    """Only the widget's files (for pages that point the widget at a fake or dead server)."""
    with WidgetServer("127.0.0.1", 0, rasa_port=free_port()) as widget:
        yield widget



def pytest_terminal_summary(terminalreporter):
    if screenshots:
        terminalreporter.write_sep("-", "website widget screenshots")
        for path in screenshots:
            terminalreporter.write_line(str(path))
