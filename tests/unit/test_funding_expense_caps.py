"""Verso Nuovi Mercati's caps cut consultancy and training to the greatest amounts they allow.

The rules, written out here independently of the code:
consultancy <= 20% (initiatives + training); training <= 10% of the total eligible, where the
total is direct costs + staff (20% of them) + indirect (7% of direct + staff), each line in cents.
"""
from decimal import ROUND_HALF_UP, Decimal as D

import pytest

from bot.funding.expense_caps import ExpenseCaps
from bot.funding.flat_rates import FlatRates

CENT = D("0.01")
VNM_CAPS = ExpenseCaps(D(20), D(10), FlatRates(D(20), D(7)))


def to_cents(x):
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


def total_eligible(direct):
    staff = to_cents(direct * D("0.20"))
    return direct + staff + to_cents((direct + staff) * D("0.07"))


def meets_caps(consultancy, initiatives, training):
    return (consultancy <= D("0.20") * (initiatives + training)
            and training <= D("0.10") * total_eligible(consultancy + initiatives + training))


def assert_greatest(requested, allowed):
    """Meets the caps, and no amount can grow by a cent (alone or together) and still meet them."""
    (a, b, c), (ca, cc) = requested, allowed
    assert 0 <= ca <= a and 0 <= cc <= c
    assert meets_caps(ca, b, cc)
    for grow_a, grow_c in ((CENT, 0), (0, CENT), (CENT, CENT)):
        if ca + grow_a <= a and cc + grow_c <= c:
            assert not meets_caps(ca + grow_a, b, cc + grow_c)


@pytest.mark.parametrize("requested", [
    (D("30000"), D("70000"), D("5000")),   # consultancy cap alone
    (D("0"), D("50000"), D("20000")),      # training cap alone
    (D("20000"), D("50000"), D("20000")),  # both caps
    (D("600000"), D("1"), D("600000")),    # both, tiny initiatives
    (D("1000000000"), D("1000000000"), D("1000000000")),
], ids=["consultancy", "training", "both", "tiny_initiatives", "billions"])
def test_cut_amounts_are_the_greatest_that_meet_both_caps(requested):
    assert_greatest(requested, VNM_CAPS.greatest_within(*requested))


def test_amounts_within_the_caps_are_kept():
    assert VNM_CAPS.greatest_within(D("10000"), D("70000"), D("5000")) == (D("10000"), D("5000"))


def test_amounts_exactly_at_the_consultancy_cap_are_kept():
    assert VNM_CAPS.greatest_within(D("15000"), D("70000"), D("5000")) == (D("15000"), D("5000"))


def test_cutting_consultancy_lowers_the_training_cap_too():
    a, b, c = D("100000"), D("50000"), D("9500")
    assert c <= D("0.10") * total_eligible(a + b + c)  # fits beside the requested consultancy
    allowed_a, allowed_c = VNM_CAPS.greatest_within(a, b, c)
    assert allowed_c < c  # but not beside the consultancy the cap allows
    assert_greatest((a, b, c), (allowed_a, allowed_c))


def test_zero_requests_stay_zero():
    assert VNM_CAPS.greatest_within(D("0"), D("0"), D("0")) == (D("0"), D("0"))


def test_caps_that_would_allow_unbounded_training_are_reported():
    assert ExpenseCaps(D(20), D(80), FlatRates(D(20), D(7))).problem() is not None


def test_vnm_caps_are_well_defined():
    assert VNM_CAPS.problem() is None
