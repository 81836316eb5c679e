"""Contact details for a call back, read before the store checks them again."""
from bot.conversation import contact


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


def test_too_few_digits_are_no_phone():
    assert contact.read_reach("chiamate il 1234") is None


def test_a_company_is_one_line():
    assert contact.read_company("Rossi Meccanica srl") == "Rossi Meccanica srl"
    assert contact.read_company("x" * 201) is None
    assert contact.read_company("   ") is None
