from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot import fmt
from bot.nlu.places import PlaceAnswer
from bot.nlu.places import parse_answer as parse_place
from bot.parsing import leaves_choice_open, means_none, parse_amount, parse_number, parse_percentage


@pytest.mark.parametrize("typed, euros", [
    ("30000", "30000"),
    ("30k", "30000"),
    ("30 K", "30000"),
    ("30.000", "30000"),
    ("30,000", "30000"),
    ("€ 30.000,00", "30000.00"),
    ("30.000,50 €", "30000.50"),
    ("€30,000.50", "30000.50"),
    ("1,5 mln", "1500000"),
    ("1.2M", "1200000"),
    ("2 milioni di euro", "2000000"),
    ("10 mila euro", "10000"),
    ("1.000.000", "1000000"),
    ("30'000", "30000"),
    ("circa 70k di iniziative", "70000"),
    ("about €5,000", "5000"),
])
def test_amounts_are_read_as_people_type_them(typed, euros):
    assert parse_amount(typed) == Decimal(euros)


def test_a_negative_amount_keeps_its_sign_for_the_validator_to_refuse():
    assert parse_amount("-5.000") == Decimal("-5000")


@pytest.mark.parametrize("typed", ["tanti", "", "tra 10 e 20 mila", "/inform{\"turnover_eur\": 5}"])
def test_no_amount_or_more_than_one_reads_as_nothing(typed):
    assert parse_amount(typed) is None


@pytest.mark.parametrize("typed, share", [
    ("30%", "30"),
    ("30 %", "30"),
    ("il 30 per cento", "30"),
    ("30 percento", "30"),
    ("30 percent", "30"),
    ("12,5%", "12.5"),
    ("12.5", "12.5"),
    ("0", "0"),
    ("250%", "250"),
])
def test_percentages_are_read_in_both_languages(typed, share):
    assert parse_percentage(typed) == Decimal(share)


@pytest.mark.parametrize("typed, count", [
    ("12", 12),
    ("abbiamo 12 dipendenti", 12),
    ("we have 1,200 employees", 1200),
    ("1.200", 1200),
    ("due", 2),
    ("two", 2),
    ("nessuno", 0),
    ("-5", -5),
    ("meno 5", -5),
    ("1000000000000", 10**12),
])
def test_counts_are_read_from_digits_or_small_number_words(typed, count):
    assert parse_number(typed) == count


def test_a_decimal_count_is_read_as_is_so_the_validator_can_ask_for_a_whole_number():
    assert parse_number("2,5") == Decimal("2.5")


def test_a_forced_intent_is_never_an_answer():
    assert parse_number('/inform{"employees": 5}') is None


@pytest.mark.parametrize("typed, place", [
    ("Bergamo", PlaceAnswer("Bergamo", None, "Bergamo")),
    ("Seriate (BG)", PlaceAnswer("Seriate", "BG", "Seriate (BG)")),
    ("seriate, bg", PlaceAnswer("seriate", "BG", "seriate, bg")),
    ("siamo a Milano", PlaceAnswer("Milano", None, "siamo a Milano")),
    ("we are based in Brescia.", PlaceAnswer("Brescia", None, "we are based in Brescia")),
    ("MI", PlaceAnswer("", "MI", "MI")),
    ("provincia di Lecco", PlaceAnswer("Lecco", None, "provincia di Lecco")),
])
def test_places_are_split_into_name_and_province_code(typed, place):
    assert parse_place(typed) == place


def test_a_name_that_starts_like_a_filler_word_is_kept_as_typed_too():
    assert parse_place("La Valletta Brianza").as_typed == "La Valletta Brianza"


@pytest.mark.parametrize("typed", ["12", "", "/inform{\"comune\": \"Milano\"}"])
def test_numbers_and_commands_are_not_places(typed):
    assert parse_place(typed) is None


@pytest.mark.parametrize("typed", ["non so", "Non lo so.", "I don't know", "default", "boh"])
def test_not_knowing_leaves_the_choice_to_the_assistant(typed):
    assert leaves_choice_open(typed)


@pytest.mark.parametrize("typed", ["6", "sei anni", "no"])
def test_an_actual_answer_does_not_leave_the_choice_open(typed):
    assert not leaves_choice_open(typed)


@pytest.mark.parametrize("typed, expected", [("no", True), ("Nessuno.", True), ("none", True), ("no, 12 mesi", False)])
def test_a_bare_no_means_none(typed, expected):
    assert means_none(typed) is expected


@given(cents_amount=st.integers(min_value=0, max_value=10**11))
def test_any_amount_the_bot_prints_reads_back_as_the_same_amount(cents_amount):
    amount = Decimal(cents_amount) / 100
    for lang in ("it", "en"):
        assert parse_amount(fmt.money(lang, amount)) == amount
