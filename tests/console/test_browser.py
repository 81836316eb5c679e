"""The console in a real browser (Debian's chromium through Playwright): what an advisor does
in a working day, and what nobody may do."""
from __future__ import annotations

import csv
import io

from bot.catalogue import CALLS_DIR
from tests.console import conftest, seed


def log_in(page, console, email: str, password: str = seed.PASSWORD) -> None:
    page.goto(f"{console.url}/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")


def references(page) -> list[str]:
    return page.eval_on_selector_all("[data-testid=queue] tbody tr[data-reference]",
                                     "rows => rows.map(r => r.dataset.reference)")


def test_login_then_logout(browser_page, console):
    page = browser_page
    log_in(page, console, "anna@example.it")
    assert page.url == f"{console.url}/"
    assert "anna@example.it" in page.inner_text("[data-testid=who]")
    page.click("[data-testid=logout]")
    assert page.url == f"{console.url}/login"
    page.goto(f"{console.url}/")
    assert page.url == f"{console.url}/login"


def test_a_wrong_password_five_times_locks_the_account(browser_page, console):
    with console.sessions.begin() as session:
        seed.account(session, "distratto@example.it", desk="varese")
    page = browser_page
    for _ in range(5):
        log_in(page, console, "distratto@example.it", "not the password")
    assert "bloccato per 15 minuti" in page.inner_text("[data-testid=login-error]")
    log_in(page, console, "distratto@example.it")
    assert page.url.endswith("/login") and "bloccato" in page.inner_text("[data-testid=login-error]")


def test_the_queue_filters_by_language_and_searches(browser_page, console):
    page = browser_page
    log_in(page, console, "anna@example.it")
    assert references(page)[:2] == [console.references["bergamo_new"], console.references["bergamo_old"]]
    page.select_option("select[name=language]", "en")
    page.click("[data-testid=filters] button[type=submit]")
    assert console.references["bergamo_old"] in references(page)
    assert console.references["bergamo_new"] not in references(page)
    page.goto(f"{console.url}/")
    page.fill("input[name=q]", "orobiche")
    page.click("[data-testid=filters] button[type=submit]")
    assert console.references["bergamo_new"] in references(page)
    assert console.references["bergamo_old"] not in references(page)


def test_the_enquiry_page_shows_the_transcript_with_markup_as_text(browser_page, console):
    page = browser_page
    log_in(page, console, "anna@example.it")
    page.click(f"text={console.references['bergamo_new']}")
    transcript = page.inner_text("[data-testid=transcript]")
    assert "Siamo una srl di Bergamo con 18 dipendenti" in transcript
    assert "<script>window.pwned = 1</script> possiamo partecipare?" in transcript
    assert page.evaluate("() => window.pwned") is None
    assert "Verso Nuovi Mercati" in page.inner_text("[data-testid=verdicts]")


def test_a_status_change_and_a_note(browser_page, console):
    with console.sessions.begin() as session:  # a desk of its own: the other tests count Bergamo's queue
        seed.account(session, "lucia@example.it", desk="como-lecco")
        reference = seed.enquiry(session, desk="como-lecco", company="Stato e Note srl").reference
    page = browser_page
    log_in(page, console, "lucia@example.it")
    page.goto(f"{console.url}/enquiry/{reference}")
    page.select_option("[data-testid=status-form] select[name=status]", "in_progress")
    page.click("[data-testid=status-form] button")
    assert page.inner_text("[data-testid=status]") == "in lavorazione"
    page.fill("[data-testid=note-form] textarea", "Richiamata: manda i bilanci venerdì.")
    page.click("[data-testid=note-form] button")
    assert "Richiamata: manda i bilanci venerdì." in page.inner_text("[data-testid=notes]")
    page.select_option("[data-testid=status-form] select[name=status]", "closed")
    page.select_option("[data-testid=status-form] select[name=outcome]", "applied")
    page.click("[data-testid=status-form] button")
    assert page.inner_text("[data-testid=status]") == "chiusa · domanda presentata"


def test_the_csv_export_downloads_the_filtered_queue(browser_page, console):
    page = browser_page
    log_in(page, console, "anna@example.it")
    page.goto(f"{console.url}/?language=en")
    with page.expect_download() as download:
        page.click("[data-testid=export]")
    raw = open(download.value.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert console.references["bergamo_old"] in [r["riferimento"] for r in rows]
    assert all(r["lingua"] == "en" for r in rows)


def test_the_indicators_page(browser_page, console, console_artifacts):
    page = browser_page
    log_in(page, console, "admin@example.it")
    page.goto(f"{console.url}/indicators")
    assert int(page.inner_text("[data-testid=totals] [data-metric=assisted]")) >= 3
    assert page.locator("[data-testid=funnel] svg rect").count() == 6
    path = console_artifacts / "console-indicators.png"
    page.screenshot(path=str(path), full_page=True)
    conftest.screenshots.append(path)
    print(f"indicators screenshot: {path}")


def test_the_quick_assessment_shows_errors_by_field_then_verdicts(browser_page, console):
    page = browser_page
    log_in(page, console, "anna@example.it")
    page.goto(f"{console.url}/assess")
    page.fill("input[name=employees]", "diciotto")
    page.fill("input[name=province]", "BG")
    page.click("[data-testid=assess-form] button:has-text('Valuta')")
    assert page.inner_text("[data-field=employees]") == "must be a number"
    page.fill("input[name=employees]", "18")
    page.fill("input[name=turnover_eur]", "3000000")
    page.fill("input[name='vnm_expenses.consultancy']", "20000")
    page.fill("input[name='vnm_expenses.initiatives']", "60000")
    page.fill("input[name='vnm_expenses.training']", "5000")
    page.click("[data-testid=assess-form] button:has-text('Valuta')")
    result = page.inner_text("[data-testid=assess-result] tr[data-call=verso-nuovi-mercati-2025]")
    assert "contributo" in result and "20.030,40" in result


def test_a_call_upload_with_a_schema_error_then_a_valid_one(browser_page, console):
    source = (CALLS_DIR / "verso-nuovi-mercati-2025.yaml").read_text(encoding="utf-8")
    valid = source.replace("id: verso-nuovi-mercati-2025", "id: prova-browser-2098").replace("headline: true\n", "")
    broken = valid.replace("last_verified: 2026-11-21", "last_verified: ieri")
    page = browser_page
    log_in(page, console, "admin@example.it")
    page.goto(f"{console.url}/catalogue")
    page.set_input_files("[data-testid=upload-form] input[type=file]",
                         {"name": "prova-browser-2098.yaml", "mimeType": "application/x-yaml", "buffer": broken.encode()})
    page.click("[data-testid=upload-form] button")
    assert "last_verified" in page.inner_text("[data-testid=call-errors]")
    page.set_input_files("[data-testid=upload-form] input[type=file]",
                         {"name": "prova-browser-2098.yaml", "mimeType": "application/x-yaml", "buffer": valid.encode()})
    page.click("[data-testid=upload-form] button")
    page.click("[data-testid=publish]")
    assert "prova-browser-2098.yaml" in page.inner_text("[data-testid=published]")
    assert page.locator("[data-testid=calls] tr[data-call=prova-browser-2098]").count() == 1
    (console.calls_dir / "prova-browser-2098.yaml").unlink()  # leave the other tests' catalogue as it was


def test_another_desks_enquiry_by_url_is_forbidden(browser_page, console):
    page = browser_page
    log_in(page, console, "anna@example.it")
    reply = page.goto(f"{console.url}/enquiry/{console.references['brescia']}")
    assert reply.status == 403
    assert "Fonderie Camune" not in page.content()


def test_a_form_stripped_of_its_csrf_token_is_refused(browser_page, console):
    page = browser_page
    log_in(page, console, "anna@example.it")
    page.goto(f"{console.url}/enquiry/{console.references['bergamo_new']}")
    page.evaluate("() => document.querySelector('[data-testid=note-form] input[name=csrf]').remove()")
    page.fill("[data-testid=note-form] textarea", "nota senza token")
    with page.expect_navigation() as navigation:
        page.click("[data-testid=note-form] button")
    assert navigation.value.status == 403
    page.goto(f"{console.url}/enquiry/{console.references['bergamo_new']}")
    assert "nota senza token" not in page.inner_text("[data-testid=notes]")


def test_no_page_but_login_opens_without_a_session(browser_page, console):
    page = browser_page
    for path in ("/", "/indicators", "/assess", "/catalogue", "/password", "/enquiries.csv", "/indicators.csv",
                 f"/enquiry/{console.references['bergamo_new']}", f"/enquiry/{console.references['bergamo_new']}/summary"):
        try:
            page.goto(console.url + path)
        except Exception as err:  # a CSV would download: it must not
            raise AssertionError(f"{path} did not lead to the login page: {err}") from None
        assert page.url == f"{console.url}/login", path
