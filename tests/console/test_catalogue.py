"""The catalogue page and an admin's call upload: errors by field first, then a valid file published
into the catalogue folder and used at once."""
from __future__ import annotations

from bot.catalogue import CALLS_DIR
from tests.console.conftest import csrf_of

SOURCE = (CALLS_DIR / "verso-nuovi-mercati-2025.yaml").read_text(encoding="utf-8")
NEW_NAME = "verso-nuovi-mercati-2099.yaml"


def _new_call() -> str:
    text = SOURCE.replace("id: verso-nuovi-mercati-2025", "id: verso-nuovi-mercati-2099")
    text = text.replace("headline: true\n", "")
    return text.replace('it: "Verso Nuovi Mercati 2025"', 'it: "Verso Nuovi Mercati 2099 (prova)"')


def _upload(client, console, name: str, text: str):
    token = csrf_of(client.get(f"{console.url}/catalogue").text)
    return client.post(f"{console.url}/catalogue/check", data={"csrf": token},
                       files={"file": (name, text.encode(), "application/x-yaml")})


def test_the_catalogue_lists_every_call_with_its_status_and_last_verification(console):
    page = console.login("anna@example.it").get(f"{console.url}/catalogue").text
    row = page[page.index('data-call="verso-nuovi-mercati-2025"'):]
    row = row[:row.index("</tr>")]
    assert "open (70 giorni)" in row and "2026-11-21" in row
    assert "upload-form" not in page  # advisors read, admins publish


def test_an_advisor_cannot_upload_a_call(console):
    reply = _upload(console.login("anna@example.it"), console, NEW_NAME, _new_call())
    assert reply.status_code == 403


def test_a_call_with_schema_errors_is_refused_with_each_field_named(console):
    client = console.login("admin@example.it")
    broken = _new_call().replace("  amount_eur: 18978747.97", '  amount_eur: "tanti"').replace("audience: sme\n", "")
    reply = _upload(client, console, NEW_NAME, broken)
    assert reply.status_code == 400
    assert 'data-field="budget.amount_eur"' in reply.text
    assert "&#39;audience&#39; is a required property" in reply.text
    assert 'data-testid="publish-form"' not in reply.text
    assert not (console.calls_dir / NEW_NAME).exists()


def test_a_valid_call_is_published_and_used_without_a_restart(console):
    client = console.login("admin@example.it")
    checked = _upload(client, console, NEW_NAME, _new_call())
    assert 'data-testid="publish-form"' in checked.text
    token = csrf_of(checked.text)
    reply = client.post(f"{console.url}/catalogue/publish", data={"csrf": token, "name": NEW_NAME,
                                                                  "content": _new_call()})
    assert reply.status_code == 200 and "Pubblicato verso-nuovi-mercati-2099.yaml" in reply.text
    assert 'data-call="verso-nuovi-mercati-2099"' in reply.text
    assert (console.calls_dir / NEW_NAME).read_text(encoding="utf-8") == _new_call()
    assessed = client.get(f"{console.url}/enquiry/{console.references['bergamo_new']}").text
    assert 'data-call="verso-nuovi-mercati-2099"' in assessed  # the engine judges against it already


def test_a_second_headline_call_is_refused_and_leaves_the_folder_as_it_was(console):
    client = console.login("admin@example.it")
    token = csrf_of(client.get(f"{console.url}/catalogue").text)
    second = SOURCE.replace("id: verso-nuovi-mercati-2025", "id: doppione-2030")
    reply = client.post(f"{console.url}/catalogue/publish", data={"csrf": token, "name": "doppione-2030.yaml",
                                                                  "content": second})
    assert reply.status_code == 400 and "only one call may be the headline" in reply.text
    assert not (console.calls_dir / "doppione-2030.yaml").exists()
