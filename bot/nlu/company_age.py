"""How old the firm is, as people say it: "fondata nel 2010", "attivi da 12 anni", "siamo sul
mercato dal 1998", "costituita quest'anno", "founded 14 months ago", "in business for 3 years".

The entity is `company_age` with the role saying what the value counts: "since" (a year),
"years" or "months" (a duration, "ago" or "for"). The dialogue turns it into years of activity
on its own date, since the NLU does not know what day it is. A number says the firm's age only
next to a word about being founded or active: "nel 2024 abbiamo esportato" is no age.
"""
from __future__ import annotations

import re

from bot.nlu.numbers import numbers_in
from bot.nlu.text import lowered
from bot.nlu.types import Entity, plain

_CUE = (r"(?:fondat\w*|costituit\w*|nat[aoie]|avviat\w*|apert[aoie]|attiv[aoie]|operativ[aoie]|esist\w*|"
        r"in\s+attivit[aà]|sul\s+mercato|lavoriamo|operiamo|founded|established|incorporated|set\s+up|started|opened|"
        r"in\s+business|trading|been\s+around|operating|active|company\s+since|firm\s+since)")
_CUE_NEAR = re.compile(rf"\b{_CUE}\b")
# Each pattern: the number's position, what follows or precedes it, and the role it gives.
_SINCE = re.compile(r"\b(?:dal|nel|del|since|in|from)\s+$")
_FOR = re.compile(r"\b(?:da|for|per)\s+(?:circa\s+|about\s+|quasi\s+|almost\s+|oltre\s+|over\s+)?$")
_UNIT_AFTER = re.compile(r"\s*(?P<unit>ann[oi]|years?|mes[ei]|months?)\b(?P<ago>\s+(?:fa|ago))?")
_OF_ACTIVITY = re.compile(r"\s*(?:ann[oi]|years?)\s+(?:di\s+attivit[aà]|in\s+business|of\s+(?:activity|business|trading)|old)\b")
_THIS_YEAR = re.compile(r"\b(?:quest['\s]?anno|this\s+year)\b")
# "nata l'anno scorso", "founded last year": a year old. Only right after the cue: "l'anno scorso
# abbiamo esportato il 15%" is the year of a figure.
_LAST_YEAR = re.compile(rf"\b{_CUE}\s+(?:solo\s+|only\s+|just\s+)?(?P<when>l['\s]?anno\s+scorso|lo\s+scorso\s+anno|"
                        r"last\s+year|a\s+year\s+ago|un\s+anno\s+fa)\b")
WINDOW = 60  # characters around a number in which the cue must be


def _near(low: str, start: int, end: int) -> bool:
    return bool(_CUE_NEAR.search(low[max(0, start - WINDOW):end + WINDOW]))


def company_age(text: str) -> list[Entity]:
    low = lowered(text)
    found: list[Entity] = []
    for number in numbers_in(text):
        if number.percent or number.currency or number.scale != 1 or number.value < 0:
            continue
        value, before = number.value, low[max(0, number.start - 12):number.start]
        is_year = value == value.to_integral_value() and 1900 <= value <= 2100 and len(number.digits or "") == 4
        if is_year and _SINCE.search(before) and _near(low, number.start, number.end):
            found.append(Entity(number.start, number.end, "company_age", plain(value), "since"))
            continue
        unit = _UNIT_AFTER.match(low, number.end)
        if unit is None or value > 500:
            continue
        role = "months" if unit.group("unit").startswith(("mes", "month")) else "years"
        of_activity = bool(_OF_ACTIVITY.match(low, number.end))
        if unit.group("ago") or of_activity or (_FOR.search(before) and _near(low, number.start, unit.end())):
            if unit.group("ago") and not _near(low, number.start, unit.end()):
                continue  # "tre anni fa abbiamo esportato" says nothing of the firm's age
            found.append(Entity(number.start, unit.end(), "company_age", plain(value), role))
    for match in _LAST_YEAR.finditer(low):
        found.append(Entity(match.start("when"), match.end("when"), "company_age", "1", "years"))
    for match in _THIS_YEAR.finditer(low):
        if _near(low, match.start(), match.end()):
            found.append(Entity(match.start(), match.end(), "company_age", "0", "years"))
    return found
