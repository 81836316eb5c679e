"""The console as it runs: `python -m bot console serve` on a free port, over a fresh SQLite
store seeded through the store's own API, a tracker database in Rasa's layout and a copy of
the catalogue (the upload tests write to it). The date is pinned to 2025-07-01, when Verso
Nuovi Mercati 2025 is open. Browser tests drive Debian's Chromium through Playwright, launched
as in tests/browser (no download)."""
from __future__ import annotations

import shutil
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
import requests

from bot.catalogue import CALLS_DIR
from bot.runtime.environment import rasa_env
from bot.runtime.processes import Service, free_port
from bot.store import session_factory, upgrade
from tests.console import seed

ROOT = Path(__file__).resolve().parents[2]
PINNED_DAY = "2025-07-01"
CONVERSATION = "conv-7f3a"


@dataclass
class Console:
    url: str
    database_url: str
    calls_dir: Path
    sessions: object
    references: dict

    def login(self, email: str, password: str = seed.PASSWORD) -> requests.Session:
        """An HTTP client logged in as `email` (through the login form, with its CSRF token)."""
        client = requests.Session()
        page = client.get(f"{self.url}/login")
        reply = client.post(f"{self.url}/login", data={"email": email, "password": password,
                                                       "csrf": csrf_of(page.text)}, allow_redirects=False)
        assert reply.status_code == 303, reply.text
        return client


def csrf_of(html: str) -> str:
    marker = 'name="csrf" value="'
    start = html.index(marker) + len(marker)
    return html[start:html.index('"', start)]


@contextmanager
def served(database_url: str, base: Path, calls: Path, **env: str | None) -> Iterator[str]:
    """`python -m bot console serve` on a free port over this database; yields its address."""
    port = free_port()
    environment = rasa_env({"ORIENTA_DATABASE_URL": database_url, "ORIENTA_TRACKER_DB": str(base / "tracker.db"),
                            "ORIENTA_CALLS_DIR": str(calls), "ORIENTA_TODAY": PINNED_DAY,
                            "ORIENTA_CONSOLE_PORT": str(port), "ORIENTA_SECRET": "test-secret-not-for-production",
                            "ORIENTA_CONSOLE_HTTPS": None, **env})
    service = Service("console", [sys.executable, "-m", "bot", "console", "serve"], cwd=ROOT, env=environment,
                      log_path=base / f"console-{port}.log", health_url=f"http://127.0.0.1:{port}/health")
    with service:
        service.wait_healthy(60)
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="package")
def console(tmp_path_factory) -> Console:
    base = tmp_path_factory.mktemp("console")
    url = f"sqlite:///{base / 'orienta.db'}"
    upgrade(url)
    sessions = session_factory(url)
    with sessions.begin() as session:
        seed.account(session, "admin@example.it", admin=True)
        seed.account(session, "anna@example.it", desk="bergamo")
        seed.account(session, "marco@example.it", desk="brescia")
        refs = {
            "bergamo_new": seed.enquiry(session, days_ago=1, conversation_id=CONVERSATION).reference,
            "bergamo_old": seed.enquiry(session, days_ago=10, eligible_vnm=False, company="Lavorazioni Seriane spa",
                                        contact_name="Paolo Rota", contact_email="paolo@example.it",
                                        language="en", channel="telegram").reference,
            "brescia": seed.enquiry(session, desk="brescia", company="Fonderie Camune srl",
                                    contact_name="Luca Ferri", contact_email="luca@example.it").reference,
        }
    seed.tracker(base / "tracker.db", CONVERSATION, [
        ("user", "Siamo una srl di Bergamo con 18 dipendenti"),
        ("bot", "Grazie. Verso Nuovi Mercati 2025 è aperto fino al 9 settembre 2025."),
        ("user", "<script>window.pwned = 1</script> possiamo partecipare?"),
        ("bot", "Vi metto in contatto con lo sportello di Bergamo."),
    ], slots={"language": "en", "facts": {"employees": 18, "province": "BG", "investment_eur": "120000"}})
    calls = base / "calls"
    shutil.copytree(CALLS_DIR, calls)
    with served(url, base, calls) as console_url:
        yield Console(console_url, url, calls, sessions, refs)
    sessions.kw["bind"].dispose()


# --- the browser (as in tests/browser: Debian's chromium, never a downloaded one) ---

screenshots: list[Path] = []


@pytest.fixture(scope="package")
def chromium():
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def console_artifacts(artifacts_dir: Path) -> Path:
    path = artifacts_dir / "browser"
    path.mkdir(exist_ok=True)
    return path


def pytest_terminal_summary(terminalreporter):
    if screenshots:
        terminalreporter.write_sep("-", "advisor console screenshots")
        for path in screenshots:
            terminalreporter.write_line(str(path))
