"""The Telegram channel's settings: what they may be, checked in one place.

Used twice: by bot.runtime before starting Rasa (to fail early, naming the environment
variable) and by the connector when Rasa hands it the credentials (the last word).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping
from urllib.parse import urlsplit

DEFAULT_API_URL = "https://api.telegram.org"  # a self-hosted Bot API server has its own
# Bot API: a token looks like 123456789:AA...; a secret_token is 1-256 of A-Z a-z 0-9 _ -.
_TOKEN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{20,100}")
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
MIN_SECRET_LENGTH = 16  # allowed by Telegram shorter, but a guessable secret protects nothing


class TelegramSettingsError(ValueError):
    """A setting is missing or malformed; `key` names it."""

    def __init__(self, key: str, problem: str):
        super().__init__(f"{key}: {problem}")
        self.key = key


@dataclass(frozen=True)
class TelegramSettings:
    token: str
    webhook_url: str
    secret_token: str
    api_url: str = DEFAULT_API_URL

    def __repr__(self) -> str:  # never print the token or the secret in a log
        return f"TelegramSettings(webhook_url={self.webhook_url!r}, api_url={self.api_url!r})"

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> "TelegramSettings":
        """Settings from {"token", "webhook_url", "secret_token", "api_url"?}; each one checked."""
        token = checked_token(_required(values, "token"))
        secret = _required(values, "secret_token")
        if not _SECRET.fullmatch(secret) or len(secret) < MIN_SECRET_LENGTH:
            raise TelegramSettingsError("secret_token", f"use {MIN_SECRET_LENGTH}-256 characters among A-Z, a-z, 0-9, "
                                                        "_ and - (e.g. the output of `openssl rand -hex 32`)")
        webhook_url = _required(values, "webhook_url")
        if not _is_url(webhook_url, ("https",)):
            raise TelegramSettingsError("webhook_url", "Telegram only calls public https:// addresses")
        api_url = checked_api_url(values.get("api_url"))
        return cls(token=token, webhook_url=webhook_url, secret_token=secret, api_url=api_url)


def checked_token(token: str) -> str:
    """The bot token, if it looks like one (also used by the alerts command, bot/alerts)."""
    if not _TOKEN.fullmatch(token):
        raise TelegramSettingsError("token", "not a bot token as BotFather gives it (digits, ':', then letters)")
    return token


def checked_api_url(value: Any) -> str:
    """The Bot API base URL (default: Telegram's own)."""
    api_url = str(value or "").strip() or DEFAULT_API_URL
    if not _is_url(api_url, ("https", "http")):
        raise TelegramSettingsError("api_url", "must be an http:// or https:// address")
    return api_url


def _required(values: Mapping[str, Any], key: str) -> str:
    value = values.get(key)
    if value is None or not str(value).strip():
        raise TelegramSettingsError(key, "missing")
    return str(value).strip()


def _is_url(value: str, schemes: tuple[str, ...]) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in schemes and bool(parts.hostname) and not any(c.isspace() for c in value)
