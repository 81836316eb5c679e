"""Any text, however odd, gives well-formed entities and never an exception."""
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.nlu import extract
from bot.nlu.pipeline import MAX_CHARS

_PIECES = st.sampled_from([
    "30k", "€ 30.000,00", "1,5 mln", "il 30 per cento", "un milione e mezzo", "e", "mezzo", "half", "a",
    "Bergamo", "(BG)", "Sale", "di", "-", "%", "€", "dipendenti", "fatturato", "export", "2024", "'",
    "Stati Uniti", "VNM", "9" * 40, ",", ".", "per", "cento", "mila", "metà", "un terzo",
])


def check(text):
    for entity in extract(text):
        assert 0 <= entity.start <= entity.end <= len(text)
        assert entity.start < entity.end or entity.entity == "language"
        assert isinstance(entity.value, str) and entity.value
        if entity.entity in ("amount", "percent", "employees", "years", "months", "sqm", "fairs_count", "year"):
            Decimal(entity.value)  # a plain decimal string


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_well_formed_entities(text):
    check(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=12).map(" ".join))
def test_any_mix_of_the_words_we_read_gives_well_formed_entities(text):
    check(text)


def test_a_huge_message_is_read_only_up_to_the_limit():
    text = "25 dipendenti " + "x" * 100_000 + " 4 milioni di fatturato"
    found = extract(text)
    assert ("employees", "25") in {(e.entity, e.value) for e in found}
    assert all(e.end <= MAX_CHARS for e in found)


def test_non_text_gives_nothing():
    assert extract(None) == [] and extract(42) == []
