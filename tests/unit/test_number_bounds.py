"""Every number is checked for size before arithmetic: "1e3000000 years" once raised
decimal.Overflow in the action, and "1e300000" took a second of exact Decimal work."""
from __future__ import annotations

import decimal
from decimal import Decimal

import pytest

from bot.money import NumberOutOfRange, to_decimal
from tests.unit.chat import Chat

HUGE = ("1e30000", "1e3000000", "-1e3000000", "1e-3000000", "9" * 39, "1" + "0" * 60)


@pytest.mark.parametrize("raw", HUGE)
def test_out_of_range_figures_are_refused_before_any_arithmetic(raw):
    with pytest.raises(ValueError):
        to_decimal(raw)


def test_ordinary_figures_pass_unchanged():
    assert to_decimal("1.000.000".replace(".", "")) == Decimal("1000000")
    assert to_decimal(0.1) == Decimal("0.1")
    assert to_decimal("0") == 0
    assert to_decimal(Decimal("999999999999999")) == Decimal("999999999999999")
    assert not to_decimal("NaN").is_finite()  # left to the caller's is_finite() check
    with pytest.raises(NumberOutOfRange):
        to_decimal(Decimal("1e16"))
    with pytest.raises(decimal.InvalidOperation):
        to_decimal("twelve")


@pytest.mark.parametrize("field", ["years", "amount", "months"])
@pytest.mark.parametrize("raw", HUGE)
def test_a_loan_plan_with_absurd_terms_gets_a_reply(field, raw):
    terms = {"amount": "50000", "years": "5", field: raw}
    payload = '/ask{"aspect": "loan_plan", ' + ", ".join(f'"{k}": "{v}"' for k, v in terms.items()) + "}"
    chat = Chat("en")
    reply = chat.say(payload)
    assert reply.strip()
    assert "instalments of" not in reply  # no plan computed on it


def test_the_same_plan_with_sane_terms_is_computed():
    reply = Chat("en").say('/ask{"aspect": "loan_plan", "amount": "50000", "years": "5"}')
    assert "instalments of" in reply


@pytest.mark.parametrize("entity", ["employees", "amount", "percent", "years", "months", "year", "sqm",
                                    "fairs_count"])
@pytest.mark.parametrize("raw", HUGE)
def test_absurd_facts_get_a_reply_and_change_nothing(entity, raw):
    chat = Chat("en")
    chat.say('/inform{"employees": "12"}')
    chat.say(f'/inform{{"{entity}": "{raw}"}}')
    assert chat.state.facts.get("employees") == "12" or entity == "employees"
    assert raw not in str(chat.state.facts)
