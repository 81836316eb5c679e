"""Talking to a person: consent first; with it the contact is stored with the enquiry, without
it nothing personal is (an anonymous enquiry with a reference); routed to the province's desk,
named first when the place is known. "annulla" keeps nothing. Stored in the real database."""
import re

import pytest

from bot.texts import t
from tests.e2e.conftest import closed_today


def reference(text: str) -> str:
    return re.search(r"\b[2-9A-HJ-NP-Z]{8}\b", text).group(0)


def test_with_consent_the_contact_is_stored_and_routed_to_the_desk(assistant):
    chat = assistant.chat("handoff-it")
    chat.say("siamo a Seriate, 12 dipendenti")
    consent = chat.send("voglio parlare con un consulente")
    assert consent.lines == [
        "Per Seriate (BG) lo sportello è il servizio internazionalizzazione della Camera di Commercio di Bergamo "
        "(province BG).", t("it", "chat.handoff.ask_handoff_consent")]
    assert consent.titles == ["Sì", "No"]
    assert chat.say("sì") == t("it", "chat.handoff.ask_contact_name")
    assert chat.say("Maria Rossi") == t("it", "chat.handoff.ask_contact_reach")
    assert chat.say("maria.rossi@example.com") == t("it", "chat.handoff.ask_company")
    done = chat.send("Rossi Meccanica srl")
    [enquiry] = assistant.enquiries(reference(done.text))
    assert (enquiry.contact_name, enquiry.contact_email, enquiry.company) == (
        "Maria Rossi", "maria.rossi@example.com", "Rossi Meccanica srl")
    assert enquiry.consent is True and enquiry.desk_id == "bergamo" and enquiry.language == "it"
    assert enquiry.profile["employees"] == 12 and enquiry.channel == "rest" and enquiry.conversation_id
    assert done.lines[0] == t("it", "chat.handoff.stored", reference=enquiry.reference,
                              chamber="Camera di Commercio di Bergamo")
    assert done.last == t("it", "chat.anything_else")


def test_the_enquiry_carries_the_verdict_of_the_check(assistant):
    chat = assistant.chat("handoff-verdict")
    for text in ["posso partecipare a Verso Nuovi Mercati?", "25", "4 milioni", "Bergamo", "30%", "3", "70.000",
                 "5.000", "10.000", "voglio parlare con un consulente"]:
        chat.send(text)
    done = chat.send("no")
    [enquiry] = assistant.enquiries(reference(done.text))
    assert {"id": "verso-nuovi-mercati-2025", "status": "open", "eligible": True} in enquiry.verdicts["calls"]
    assert enquiry.verdicts["today"] == "2025-07-01" and enquiry.desk_id == "bergamo"


def test_an_invalid_email_is_explained_and_a_phone_number_is_taken(assistant):
    chat = assistant.chat("handoff-bad")
    chat.say("voglio parlare con un consulente")
    chat.say("sì")
    chat.say("Maria Rossi")
    assert chat.say("maria at rossi") == t("it", "chat.handoff.invalid_contact_reach")
    assert chat.say("035 123456") == t("it", "chat.handoff.ask_company")
    chat.say("Rossi Meccanica srl")
    assert chat.say("Seriate").startswith("Fatto: ho registrato la richiesta")
    [enquiry] = [e for e in assistant.enquiries() if e.contact_name == "Maria Rossi" and e.contact_phone]
    assert (enquiry.contact_phone, enquiry.contact_email, enquiry.desk_id) == ("+39 035 123456", None, "bergamo")


def test_in_english_without_consent_nothing_personal_is_stored(assistant):
    chat = assistant.chat("handoff-en")
    chat.say("I want to talk to a person")
    assert chat.say("no") == t("en", "chat.handoff.ask_handoff_province")
    done = chat.send("Pavia")
    [enquiry] = assistant.enquiries(reference(done.text))
    assert enquiry.consent is False and enquiry.desk_id == "cremona-mantova-pavia" and enquiry.language == "en"
    assert (enquiry.contact_name, enquiry.contact_email, enquiry.contact_phone, enquiry.company,
            enquiry.conversation_id) == (None, None, None, None, None)
    assert done.lines[0] == t("en", "chat.handoff.anonymous", reference=enquiry.reference,
                              chamber="Camera di Commercio di Cremona-Mantova-Pavia")


def test_in_english_with_consent_and_a_place_in_the_same_message(assistant):
    chat = assistant.chat("handoff-en-place")
    consent = chat.send("could I speak with an advisor? we're in Lecco")
    assert consent.lines[0].startswith("For Lecco (LC) the desk is the internationalisation service of the Camera di "
                                       "Commercio di Como-Lecco")
    chat.send("yes")
    chat.send("John Smith")
    chat.send("+44 20 7946 0958")
    done = chat.send("Smith Tools Ltd")
    [enquiry] = assistant.enquiries(reference(done.text))
    assert (enquiry.contact_name, enquiry.company, enquiry.desk_id, enquiry.consent) == (
        "John Smith", "Smith Tools Ltd", "como-lecco", True)
    assert enquiry.contact_phone.startswith("+44")


@closed_today
def test_on_the_real_date_an_anonymous_enquiry_keeps_the_closed_verdict(assistant_on_real_date):
    chat = assistant_on_real_date.chat("handoff-real")
    chat.send("siamo di Brescia, 12 dipendenti, 1,5 milioni di fatturato, export al 50%")
    chat.send("voglio parlare con un consulente")
    done = chat.send("no")
    [enquiry] = assistant_on_real_date.enquiries(reference(done.text))
    assert enquiry.desk_id == "brescia" and enquiry.contact_name is None
    assert {"id": "verso-nuovi-mercati-2025", "status": "closed", "eligible": False} in enquiry.verdicts["calls"]


@pytest.mark.parametrize("lang, words", [
    ("it", ["voglio parlare con un consulente", "sì", "annulla"]),
    ("it", ["voglio parlare con un consulente", "sì", "Maria Rossi", "arrivederci"]),
    ("en", ["I'd like to talk to an advisor", "yes", "Anna Bianchi", "cancel"]),
])
def test_cancelling_or_leaving_during_the_contact_questions_stores_nothing(assistant, lang, words):
    before = len(assistant.enquiries())
    chat = assistant.chat("handoff-leave")
    for text in words:
        reply = chat.send(text)
    assert reply.lines[0] == t(lang, "chat.handoff.cancelled")
    assert len(assistant.enquiries()) == before
