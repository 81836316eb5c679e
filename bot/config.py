"""Settings from the environment, with defaults that run safely on a developer's machine.

Read on each call (cheap) so tests and scripts can change the environment; nothing is
created here: the store creates var/ when it first opens the default SQLite file.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE_URL = f"sqlite:///{REPO_ROOT / 'var' / 'orienta.db'}"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class ConfigError(ValueError):
    """An environment variable holds an unusable value; the message names it."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    rasa_port: int
    actions_port: int
    web_port: int  # the website widget's files and demo page (bot/web/server.py)
    console_port: int  # the advisor console (bot/console)
    log_level: str
    host: str  # loopback by default: exposing the servers is a deliberate choice
    console_url: str  # the console's address as users reach it (summary links start with it)


def settings() -> Settings:
    host, console_port = _text("ORIENTA_HOST", "127.0.0.1"), _port("ORIENTA_CONSOLE_PORT", 5090)
    return Settings(
        database_url=_text("ORIENTA_DATABASE_URL", DEFAULT_DATABASE_URL),
        rasa_port=_port("ORIENTA_RASA_PORT", 5005),
        actions_port=_port("ORIENTA_ACTIONS_PORT", 5055),
        web_port=_port("ORIENTA_WEB_PORT", 5080),
        console_port=console_port,
        log_level=_log_level("ORIENTA_LOG_LEVEL", "INFO"),
        host=host,
        console_url=_text("ORIENTA_CONSOLE_URL", f"http://{host}:{console_port}").rstrip("/"),
    )


def _raw(name: str) -> str | None:
    value = os.environ.get(name)
    # An exported but empty variable (NAME=) means "use the default", as in most tools.
    return value.strip() if value and value.strip() else None


def _text(name: str, default: str) -> str:
    return _raw(name) or default


def port_setting(name: str, default: int) -> int:
    """A port from the environment, checked as the others are."""
    return _port(name, default)


def _port(name: str, default: int) -> int:
    raw = _raw(name)
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= 65535:
        raise ConfigError(f"{name}={raw!r}: must be a port number between 1 and 65535")
    return int(raw)


def _log_level(name: str, default: str) -> str:
    raw = _raw(name)
    if raw is None:
        return default
    if raw.upper() not in LOG_LEVELS:
        raise ConfigError(f"{name}={raw!r}: must be one of {', '.join(LOG_LEVELS)}")
    return raw.upper()
