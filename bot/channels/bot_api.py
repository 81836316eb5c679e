"""A small client for the Telegram Bot API over one shared aiohttp session.

The session is made by whoever owns the event loop (the Rasa server, at start) and lent to
this client, so every call runs in that loop: the cause of Rasa's own connector failing with
"Event loop is closed" was a session bound to a loop that no longer ran.
"""
from __future__ import annotations

import asyncio
import logging
from typing import Any

import aiohttp

logger = logging.getLogger(__name__)

REQUEST_TIMEOUT = aiohttp.ClientTimeout(total=20)
MAX_RETRY_AFTER = 5.0  # seconds we wait when Telegram says "too many requests", once


class BotApiError(RuntimeError):
    """A Bot API call failed; the message never includes the token."""


class BotApi:
    def __init__(self, session: aiohttp.ClientSession, token: str, api_url: str):
        self._session = session
        self._base = f"{api_url.rstrip('/')}/bot{token}"

    async def call(self, method: str, **params: Any) -> Any:
        """POST `method` with JSON `params`; the `result` Telegram returns."""
        status, body = await self._post(method, params)
        retry_after = _retry_after(body)
        if retry_after is not None and retry_after <= MAX_RETRY_AFTER:
            await asyncio.sleep(retry_after)  # Telegram's own flood-control wait, then once more
            status, body = await self._post(method, params)
        if isinstance(body, dict) and body.get("ok"):
            return body.get("result")
        description = body.get("description") if isinstance(body, dict) else None
        raise BotApiError(f"{method}: HTTP {status}: {description or 'no description'}")

    async def _post(self, method: str, params: dict[str, Any]) -> tuple[int, Any]:
        try:
            async with self._session.post(f"{self._base}/{method}", json=params,
                                          timeout=REQUEST_TIMEOUT) as response:
                return response.status, await response.json(content_type=None)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as err:
            # aiohttp's messages can quote the URL, and the URL holds the token.
            raise BotApiError(f"{method}: {type(err).__name__}: {str(err).replace(self._base, '<bot api>')}") from None

    async def set_webhook(self, url: str, secret_token: str, allowed_updates: list[str]) -> None:
        await self.call("setWebhook", url=url, secret_token=secret_token, allowed_updates=allowed_updates)

    async def send_message(self, chat_id: str, text: str, reply_markup: dict | None = None) -> None:
        params: dict[str, Any] = {"chat_id": chat_id, "text": text}
        if reply_markup:
            params["reply_markup"] = reply_markup
        await self.call("sendMessage", **params)

    async def answer_callback_query(self, callback_query_id: str) -> None:
        await self.call("answerCallbackQuery", callback_query_id=callback_query_id)


def _retry_after(body: Any) -> float | None:
    if not isinstance(body, dict) or body.get("error_code") != 429:
        return None
    value = (body.get("parameters") or {}).get("retry_after")
    return float(value) if isinstance(value, (int, float)) and value >= 0 else None
