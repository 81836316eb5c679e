"""Every number in a message, in digits or in words, Italian or English, with what is written around it.

"30k", "€ 30.000,00", "1,5 mln", "1.2M", "100 mila", "il 30 per cento", "trentamila euro",
"un milione e mezzo", "thirty thousand", "half a million", "2 milioni e 500 mila".
Digits are read here (one parser for the whole project: bot.parsing builds on it); number
words are read by text2num, with small rules on top for what it does not cover (halves,
"a million"). What the number *is* (turnover, employees, a year...) is decided elsewhere
(bot.nlu.quantities) from the words around it; this module only says what was written:
the value, and whether it carried a currency, a percent sign or a multiplier.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation

from text_to_num import text2num

from bot.nlu.text import lowered

SCALES: dict[str, int] = {
    "k": 1_000, "mila": 1_000, "mille": 1_000, "thousand": 1_000, "thousands": 1_000,
    "m": 1_000_000, "mln": 1_000_000, "mio": 1_000_000, "milione": 1_000_000, "milioni": 1_000_000,
    "million": 1_000_000, "millions": 1_000_000,
    "mld": 1_000_000_000, "miliardo": 1_000_000_000, "miliardi": 1_000_000_000,
    "bn": 1_000_000_000, "billion": 1_000_000_000, "billions": 1_000_000_000,
}
_SCALE_WORDS = "|".join(sorted(SCALES, key=len, reverse=True))

# Digits with separators: "30.000,00", "1,5", "30'000", "1 000 000" with no-break or thin spaces.
_DIGITS = re.compile(
    r"(?P<sign>(?:(?<![\w.,])-\s?)|\b(?:meno|minus)\s+)?"
    r"(?<![\w.,])(?P<digits>\d+(?:[.,'\u00a0\u202f]\d+)*|[.,]\d+)"
    # "m" is a million ("1.2m") but not metres ("24 m2", "24 mq", "24 metri").
    rf"(?:\s?(?P<scale>{_SCALE_WORDS})(?![\w\u00b2]))?"
    # Square metres may be written on the number ("24mq", "24m2"); any other letter makes a code.
    r"(?=$|[^\w\u00b2]|mq\b|m2\b|m\u00b2|sqm\b)"
)
_CURRENCY_BEFORE = re.compile(r"(?:€|\beur\b|\beuro\b)\s?$")
_BEFORE_WINDOW = len("euro ")  # pos is not a slice: \b and look-behinds still see what precedes
_MINUS_BEFORE = re.compile(r"(?<![\w.,])-\s?$")
_CURRENCY_AFTER = re.compile(r"\s?(?:€|euros?\b|eur\b)|\s+di\s+euro\b")
_PERCENT_AFTER = re.compile(r"\s?%|\s*(?:per\s?cento|percento|per\s?cent|percent)\b")
_HALF_AFTER = re.compile(r"\s+(?:e\s+mezzo|and\s+a\s+half)\b")
_HALF_THEN_SCALE = re.compile(rf"\s+(?:e\s+mezzo|and\s+a\s+half)\s+(?P<scale>{_SCALE_WORDS})\b")
_HALF_OF_SCALE = re.compile(r"(?<!and a )\b(?:mezzo|half(?:\s+a)?)\s+(?P<scale>milione|million|miliardo|billion)\b")
_WORD = re.compile(r"[^\W\d_]+")
_JOINER = re.compile(r"^[\s\-]*$")
_CONNECTORS = {"e", "and"}
# Articles that are a number only before a scale word ("un milione", "a million", "a hundred").
_ARTICLES = {"un", "una", "uno", "a", "an"}
_ARTICLE_SCALES = {"milione": 1_000_000, "million": 1_000_000, "miliardo": 1_000_000_000,
                   "billion": 1_000_000_000, "thousand": 1_000, "hundred": 100}
_MAX_RUN = 10
# Round counts: "una quarantina (di dipendenti)", "a dozen people". The "di" is part of the span,
# so the noun after it reads as the count's unit.
_ROUGHLY = {"paio": 2, "decina": 10, "dozzina": 12, "quindicina": 15, "ventina": 20, "trentina": 30,
            "quarantina": 40, "cinquantina": 50, "sessantina": 60, "settantina": 70, "ottantina": 80,
            "novantina": 90, "centinaio": 100, "couple": 2, "dozen": 12}
_ROUGH_COUNT = re.compile(rf"\b(?:una|un|a)\s+({'|'.join(_ROUGHLY)})(?:\s+(?:di|of))?\b")
# "un solo dipendente", "una sola fiera": one, though "un" alone is only an article.
_ONLY_ONE = re.compile(r"\b(?:un\s+solo|uno\s+solo|una\s+sola|un\s+unico|una\s+unica|un'unica)\b")


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: Decimal
    digits: str = ""  # as typed, when written in digits: a percent re-reads "12,345" as a decimal
    scale: int = 1  # the multiplier written after the number ("mila", "k", "milioni")
    currency: bool = False
    percent: bool = False
    words: bool = False

    @property
    def grouped(self) -> bool:
        """Written with a thousands separator ("30.000"), which only money and counts have."""
        return bool(self.digits) and self.value == self.value.to_integral_value() and bool(re.search(r"[.,'\u00a0\u202f]", self.digits))

    @property
    def bare(self) -> bool:
        """Nothing written around it that says what it is: no currency, percent or multiplier."""
        return not (self.currency or self.percent or self.scale != 1)


def to_decimal(digits: str, *, separator_is_decimal: bool = False) -> Decimal | None:
    """One token of digits and separators as a number.

    With both "." and "," the last one is the decimal mark ("30.000,00", "30,000.50").
    A single mark followed by exactly three digits groups thousands ("30.000", "1,500"),
    unless the caller knows it is a decimal ("1,5 mln", "12,5%").
    """
    digits = re.sub(r"['\u2019\u00a0\u202f]", "", digits)
    marks = [ch for ch in digits if ch in ".,"]
    if not marks:
        normalised = digits
    elif len(set(marks)) == 2:
        decimal_mark = marks[-1]
        whole, _, fraction = digits.rpartition(decimal_mark)
        normalised = re.sub(r"[.,]", "", whole) + "." + fraction
    elif len(marks) > 1:
        normalised = digits.replace(marks[0], "")
    else:
        whole, _, fraction = digits.partition(marks[0])
        groups_thousands = len(fraction) == 3 and whole not in ("", "0") and not separator_is_decimal
        normalised = whole + fraction if groups_thousands else (whole or "0") + "." + fraction
    try:
        return Decimal(normalised)
    except InvalidOperation:
        return None


@functools.lru_cache(maxsize=4096)
def _words_value(phrase: str, lang: str) -> int | None:
    try:
        return int(text2num(phrase, lang))
    except (ValueError, TypeError):
        return None


def _word_value(phrase: str) -> int | None:
    # People mix languages ("export al thirty percent" is rare, but "one" in Italian is not a number).
    return _words_value(phrase, "it") if _words_value(phrase, "it") is not None else _words_value(phrase, "en")


def _with_tails(low: str, number: Number) -> Number:
    """Extend a number with what follows it: "e mezzo", a currency, a percent sign."""
    end, value, scale = number.end, number.value, number.scale
    half_then_scale = _HALF_THEN_SCALE.match(low, end)
    if half_then_scale and scale == 1:
        scale = SCALES[half_then_scale.group("scale")]
        value, end = (value + Decimal("0.5")) * scale, half_then_scale.end()
    elif scale != 1 and (half := _HALF_AFTER.match(low, end)):
        value, end = value + Decimal(scale) / 2, half.end()
    currency = number.currency
    start = number.start
    # Only the few characters before the number can hold its currency: searching the whole
    # prefix for every number made a message of many numbers quadratic.
    window = max(0, start - _BEFORE_WINDOW)
    if (before := _CURRENCY_BEFORE.search(low, window, start)) is not None:
        currency, start = True, before.start()
        if value > 0 and _MINUS_BEFORE.search(low, max(0, start - 2), start):  # "-€5.000"
            value, start = -value, low.rindex("-", 0, start)
    percent = False
    if (after := _PERCENT_AFTER.match(low, end)) is not None:
        percent, end = True, after.end()
        if number.digits:
            value = (to_decimal(number.digits, separator_is_decimal=True) or value) * (-1 if value < 0 else 1)
    elif (after := _CURRENCY_AFTER.match(low, end)) is not None:
        currency, end = True, after.end()
    return replace(number, start=start, end=end, value=value, scale=scale, currency=currency, percent=percent)


def _digit_numbers(low: str) -> list[Number]:
    found = []
    for match in _DIGITS.finditer(low):
        scale_word = match.group("scale")
        scale = SCALES[scale_word] if scale_word else 1
        value = to_decimal(match.group("digits"), separator_is_decimal=scale != 1)
        if value is None:
            continue
        if match.group("sign"):
            value = -value
        number = Number(match.start(), match.end(), value * scale, digits=match.group("digits"), scale=scale)
        found.append(_with_tails(low, number))
    return found


def _free(spans: list[Number], start: int, end: int) -> bool:
    return all(end <= s.start or start >= s.end for s in spans)


def _word_numbers(low: str, taken: list[Number]) -> list[Number]:
    """Runs of number words ("un milione e cinquecentomila", "twenty five"), longest first."""
    found: list[Number] = []
    for half in _HALF_OF_SCALE.finditer(low):
        if _free(taken + found, half.start(), half.end()):
            scale = SCALES[half.group("scale")]
            found.append(_with_tails(low, Number(half.start(), half.end(), Decimal(scale) / 2, scale=scale, words=True)))
    for rough in _ROUGH_COUNT.finditer(low):
        if _free(taken + found, rough.start(), rough.end()):
            found.append(Number(rough.start(), rough.end(), Decimal(_ROUGHLY[rough.group(1)]), words=True))
    for one in _ONLY_ONE.finditer(low):
        if _free(taken + found, one.start(), one.end()):
            found.append(Number(one.start(), one.end(), Decimal(1), words=True))
    words = [w for w in _WORD.finditer(low) if _free(taken + found, w.start(), w.end())]
    i = 0
    while i < len(words):
        number = _run_at(low, words, i)
        if number is None or not _free(taken + found, number.start, number.end):
            i += 1
            continue
        number = _with_tails(low, number)
        found.append(number)
        while i < len(words) and words[i].start() < number.end:
            i += 1
    return found


def _run_at(low: str, words: list[re.Match], i: int) -> Number | None:
    first = words[i].group()
    if first in _CONNECTORS:
        return None
    if first in _ARTICLES:
        following = words[i + 1] if i + 1 < len(words) else None
        if following is None or following.group() not in _ARTICLE_SCALES or not _JOINER.match(low[words[i].end():following.start()]):
            return None
        if _word_value(f"{first} {following.group()}") is None:  # "a million": text2num wants "one million"
            scale = _ARTICLE_SCALES[following.group()]
            return Number(words[i].start(), following.end(), Decimal(scale), scale=scale, words=True)
    elif _word_value(first) is None:
        return None
    last = i
    while last + 1 < len(words) and last + 1 - i < _MAX_RUN and _JOINER.match(low[words[last].end():words[last + 1].start()]):
        last += 1
    for j in range(last, i - 1, -1):
        if words[j].group() in _CONNECTORS:
            continue
        phrase = " ".join(w.group() for w in words[i:j + 1])
        value = _word_value(phrase)
        if value is not None:
            scale = next((s for word, s in SCALES.items() if len(word) > 3 and words[j].group().endswith(word)), 1)
            return Number(words[i].start(), words[j].end(), Decimal(value), scale=scale, words=True)
    return None


def _merged(low: str, numbers: list[Number]) -> list[Number]:
    """"2 milioni e 500 mila" is one amount: a larger scale, "e"/"and", a smaller one."""
    merged: list[Number] = []
    for number in numbers:
        previous = merged[-1] if merged else None
        if (
            previous is not None and previous.scale > number.scale > 1 and not previous.percent
            and number.value < previous.scale and re.fullmatch(r"\s+(?:e|and)\s+", low[previous.end:number.start])
        ):
            merged[-1] = replace(previous, end=number.end, value=previous.value + number.value,
                                 currency=previous.currency or number.currency)
        else:
            merged.append(number)
    return merged


def numbers_in(text: str) -> list[Number]:
    """Every number written in `text`, in reading order, spans as character offsets into it."""
    low = lowered(text)
    digits = _digit_numbers(low)
    found = sorted(digits + _word_numbers(low, digits), key=lambda n: n.start)
    return _merged(low, found)
