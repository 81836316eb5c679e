"""Contact details for a call back (bot.contact), read by the chat and checked again by the store."""
from bot import contact


def test_a_name_is_letters():
    assert contact.read_name("  Maria  Rossi ") == "Maria Rossi"
    assert contact.read_name("Anna-Lisa D'Angelo") == "Anna-Lisa D'Angelo"


def test_a_question_or_an_address_is_not_a_name():
    assert contact.read_name("cos'è il de minimis?") is None
    assert contact.read_name("maria@impresa.it") is None
    assert contact.read_name("/affirm") is None


def test_a_long_sentence_is_not_a_name():
    assert contact.read_name("non ho nessuna voglia di dirti come mi chiamo") is None


def test_an_email_is_found_in_a_sentence():
    assert contact.read_reach("scrivetemi a maria.rossi@impresa.it grazie") == contact.Reach(email="maria.rossi@impresa.it")


def test_a_phone_number_is_found():
    assert contact.read_reach("+39 035 123456") == contact.Reach(phone="+39 035 123456")


def test_a_national_number_is_given_its_italian_prefix():
    assert contact.read_reach("chiamatemi allo 035 123456") == contact.Reach(phone="+39 035 123456")


def test_an_email_is_checked_by_its_syntax():
    assert contact.email("Maria.Rossi@Impresa.it") == "Maria.Rossi@impresa.it"
    assert contact.email("maria@@impresa.it") is None and contact.email("maria@impresa") is None


def test_too_few_digits_are_no_phone():
    assert contact.read_reach("chiamate il 1234") is None


def test_a_company_is_one_line():
    assert contact.read_company("Rossi Meccanica srl") == "Rossi Meccanica srl"
    assert contact.read_company("x" * 201) is None
    assert contact.read_company("   ") is None
