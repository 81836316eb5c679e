"""Talking to a person: consent first; with it the contact is stored with the enquiry, without
it nothing personal is (an anonymous enquiry with a reference); routed to the province's desk."""
import re

from bot.texts import t


def reference(text: str) -> str:
    return re.search(r"\b[2-9A-HJ-NP-Z]{8}\b", text).group(0)


def test_with_consent_the_contact_is_stored_and_routed_to_the_desk(assistant):
    chat = assistant.chat("handoff-it")
    chat.say("siamo a Seriate, 12 dipendenti")
    assert chat.say("voglio parlare con un consulente") == t("it", "chat.handoff.ask_handoff_consent")
    assert chat.say("sì") == t("it", "chat.handoff.ask_contact_name")
    chat.say("Maria Rossi")
    chat.say("maria.rossi@example.com")
    done = chat.say("Rossi Meccanica srl")
    [enquiry] = assistant.enquiries(reference(done))
    assert (enquiry.contact_name, enquiry.contact_email, enquiry.company) == (
        "Maria Rossi", "maria.rossi@example.com", "Rossi Meccanica srl")
    assert enquiry.consent is True and enquiry.desk_id == "bergamo" and enquiry.language == "it"
    assert enquiry.profile["employees"] == 12 and enquiry.channel == "rest"
    assert "Camera di Commercio di Bergamo" in done


def test_an_invalid_email_is_asked_again(assistant):
    chat = assistant.chat("handoff-bad")
    chat.say("voglio parlare con un consulente")
    chat.say("sì")
    chat.say("Maria Rossi")
    assert chat.say("maria at rossi") == t("it", "chat.handoff.invalid_contact_reach") + "\n" + t(
        "it", "chat.handoff.ask_contact_reach")


def test_in_english_without_consent_nothing_personal_is_stored(assistant):
    chat = assistant.chat("handoff-en")
    chat.say("I want to talk to a person")
    assert chat.say("no") == t("en", "chat.handoff.ask_handoff_province")
    done = chat.say("Pavia")
    [enquiry] = assistant.enquiries(reference(done))
    assert enquiry.consent is False and enquiry.desk_id == "cremona-mantova-pavia"
    assert (enquiry.contact_name, enquiry.contact_email, enquiry.contact_phone, enquiry.company,
            enquiry.conversation_id) == (None, None, None, None, None)
    assert "anonymously" in done


def test_a_goodbye_during_the_contact_questions_stores_nothing(assistant):
    before = len(assistant.enquiries())
    chat = assistant.chat("handoff-leave")
    chat.say("voglio parlare con un consulente")
    chat.say("sì")
    assert chat.say("annulla") == t("it", "chat.goodbye")
    assert len(assistant.enquiries()) == before
