"""The message's language as an entity: only when the detector is confident (bot.nlu.language)."""
import pytest

from bot.nlu import extract
from bot.nlu.language import detect


@pytest.mark.parametrize("text, lang", [
    ("sono di Voghera", "it"),
    ("anzi, i dipendenti sono 60", "it"),
    ("quanto mi finanziano su 100.000 €?", "it"),
    ("sorry, exports were 45%", "en"),
    ("How much funding would I get on a €250,000 project?", "en"),
    ("Which office covers Pavia now that the chambers merged?", "en"),
])
def test_a_sentence_tells_its_language(text, lang):
    assert detect(text) == lang


@pytest.mark.parametrize("text", ["30", "Bergamo", "30k", "VNM", "/inform{\"employees\": 5}", ""])
def test_a_short_answer_tells_no_language(text):
    assert detect(text) is None


def test_the_language_is_an_entity_on_no_word_of_the_message():
    text = "Siamo 60 dipendenti e 12 milioni di fatturato"
    [language] = [e for e in extract(text) if e.entity == "language"]
    assert (language.value, language.start, language.end) == ("it", 0, 0)


def test_a_short_answer_carries_no_language_entity():
    assert [e for e in extract("Bergamo") if e.entity == "language"] == []
