"""Rasa buttons as Telegram inline keyboards.

Telegram carries at most 64 bytes of `callback_data` per button, while a Rasa payload such as
`/inform{"vnm_consultancy": "10000", "loan_years": "6"}` can be longer. Short payloads travel
as they are; a long one travels as a token ("~" and a hash of the payload) that this process
remembers. A token from before a restart is unknown: the user is asked to type the answer.
"""
from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import Any, Mapping, Sequence

CALLBACK_DATA_LIMIT = 64  # bytes, UTF-8 (Bot API, InlineKeyboardButton.callback_data)
TOKEN_PREFIX = "~"
# Titles this short sit side by side ("3 anni", "Sì", "No"); longer ones get a row each.
SHORT_TITLE = 12
BUTTONS_PER_ROW = 3


class CallbackPayloads:
    """Payload <-> callback_data, remembering the last `capacity` long payloads."""

    def __init__(self, capacity: int = 10_000):
        self.capacity = capacity
        self._long: OrderedDict[str, str] = OrderedDict()

    def data_for(self, payload: str) -> str:
        """The callback_data that will bring `payload` back."""
        if len(payload.encode()) <= CALLBACK_DATA_LIMIT and not payload.startswith(TOKEN_PREFIX):
            return payload
        # Same payload, same token: a keyboard sent twice does not grow the table.
        token = TOKEN_PREFIX + hashlib.sha256(payload.encode()).hexdigest()[:32]
        self._long[token] = payload
        self._long.move_to_end(token)
        while len(self._long) > self.capacity:
            self._long.popitem(last=False)
        return token

    def payload_for(self, data: str) -> str | None:
        """The payload behind a button's callback_data; None for a token we do not know."""
        if not data.startswith(TOKEN_PREFIX):
            return data
        return self._long.get(data)


def _button(button: Mapping[str, Any], payloads: CallbackPayloads) -> dict[str, str] | None:
    title = str(button.get("title") or "").strip()
    if not title:
        return None
    if button.get("url"):  # a link button opens the page; nothing comes back to us
        return {"text": title, "url": str(button["url"])}
    payload = str(button.get("payload") or title)
    return {"text": title, "callback_data": payloads.data_for(payload)}


def inline_keyboard(buttons: Sequence[Mapping[str, Any]], payloads: CallbackPayloads) -> dict | None:
    """The `reply_markup` for Rasa `buttons` (title, payload, optional url); None if none is usable."""
    rendered = [b for b in (_button(button, payloads) for button in buttons) if b]
    if not rendered:
        return None
    rows: list[list[dict[str, str]]] = []
    for button in rendered:
        short = len(button["text"]) <= SHORT_TITLE
        last = rows[-1] if rows else None
        if short and last and len(last) < BUTTONS_PER_ROW and all(len(b["text"]) <= SHORT_TITLE for b in last):
            last.append(button)
        else:
            rows.append([button])
    return {"inline_keyboard": rows}
