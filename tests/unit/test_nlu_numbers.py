"""Numbers as people write them, in digits or words, Italian or English (bot.nlu.numbers)."""
from decimal import Decimal

import pytest

from bot.nlu.numbers import numbers_in


def only_number(text):
    found = numbers_in(text)
    assert len(found) == 1, f"{text!r} should hold one number, found {found}"
    return found[0]


@pytest.mark.parametrize("typed, value", [
    ("30k", "30000"),
    ("30.000 €", "30000"),
    ("€ 30.000,00", "30000"),
    ("1,5 mln", "1500000"),
    ("1.2M", "1200000"),
    ("100 mila", "100000"),
    ("30mila", "30000"),
    ("2 milioni", "2000000"),
    ("un milione e mezzo", "1500000"),
    ("quattro milioni e mezzo", "4500000"),
    ("trentamila euro", "30000"),
    ("centomila", "100000"),
    ("cento mila euro", "100000"),
    ("un milione e cinquecentomila", "1500000"),
    ("2 milioni e 500 mila", "2500000"),
    ("mezzo milione", "500000"),
    ("thirty thousand euros", "30000"),
    ("half a million", "500000"),
    ("one and a half million", "1500000"),
    ("a million", "1000000"),
    ("two hundred fifty thousand", "250000"),
    ("venticinque", "25"),
    ("twenty-five", "25"),
    ("1.000.000", "1000000"),
    ("€1,234,567.50", "1234567.50"),
])
def test_a_number_is_read_whole_in_digits_or_words(typed, value):
    assert only_number(typed).value == Decimal(value)


@pytest.mark.parametrize("typed", ["€ 30.000,00", "30.000 €", "trentamila euro", "2 milioni di euro", "EUR 5.000", "5k€"])
def test_a_currency_before_or_after_is_part_of_the_amount(typed):
    number = only_number(typed)
    assert number.currency
    assert (number.start, number.end) == (0, len(typed))


@pytest.mark.parametrize("typed, value", [
    ("30%", "30"),
    ("il 30 per cento", "30"),
    ("30 percento", "30"),
    ("30 percent", "30"),
    ("trenta per cento", "30"),
    ("12,5%", "12.5"),
    ("12,345%", "12.345"),  # with a percent sign a single mark is the decimal one
    ("dell'80%", "80"),
])
def test_percentages_are_marked_as_such(typed, value):
    number = only_number(typed)
    assert number.percent
    assert number.value == Decimal(value)


def test_per_cento_is_not_read_as_a_hundred():
    assert [n.value for n in numbers_in("il 30 per cento")] == [Decimal(30)]


@pytest.mark.parametrize("typed, value", [("-5.000 euro", "-5000"), ("-€5.000", "-5000"), ("meno 5", "-5")])
def test_a_sign_is_kept_for_the_dialogue_to_refuse(typed, value):
    assert only_number(typed).value == Decimal(value)


@pytest.mark.parametrize("typed", ["uno stand", "un fatturato", "a project", "una fiera", "30kg", "la metà"])
def test_articles_and_codes_are_not_numbers(typed):
    assert numbers_in(typed) == []


def test_a_range_of_years_is_two_numbers_not_a_negative_one():
    assert [n.value for n in numbers_in("fiere 2020-2022")] == [Decimal(2020), Decimal(2022)]


def test_two_numbers_with_no_scale_between_them_stay_two():
    assert [n.value for n in numbers_in("tra 10 e 20 mila")] == [Decimal(10), Decimal(20000)]


def test_offsets_point_into_the_text_as_typed():
    text = "Fatturato: € 1,5 MLN circa"
    number = only_number(text)
    assert text[number.start:number.end] == "€ 1,5 MLN"
