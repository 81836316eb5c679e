"""The quick assessment of a phone enquiry and the CSV of many profiles, in the console."""
from __future__ import annotations

import csv
import io

from tests.console.conftest import csrf_of

FACTS = {"employees": "18", "province": "BG", "turnover_eur": "3000000", "lombardy_site": "sì",
         "export_share_pct": "12", "approved_balance_sheets": "2", "vnm_expenses.consultancy": "20000",
         "vnm_expenses.initiatives": "60000", "vnm_expenses.training": "5000,50"}


def _post(client, console, path, data, **kw):
    token = csrf_of(client.get(f"{console.url}/assess").text)
    return client.post(f"{console.url}{path}", data={**data, "csrf": token}, **kw)


def test_the_quick_assessment_shows_verdicts_and_figures(console):
    client = console.login("anna@example.it")
    page = _post(client, console, "/assess", FACTS).text
    row = page[page.index('data-call="verso-nuovi-mercati-2025"'):]
    row = row[:row.index("</tr>")]
    assert "<strong>idonea</strong>" in row and "contributo" in row and "rata" in row


def test_the_quick_assessment_names_every_wrong_field(console):
    client = console.login("anna@example.it")
    reply = _post(client, console, "/assess", {**FACTS, "employees": "diciotto", "province": "XX"})
    assert reply.status_code == 400
    assert 'data-field="employees">must be a number' in reply.text
    assert 'data-field="province">' in reply.text and "not an Italian province code" in reply.text


def test_a_quick_assessment_is_saved_as_an_enquiry_of_the_advisors_desk(console):
    client = console.login("anna@example.it")
    reply = _post(client, console, "/assess/save", {**FACTS, "consent": "yes", "company": "Telefonata srl",
                                                    "contact_phone": "+39 035 123 4567"})
    assert reply.url.split("/enquiry/")[1].isalnum()
    assert "Telefonata srl" in reply.text and "canale console" in reply.text and "sportello bergamo" in reply.text


def test_contact_details_without_consent_are_not_saved(console):
    client = console.login("anna@example.it")
    reply = _post(client, console, "/assess/save", {**FACTS, "company": "Senza Consenso srl"}, allow_redirects=False)
    assert reply.status_code == 303
    assert "Senza Consenso srl" not in client.get(console.url + reply.headers["Location"]).text


def test_a_csv_of_profiles_is_assessed_in_one_go(console):
    client = console.login("anna@example.it")
    token = csrf_of(client.get(f"{console.url}/assess").text)
    csv_text = "\ufeffimpresa;employees;province;investment_eur\nAlfa srl;18;BG;120000,50\nBeta srl;molti;BG;\n"
    reply = client.post(f"{console.url}/assess/batch", data={"csrf": token},
                        files={"file": ("imprese.csv", csv_text.encode(), "text/csv")})
    table = reply.text[reply.text.index('data-testid="batch-result"'):]
    calls = len(list(console.calls_dir.glob("*.yaml")))  # the upload tests may have added one
    assert table.count("<td>Alfa srl</td>") == calls  # one row per call
    assert "employees: must be a number" in table and table.count("<td>Beta srl</td>") == 1


def test_an_upload_without_the_csrf_token_is_refused(console):
    client = console.login("anna@example.it")
    reply = client.post(f"{console.url}/assess/batch", files={"file": ("x.csv", b"employees\n3\n", "text/csv")})
    assert reply.status_code == 403


def test_the_assessed_csv_downloads_for_excel(console):
    client = console.login("anna@example.it")
    token = csrf_of(client.get(f"{console.url}/assess").text)
    reply = client.post(f"{console.url}/assess/batch.csv", data={"csrf": token},
                        files={"file": ("imprese.csv", b"impresa;employees;province;investment_eur\nAlfa;18;BG;120000,50\n",
                                        "text/csv")})
    assert reply.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(reply.content.decode("utf-8-sig")), delimiter=";"))
    artigiani = next(r for r in rows if r["call"] == "investimenti-ripresa-2021-artigiani")
    assert artigiani["firm"] == "Alfa" and artigiani["total_eligible"] == "120000,50"
