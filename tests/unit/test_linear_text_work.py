"""Reading a message takes time in proportion to its length, whatever its shape.

Measured as a ratio, not a duration: the same input four times longer must not take about
sixteen times as long (quadratic) or more. Each shape below once made a regular expression
backtrack over a long run of blanks (a call's name or a place followed by spaces, a number
with a unit far away): a single message held the action server for seconds."""
from __future__ import annotations

import time

import pytest

from bot import parsing
from bot.nlu import extract
from bot.nlu.places import parse_answer, read_answer

SHORT, LONG = 500, 2000  # the channels cap a message at 2,000 characters
LINEAR_ENOUGH = 8.0      # linear work gives ~4; quadratic ~16
NOISE = 0.004            # below this many seconds for the long input, nothing to measure

SHAPES = {
    "call name then blanks": lambda n: "Verso Nuovi Mercati" + " " * n + "2025",
    "call name then blanks and dashes": lambda n: "Bando Export" + " -" * (n // 2),
    "number then blanks": lambda n: "10" + " " * n + "anni",
    "place then blanks": lambda n: "Roma" + " " * n + "x",
    "blanks then a number": lambda n: " " * n + "1",
    "digits and dots": lambda n: "1." * (n // 2),
    "words and dashes": lambda n: "a-" * (n // 2),
    "years in a row": lambda n: "2020 " * (n // 5),
    "commas": lambda n: ", " * (n // 2),
    "parentheses": lambda n: "(" * n,
}


def _best_of_three(work, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        work(text)
        best = min(best, time.perf_counter() - start)
    return best


READERS = {"extract": extract, "parse_answer": parse_answer, "read_answer": read_answer,
           "parse_amount": parsing.parse_amount, "parse_percentage": parsing.parse_percentage,
           "parse_number": parsing.parse_number, "leaves_choice_open": parsing.leaves_choice_open}


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("shape", SHAPES)
def test_reading_time_grows_linearly(reader, shape):
    work, make = READERS[reader], SHAPES[shape]
    work(make(SHORT))  # warm caches (the register of comuni, the concept index)
    short, long = _best_of_three(work, make(SHORT)), _best_of_three(work, make(LONG))
    if long < NOISE:
        return
    assert long / max(short, 1e-6) < LINEAR_ENOUGH, f"{reader} on {shape!r}: {short:.4f}s -> {long:.4f}s"
