"""Cutting a long reply into messages Telegram accepts (at most 4,096 characters each).

A verdict with its figures can run long; cut blindly, a message could end in "21.828,00" and
the next begin with "€". We cut at the last paragraph break that fits, else the last line
break, else the last space that is not glued to an amount, and only when a single word is
longer than the limit (a huge URL) do we cut inside it.

Telegram counts UTF-16 code units, so an emoji counts twice: we measure the same way.
"""
from __future__ import annotations

import re

TELEGRAM_TEXT_LIMIT = 4096

# Signs that belong to the number beside them: "21.828,00 €", "€ 30.000", "30 %".
_GLUED_SIGNS = "€$£%"


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _prefix_fitting(text: str, limit: int) -> int:
    """How many characters of `text`, from the start, fit in `limit` UTF-16 units."""
    if utf16_length(text) <= limit:
        return len(text)
    units = 0
    for index, char in enumerate(text):
        units += 2 if ord(char) > 0xFFFF else 1
        if units > limit:
            return index
    return len(text)


def _space_may_break(text: str, start: int, end: int) -> bool:
    """Whether the run of spaces text[start:end] may end a message: not inside an amount."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if after in _GLUED_SIGNS and before.isdigit():  # "21.828,00 €", "30 %"
        return False
    if before in _GLUED_SIGNS and after.isdigit():  # "€ 30.000", unless that € closed "21.828,00 €"
        return _closes_a_number(text, start - 1)
    return not (before.isdigit() and after.isdigit())  # "1 000" written with a space


def _closes_a_number(text: str, sign: int) -> bool:
    """Whether the sign at `sign` ends an amount written before it ("21.828,00 €")."""
    spaces = sign
    while spaces > 0 and text[spaces - 1] in " \t":
        spaces -= 1
    return spaces < sign and spaces > 0 and text[spaces - 1].isdigit()


def _last_break(window: str, text: str) -> tuple[int, int] | None:
    """The (start, end) of the whitespace to drop at the best cut inside `window`, if any.

    `window` is the start of `text` that fits; a break must leave something before it.
    """
    for pattern in (r"\n[ \t]*\n\s*", r"[ \t]*\n\s*"):
        breaks = [m for m in re.finditer(pattern, window) if m.start() > 0]
        if breaks:
            return breaks[-1].start(), breaks[-1].end()
    # Plain spaces and tabs only: a no-break space (U+00A0) means what it says.
    for match in reversed(list(re.finditer(r"[ \t]+", window))):
        if match.start() > 0 and _space_may_break(text, match.start(), match.end()):
            return match.start(), match.end()
    return None


def split_message(text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """`text` as consecutive non-empty messages of at most `limit` UTF-16 units each.

    Only the whitespace at each cut is dropped; every other character stays, in order.
    """
    if limit < 2:
        raise ValueError("limit must be at least 2 (room for one character of any kind)")
    parts: list[str] = []
    rest = text.strip()
    while rest:
        fits = _prefix_fitting(rest, limit)
        if fits == len(rest):
            parts.append(rest)
            break
        # Look one character past the limit: a space right there is a clean cut too.
        cut = _last_break(rest[:fits + 1], rest)
        if cut is None:
            parts.append(rest[:fits].rstrip())  # one word longer than a message: no better choice
            rest = rest[fits:].lstrip()
            continue
        start, end = cut
        parts.append(rest[:start].rstrip())
        rest = rest[end:].lstrip()
    return parts
