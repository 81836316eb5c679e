"""Sending one alert: to a Telegram chat or channel through the Bot API (bot/channels/bot_api.py),
or by e-mail through the configured SMTP server (the standard library's smtplib).

Every failure is a DeliveryError with a message fit for the operator's report: no token, no
password. The caller records an alert as sent only after `send` returned.
"""
from __future__ import annotations

import asyncio
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

import aiohttp

from bot.alerts.settings import SmtpSettings
from bot.channels.bot_api import BotApi, BotApiError
from bot.channels.splitting import split_message

SMTP_TIMEOUT = 30  # seconds; a server that does not answer must not hold the other alerts


class DeliveryError(RuntimeError):
    pass


class TelegramSender:
    """`async with TelegramSender(token, api_url) as telegram: await telegram.send(chat, text)`."""

    def __init__(self, token: str | None, api_url: str):
        self._token, self._api_url = token, api_url
        self._session: aiohttp.ClientSession | None = None
        self._api: BotApi | None = None

    async def __aenter__(self) -> "TelegramSender":
        if self._token:
            self._session = aiohttp.ClientSession()
            self._api = BotApi(self._session, self._token, self._api_url)
        return self

    async def __aexit__(self, *exc) -> None:
        if self._session is not None:
            await self._session.close()

    async def send(self, chat_id: str, text: str) -> None:
        if self._api is None:
            raise DeliveryError("Telegram is not configured (ORIENTA_TELEGRAM_TOKEN is not set)")
        try:
            for part in split_message(text):
                await self._api.send_message(chat_id, part)
        except BotApiError as err:
            raise DeliveryError(f"Telegram: {err}") from None


class EmailSender:
    def __init__(self, settings: SmtpSettings | None):
        self._settings = settings

    async def send(self, to: str, subject: str, text: str, language: str) -> None:
        if self._settings is None:
            raise DeliveryError("e-mail is not configured (ORIENTA_SMTP_HOST is not set)")
        message = compose(self._settings.sender, to, subject, text, language)
        # smtplib blocks: run it beside the loop so Telegram sends are not held up meanwhile.
        await asyncio.to_thread(self._deliver, message)

    def _deliver(self, message: EmailMessage) -> None:
        smtp = self._settings
        try:
            with smtplib.SMTP(smtp.host, smtp.port, timeout=SMTP_TIMEOUT) as server:
                if smtp.starttls:
                    server.starttls(context=ssl.create_default_context())
                if smtp.user:
                    server.login(smtp.user, smtp.password)
                server.send_message(message)
        except smtplib.SMTPResponseException as err:
            raise DeliveryError(f"SMTP {smtp.host}:{smtp.port} refused: {err.smtp_code} {_said(err.smtp_error)}") from None
        except smtplib.SMTPRecipientsRefused as err:
            refused = "; ".join(f"{code} {_said(said)}" for code, said in err.recipients.values())
            raise DeliveryError(f"SMTP {smtp.host}:{smtp.port} refused the recipient: {refused}") from None
        except (smtplib.SMTPException, OSError) as err:
            raise DeliveryError(f"SMTP {smtp.host}:{smtp.port}: {type(err).__name__}: {err}") from None


def compose(sender: str, to: str, subject: str, text: str, language: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    message["Content-Language"] = language
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: autoresponders must not answer it
    message.set_content(text)
    return message


def _said(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
