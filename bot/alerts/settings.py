"""The alerts command's settings, from the environment, checked in one place.

Telegram: ORIENTA_TELEGRAM_TOKEN and ORIENTA_TELEGRAM_API_URL, the chat's own variables
(bot/runtime/credentials.py). The public channel: ORIENTA_TELEGRAM_CHANNEL ("@name" or the
channel's numeric id; the bot must be one of its administrators), ORIENTA_TELEGRAM_BOT_USERNAME
(the bot's @username, for the https://t.me/<username>?start=<call id> links) and
ORIENTA_TELEGRAM_CHANNEL_LANGUAGE (it by default).
E-mail: ORIENTA_SMTP_HOST, ORIENTA_SMTP_PORT (587 with STARTTLS, else 25), ORIENTA_SMTP_USER,
ORIENTA_SMTP_PASSWORD, ORIENTA_SMTP_FROM, ORIENTA_SMTP_STARTTLS (true by default).

A channel left unconfigured is not an error here: its alerts are reported as not sent and
retried on a later run. A channel configured wrongly is: ConfigError, naming the variable.
"""
from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from typing import Mapping

from bot import contact
from bot.channels.telegram_settings import TelegramSettingsError, checked_api_url, checked_token
from bot.config import ConfigError
from bot.texts import LANGUAGES

_CHANNEL = re.compile(r"@[A-Za-z][A-Za-z0-9_]{3,31}|-100[0-9]{5,16}")
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    sender: str
    starttls: bool
    user: str | None = None
    password: str | None = None

    def __repr__(self) -> str:  # never print the password
        return f"SmtpSettings(host={self.host!r}, port={self.port}, starttls={self.starttls}, user={self.user!r})"


@dataclass(frozen=True)
class AlertSettings:
    telegram_token: str | None
    telegram_api_url: str
    channel: str | None  # the public Telegram channel, when posts are wanted
    channel_language: str
    bot_username: str | None
    smtp: SmtpSettings | None

    def __repr__(self) -> str:
        return (f"AlertSettings(telegram={'set' if self.telegram_token else 'unset'}, channel={self.channel!r}, "
                f"bot_username={self.bot_username!r}, smtp={self.smtp!r})")


def alert_settings(env: Mapping[str, str] | None = None) -> AlertSettings:
    env = os.environ if env is None else env
    token = _raw(env, "ORIENTA_TELEGRAM_TOKEN")
    try:
        token = checked_token(token) if token else None
        api_url = checked_api_url(_raw(env, "ORIENTA_TELEGRAM_API_URL"))
    except TelegramSettingsError as err:
        name = "ORIENTA_TELEGRAM_TOKEN" if err.key == "token" else "ORIENTA_TELEGRAM_API_URL"
        raise ConfigError(f"{name}: {str(err).split(': ', 1)[1]}") from None
    channel = _raw(env, "ORIENTA_TELEGRAM_CHANNEL")
    username = (_raw(env, "ORIENTA_TELEGRAM_BOT_USERNAME") or "").lstrip("@") or None
    if channel:
        if not _CHANNEL.fullmatch(channel):
            raise ConfigError(f"ORIENTA_TELEGRAM_CHANNEL={channel!r}: must be @channelname or the channel's -100... id")
        if not token:
            raise ConfigError("ORIENTA_TELEGRAM_CHANNEL is set but ORIENTA_TELEGRAM_TOKEN is not: the bot posts")
        if not username:
            raise ConfigError("ORIENTA_TELEGRAM_BOT_USERNAME: needed for the t.me links of the channel's posts")
    if username and not _USERNAME.fullmatch(username):
        raise ConfigError(f"ORIENTA_TELEGRAM_BOT_USERNAME={username!r}: not a Telegram username")
    language = (_raw(env, "ORIENTA_TELEGRAM_CHANNEL_LANGUAGE") or "it").lower()
    if language not in LANGUAGES:
        raise ConfigError(f"ORIENTA_TELEGRAM_CHANNEL_LANGUAGE={language!r}: must be one of {', '.join(LANGUAGES)}")
    return AlertSettings(token, api_url, channel, language, username, _smtp(env))


def _smtp(env: Mapping[str, str]) -> SmtpSettings | None:
    host = _raw(env, "ORIENTA_SMTP_HOST")
    if host is None:
        return None
    starttls = _flag(env, "ORIENTA_SMTP_STARTTLS", True)
    port = _port(env, "ORIENTA_SMTP_PORT", 587 if starttls else 25)
    sender = contact.email(_raw(env, "ORIENTA_SMTP_FROM") or "")
    if sender is None:
        raise ConfigError("ORIENTA_SMTP_FROM: the sender's e-mail address is needed when ORIENTA_SMTP_HOST is set")
    user, password = _raw(env, "ORIENTA_SMTP_USER"), _raw(env, "ORIENTA_SMTP_PASSWORD")
    if bool(user) != bool(password):
        raise ConfigError("ORIENTA_SMTP_USER and ORIENTA_SMTP_PASSWORD go together: set both or neither")
    if user and not starttls and not _loopback(host):
        raise ConfigError("ORIENTA_SMTP_STARTTLS is off: a password would cross the network in clear")
    return SmtpSettings(host, port, sender, starttls, user, password)


def _raw(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name)
    return value.strip() if value and value.strip() else None  # NAME= means unset, as in bot.config


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = (_raw(env, name) or "").lower()
    if not raw:
        return default
    if raw not in _TRUE + _FALSE:
        raise ConfigError(f"{name}={raw!r}: must be true or false")
    return raw in _TRUE


def _port(env: Mapping[str, str], name: str, default: int) -> int:
    raw = _raw(env, name)
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= 65535:
        raise ConfigError(f"{name}={raw!r}: must be a port number between 1 and 65535")
    return int(raw)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
