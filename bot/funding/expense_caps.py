"""The greatest consultancy and training amounts that Verso Nuovi Mercati's two caps allow.

Caps (FACTS.md §1): consultancy A <= a% of (initiatives B + training C), and training
C <= c% of the total eligible T, where T = DC + staff + indirect and DC = A + B + C.
The caps interact: more training raises A's cap, more consultancy raises T and so C's cap.
Both constraints only loosen when the other amount grows, so the amounts that meet them are
closed under taking the larger of each: there is one greatest pair, and cutting to it takes
from the firm no more than the caps demand.

How it is found, exactly and on whole cents:
1. With real numbers and T = k * DC (k = 1.284), the greatest pair has a closed form. We
   solve a slightly relaxed version (T allowed the few tenths of a cent by which the rounded
   breakdown can exceed k * DC) with exact fractions: every pair of cent amounts that meets the
   caps on the displayed, rounded total lies below it.
2. From that upper bound we apply "cut each amount to its cap given the other" until nothing
   changes. The step is monotone and never goes below a feasible pair, so it stops at the
   greatest pair of cent amounts (Knaster-Tarski), after a few steps since it starts so close.
The training cap is checked against the total the user sees (rounded lines), so the shown
breakdown always satisfies it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from bot.funding.flat_rates import FlatRates
from bot.money import CENT

# Upper bound of (rounded total) - k * (direct costs): staff and indirect lines each round up by
# at most half a cent, and the staff rounding is then charged the indirect rate (<= 100%).
_ROUNDING_SLACK = Fraction(2, 100)


@dataclass(frozen=True)
class ExpenseCaps:
    consultancy_cap_pct: Decimal  # of initiatives + training
    training_cap_pct: Decimal  # of the total eligible
    rates: FlatRates

    @property
    def _alpha(self) -> Fraction:
        return Fraction(self.consultancy_cap_pct) / 100

    @property
    def _gamma_k(self) -> Fraction:
        return Fraction(self.training_cap_pct) / 100 * Fraction(self.rates.multiplier)

    @property
    def _slack(self) -> Fraction:
        """How far over beta * (consultancy + initiatives) training can be on the rounded total."""
        return Fraction(self.training_cap_pct) / 100 * _ROUNDING_SLACK / (1 - self._gamma_k)

    def problem(self) -> str | None:
        """Why these caps have no well-defined greatest point, or None when they are fine."""
        if self._gamma_k >= 1:
            return "training_cap_pct x flat-rate multiplier must be below 100%"
        beta = self._gamma_k / (1 - self._gamma_k)
        if self._alpha * beta >= 1:
            return "consultancy and training caps together allow unbounded amounts"
        return None

    def consultancy_ok(self, consultancy: Decimal, initiatives: Decimal, training: Decimal) -> bool:
        return consultancy <= (initiatives + training) * self.consultancy_cap_pct / 100

    def training_ok(self, consultancy: Decimal, initiatives: Decimal, training: Decimal) -> bool:
        total = self.rates.total(consultancy + initiatives + training)
        return training <= total * self.training_cap_pct / 100

    def greatest_within(self, consultancy: Decimal, initiatives: Decimal,
                        training: Decimal) -> tuple[Decimal, Decimal]:
        """(consultancy, training) cut to the greatest cent amounts meeting both caps.

        Inputs are non-negative cent amounts; initiatives has no cap of its own.
        Only for caps whose problem() is None (the model checks it when reading params)."""
        a, c = self._relaxed_upper_bound(consultancy, initiatives, training)
        while True:
            next_a = min(a, _floor_cents(self._alpha * Fraction(initiatives + c)))
            next_c = self._largest_training(next_a, initiatives, c)
            if (next_a, next_c) == (a, c):
                return a, c
            a, c = next_a, next_c

    def _relaxed_upper_bound(self, a: Decimal, b: Decimal, c: Decimal) -> tuple[Decimal, Decimal]:
        alpha, gamma_k = self._alpha, self._gamma_k
        beta, slack = gamma_k / (1 - gamma_k), self._slack
        fa, fb, fc = Fraction(a), Fraction(b), Fraction(c)
        # C <= beta (A + B) + slack with A <= min(a, alpha (B + C)), solved for C.
        c_hi = min(fc, beta * (fa + fb) + slack, (beta * (1 + alpha) * fb + slack) / (1 - alpha * beta))
        a_hi = min(fa, alpha * (fb + c_hi))
        return _floor_cents(a_hi), _floor_cents(c_hi)

    def _largest_training(self, consultancy: Decimal, initiatives: Decimal, at_most: Decimal) -> Decimal:
        """The largest cent amount <= at_most meeting the training cap on the rounded total."""
        gamma_k = self._gamma_k
        bound = gamma_k / (1 - gamma_k) * Fraction(consultancy + initiatives) + self._slack
        training = min(at_most, _floor_cents(bound))
        while not self.training_ok(consultancy, initiatives, training):
            training -= CENT  # a couple of steps at most: the bound is within a cent or two
        return training


def _floor_cents(value: Fraction) -> Decimal:
    return Decimal(math.floor(value * 100)).scaleb(-2)
