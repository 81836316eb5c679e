"""The orientation summary: the advisor's printable copy and the firm's signed link."""
from __future__ import annotations

import requests

from bot.summary_links import link_for, sign
from tests.console.conftest import CONVERSATION


def test_the_enquiry_summary_is_printed_in_the_enquirys_language(console):
    client = console.login("anna@example.it")
    english = client.get(f"{console.url}/enquiry/{console.references['bergamo_old']}/summary").text
    assert "Orienta orientation summary" in english and "Checked on 1 July 2025" in english
    italian = client.get(f"{console.url}/enquiry/{console.references['bergamo_new']}/summary").text
    assert "Riepilogo di orientamento Orienta" in italian
    assert "Camera di Commercio di Bergamo" in italian and "Fonti" in italian


def test_a_signed_link_opens_the_summary_of_its_conversation_without_a_login(console, monkeypatch):
    monkeypatch.setenv("ORIENTA_SECRET", "test-secret-not-for-production")  # the console's, see conftest
    page = requests.get(link_for(CONVERSATION, console.url))
    assert page.status_code == 200
    assert "Orienta orientation summary" in page.text  # the conversation's language slot
    assert "€120,000.00" in page.text
    assert console.references["bergamo_new"] in page.text


def test_a_tampered_or_foreign_link_opens_nothing(console, monkeypatch):
    monkeypatch.setenv("ORIENTA_SECRET", "test-secret-not-for-production")
    token = sign(CONVERSATION)
    body, signature = token.split(".")
    flipped = signature[:10] + ("B" if signature[10] == "A" else "A") + signature[11:]
    assert requests.get(f"{console.url}/summary/{body}.{flipped}").status_code == 404
    forged = sign(CONVERSATION, key=b"another secret")
    assert requests.get(f"{console.url}/summary/{forged}").status_code == 404
    unknown = sign("a-conversation-nobody-had")
    assert requests.get(f"{console.url}/summary/{unknown}").status_code == 404
