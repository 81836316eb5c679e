"""The REST channel for integrations and tests, closed to what Rasa's own `rest` channel allows.

Same route and message shapes as Rasa's (POST /webhooks/rest/webhook with {"sender", "message"},
answered with the list of bot messages), so any Rasa REST client works with it. What changes:

- the conversation is "rest:<sender>" (bot/channels/guard.py): a REST client cannot reach a
  Telegram chat's or a widget's conversation, and `input_channel` in the body is ignored (it
  used to let a client pass for Telegram and have alerts sent to any chat id);
- from anything but loopback the request needs `Authorization: Bearer <ORIENTA_REST_TOKEN>`, and
  with ORIENTA_REST_TOKEN set every request does;
- the message is bounded (MAX_MESSAGE_CHARS), each sender and address is rate-limited, and the
  channel itself says so to the user (both languages), as it says "temporary problem" when no
  reply came (the action server is down): the turn is in the tracker and resumes later;
- metadata is reduced to the language; the text is never logged; streaming is not offered.

Loaded by Rasa from credentials.yml as `bot.channels.rest.OrientaRestInput` (name "rest").
"""
from __future__ import annotations

import hmac
import logging
import os
from asyncio import CancelledError
from typing import Any, Awaitable, Callable, Dict, Mapping, Optional, Text, Tuple

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import guard
from bot.texts import LANGUAGES

logger = logging.getLogger(__name__)


def _bot_message(text: str) -> Dict[str, Any]:
    return {"recipient_id": None, "text": text}


class OrientaRestInput(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "OrientaRestInput":
        return cls((credentials or {}).get("token"))

    def __init__(self, token: Optional[str] = None) -> None:
        self.token = (token or os.environ.get("ORIENTA_REST_TOKEN") or "").strip() or None
        self.gate = guard.Gate()

    def _authorised(self, ip: Optional[str], headers: Mapping[str, str]) -> bool:
        if self.token is None:
            return guard.is_loopback(ip)
        scheme, _, value = (headers.get("Authorization") or "").partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), self.token.encode())

    async def answer(self, ip: Optional[str], headers: Mapping[str, str], body: Any,
                     on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Tuple[int, Any]:
        """(HTTP status, JSON body) for one POST: the bot's messages, or why there are none."""
        ip = guard.client_address(ip, headers)
        if not self._authorised(ip, headers):
            return 403, {"error": "a bearer token is needed (ORIENTA_REST_TOKEN)"}
        if not isinstance(body, dict):
            return 400, {"error": "the body must be a JSON object"}
        sender = guard.valid_sender(body.get("sender"))
        text = body.get("message")
        if sender is None or not isinstance(text, str):
            return 400, {"error": f"sender (letters, digits, _.@-, at most {guard.MAX_SENDER_CHARS}) "
                                  "and message (text) are needed"}
        metadata = body.get("metadata")
        lang = metadata.get("language") if isinstance(metadata, dict) else None
        lang = lang if lang in LANGUAGES else None
        refusal = self.gate.refusal(text, sender, ip or "?", lang)
        if refusal is not None:
            return 200, [_bot_message(refusal)]
        collector = CollectingOutputChannel()
        message = UserMessage(text, collector, guard.namespaced(self.name(), sender), input_channel=self.name(),
                              metadata={"language": lang} if lang else None)
        try:
            await on_new_message(message)
        except CancelledError:
            logger.error("REST: a turn of %s timed out", message.sender_id)
        except Exception:
            logger.exception("REST: a turn of %s failed", message.sender_id)
        if not collector.messages:  # the action server is down or failed: say so, the turn is kept
            return 200, [_bot_message(guard.notice("channel.unavailable", lang))]
        return 200, collector.messages

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        rest = Blueprint("orienta_rest", __name__)

        @rest.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @rest.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                body = request.json
            except Exception:  # Sanic raises on a body that is not JSON
                body = None
            status, reply = await self.answer(request.ip, request.headers, body, on_new_message)
            return response.json(reply, status=status)

        return rest
