"""What an answer returns: the text and the quick-reply buttons that continue the conversation.

A button's payload is a Rasa intent payload, `/ask{"aspect": "loan_plan", "years": 4, ...}`,
whose keys are exactly what answer() takes: the dialogue passes them back to answer()
unchanged, so a button always reproduces the question it stands for, with no state to remember.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

# The one intent every answer button sends; the dialogue maps it (and its entities) to answer().
BUTTON_INTENT = "ask"


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = ()


def _json_value(value):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def aspect_button(title: str, aspect: str, **values) -> Button:
    """A button asking `aspect` again with `values` (None values are left out)."""
    entities = {"aspect": aspect, **{k: _json_value(v) for k, v in values.items() if v is not None}}
    return Button(title, f"/{BUTTON_INTENT}{json.dumps(entities, ensure_ascii=False, separators=(',', ':'))}")


def reply(lines, buttons=()) -> Reply:
    """One chat message from the non-empty lines, in order."""
    return Reply("\n".join(line for line in lines if line), tuple(buttons))
