import datetime as dt
from decimal import Decimal

from bot import fmt


def test_money_reads_the_way_each_language_writes_it():
    assert fmt.money("it", Decimal("21828")) == "21.828,00\u00a0€"  # a no-break space: never split in a chat line
    assert fmt.money("en", Decimal("21828")) == "€21,828.00"
    assert fmt.money("en", Decimal("-5.005")) == "-€5.01"


def test_percentages_keep_their_decimals_only_when_they_have_some():
    assert fmt.percent("it", Decimal("40")) == "40%"
    assert fmt.percent("it", Decimal("45.5")) == "45,5%"
    assert fmt.percent("en", Decimal("1.50")) == "1.5%"


def test_dates_are_spelled_out():
    assert fmt.date("it", dt.date(2025, 9, 9)) == "9 settembre 2025"
    assert fmt.date("en", dt.date(2025, 9, 9)) == "9 September 2025"


def test_plural_forms_follow_each_languages_rules():
    assert [fmt.plural_form("it", n) for n in (0, 1, 2)] == ["other", "one", "other"]
    assert [fmt.plural_form("en", n) for n in (0, 1, 2)] == ["other", "one", "other"]
    assert fmt.plural_form("en", Decimal("1.5")) == "other"
