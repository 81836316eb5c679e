"""Orienta's Telegram connector for Rasa 3.6 (the only Rasa-importing module of bot/channels).

Enabled by a `bot.channels.telegram.TelegramInput:` block in the credentials Rasa reads
(bot/runtime/credentials.py writes it when the ORIENTA_TELEGRAM_* variables are set).
Rasa mounts it at /webhooks/telegram/: POST /webhooks/telegram/webhook receives Updates.

Why not Rasa's own `telegram` channel: it binds aiogram's HTTP session to a loop that is
closed before the server starts ("Event loop is closed" on every reply), calls getMe on every
update, ignores Telegram's secret token and drops the user's language. Here one aiohttp
session is opened in the server's loop when it starts and closed when it stops, every update
must carry the secret given to setWebhook, and the language travels in the metadata.
"""
from __future__ import annotations

import hmac
import json
import logging
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import privacy
from bot.channels import guard
from bot.channels.bot_api import BotApi, BotApiError
from bot.channels.keyboards import CallbackPayloads, inline_keyboard
from bot.channels.splitting import split_message
from bot.channels.telegram_settings import TelegramSettings, TelegramSettingsError
from bot.channels.telegram_updates import (PRIVACY_NOTICE, Incoming, Kind, Say, ToRasa, UpdateError, parse_update,
                                           plan, reply_language)
from bot.texts import LANGUAGES, t

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY_BYTES = 256 * 1024  # a real Update is a few kilobytes
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]
REMEMBERED_UPDATES = 1000  # Telegram re-sends an update it thinks we missed: answer it once


class TelegramOutput(OutputChannel):
    """Sends the bot's messages to a chat: split at Telegram's limit, buttons as inline keyboards."""

    def __init__(self, payloads: CallbackPayloads):
        self.api: BotApi | None = None  # set once the server runs (its loop owns the session)
        self.payloads = payloads

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    def bot_api(self) -> BotApi:
        if self.api is None:
            raise BotApiError("the Telegram session is not open (the server is not running)")
        return self.api

    sent = 0  # messages sent: a turn that sent none had no reply

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        self.sent += 1
        for part in split_message(text):
            await self.bot_api().send_message(guard.address_of(recipient_id), part)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]],
                                     **kwargs: Any) -> None:
        self.sent += 1
        chat = guard.address_of(recipient_id)
        parts = split_message(text or "") or ["\u2b07\ufe0f"]  # Telegram needs some text to hang buttons on
        for part in parts[:-1]:
            await self.bot_api().send_message(chat, part)
        await self.bot_api().send_message(chat, parts[-1], inline_keyboard(buttons, self.payloads))

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, image)  # Telegram shows a preview of the link

    async def send_attachment(self, recipient_id: Text, attachment: Text, **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, str(attachment))

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any) -> None:
        # Orienta's actions send none; a stray one must not reach the user as raw JSON.
        logger.warning("Telegram: custom payload not sent to %s", recipient_id)


def _sentence(lang: str, key: str) -> str:
    return privacy.notice(lang) if key == PRIVACY_NOTICE else t(lang, key)


class TelegramInput(InputChannel):
    """Receives Updates on /webhooks/telegram/webhook and feeds them to Rasa."""

    def __init__(self, settings: TelegramSettings):
        self.settings = settings
        self.output = TelegramOutput(CallbackPayloads())
        self.webhook_state = "pending"  # then "set" or "failed" (see the log)
        self._session: aiohttp.ClientSession | None = None
        self._recent_updates: OrderedDict[int, None] = OrderedDict()
        self.per_sender, _ = guard.limiters_from_env()  # Telegram is one address: only per chat

    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        try:
            return cls(TelegramSettings.from_mapping(credentials))
        except TelegramSettingsError as err:
            raise ValueError(f"Telegram channel credentials, {err}") from None

    def get_output_channel(self) -> Optional[OutputChannel]:
        return self.output

    # --- server life cycle ---------------------------------------------------------------------

    async def open(self) -> None:
        """Open the session in the running loop and register the webhook with its secret."""
        self._session = aiohttp.ClientSession()
        self.output.api = BotApi(self._session, self.settings.token, self.settings.api_url)
        try:
            await self.output.api.set_webhook(self.settings.webhook_url, self.settings.secret_token,
                                              ALLOWED_UPDATES)
        except BotApiError as err:
            # The REST channel and the widget keep working; Telegram waits for a restart.
            self.webhook_state = "failed"
            logger.error("Telegram: setWebhook failed, no updates will arrive: %s", err)
            return
        self.webhook_state = "set"
        logger.info("Telegram: webhook set to %s", self.settings.webhook_url)

    async def close(self) -> None:
        self.output.api = None
        if self._session is not None:
            await self._session.close()
            self._session = None
            logger.info("Telegram: session closed")

    # --- updates -------------------------------------------------------------------------------

    def _secret_matches(self, request: Request) -> bool:
        given = request.headers.get(SECRET_HEADER)
        if not given:
            return False
        return hmac.compare_digest(given.encode(), self.settings.secret_token.encode())  # constant time

    def _first_time(self, update_id: int) -> bool:
        if update_id in self._recent_updates:
            return False
        self._recent_updates[update_id] = None
        while len(self._recent_updates) > REMEMBERED_UPDATES:
            self._recent_updates.popitem(last=False)
        return True

    async def receive(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> HTTPResponse:
        if not self._secret_matches(request):
            return response.json({"ok": False, "error": "forbidden"}, status=403)
        body = request.body or b""
        if len(body) > MAX_BODY_BYTES:
            return response.json({"ok": False, "error": "body too large"}, status=400)
        try:
            incoming = parse_update(json.loads(body))
        except (ValueError, UnicodeDecodeError, RecursionError) as err:  # UpdateError is a ValueError
            reason = str(err) if isinstance(err, UpdateError) else "not JSON"
            return response.json({"ok": False, "error": reason}, status=400)
        if self.output.api is None:
            return response.json({"ok": False, "error": "starting"}, status=503)  # Telegram retries
        if self._first_time(incoming.update_id):
            try:
                await self._answer(incoming, on_new_message)
            except Exception:  # never let one update take the server down or make Telegram retry
                logger.exception("Telegram: update %s failed", incoming.update_id)
                await self._apologise(incoming)
        return response.json({"ok": True})

    async def _answer(self, incoming: Incoming, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        payload = None
        if incoming.callback_query_id:
            await self._stop_spinner(incoming.callback_query_id)
        if incoming.kind is Kind.BUTTON and incoming.text is not None:
            payload = self.output.payloads.payload_for(incoming.text)
        steps = plan(incoming, payload)
        if any(isinstance(step, ToRasa) for step in steps) and not self.per_sender.allow(incoming.chat_id or "?"):
            steps = [Say("channel.slow_down")]
        for step in steps:
            if isinstance(step, ToRasa):
                output = TelegramOutput(self.output.payloads)  # its own count of what this turn sent
                output.api = self.output.api
                await on_new_message(UserMessage(step.text, output, guard.namespaced(self.name(), incoming.chat_id),
                                                 input_channel=self.name(), metadata=incoming.metadata(step.language)))
                if not output.sent:  # the action server is down: the turn is kept, say so
                    await self._say(incoming, Say("channel.unavailable"))
            else:
                await self._say(incoming, step)

    async def _stop_spinner(self, callback_query_id: str) -> None:
        try:
            await self.output.bot_api().answer_callback_query(callback_query_id)
        except BotApiError as err:  # e.g. "query is too old": the answer still matters more
            logger.warning("Telegram: answerCallbackQuery failed: %s", err)

    async def _say(self, incoming: Incoming, step: Say) -> None:
        lang = reply_language(incoming)
        both = step.both_languages or lang is None
        order = [lang] + [other for other in LANGUAGES if other != lang] if lang else list(LANGUAGES)
        text = "\n\n".join(_sentence(code, step.key) for code in order) if both else _sentence(lang, step.key)
        buttons = [{"title": t(lang or order[0], b["title_key"]), "payload": b["payload"]} for b in step.buttons]
        if buttons:
            await self.output.send_text_with_buttons(incoming.chat_id, text, buttons)
        else:
            await self.output.send_text_message(incoming.chat_id, text)

    async def _apologise(self, incoming: Incoming) -> None:
        if incoming.chat_id is None:
            return
        try:
            await self._say(incoming, Say("telegram.error"))
        except Exception:  # the Bot API itself may be what failed
            logger.warning("Telegram: could not tell chat %s about the failure", incoming.chat_id)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        telegram = Blueprint("orienta_telegram", __name__)

        @telegram.listener("after_server_start")
        async def open_session(app, loop) -> None:
            await self.open()

        @telegram.listener("before_server_stop")
        async def close_session(app, loop) -> None:
            await self.close()

        @telegram.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok", "webhook": self.webhook_state})

        @telegram.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            return await self.receive(request, on_new_message)

        return telegram
