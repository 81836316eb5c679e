"""The credentials file the Rasa server reads: the committed credentials.yml, plus the Telegram
channel when its environment variables are set.

The committed file holds no secrets and cannot name Telegram's variables itself: Rasa refuses
to start on a `${VAR}` whose VAR is unset, and Telegram is optional. So the channel's block is
appended to a copy (var/credentials.runtime.yml) only when it is configured. The copy holds
`${ORIENTA_TELEGRAM_TOKEN}`-style references, not the values: Rasa expands them from its own
environment, so no secret is ever written to disk.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

from bot.channels.telegram_settings import TelegramSettings, TelegramSettingsError
from bot.config import ConfigError

COMMITTED = "credentials.yml"
RUNTIME_NAME = "credentials.runtime.yml"
TELEGRAM_CHANNEL = "bot.channels.telegram.TelegramInput"
# credentials key -> environment variable
TELEGRAM_VARIABLES = {
    "token": "ORIENTA_TELEGRAM_TOKEN",
    "webhook_url": "ORIENTA_TELEGRAM_WEBHOOK_URL",
    "secret_token": "ORIENTA_TELEGRAM_SECRET",
    "api_url": "ORIENTA_TELEGRAM_API_URL",
}
OPTIONAL = {"api_url"}  # defaults to https://api.telegram.org


def _set(env: Mapping[str, str], name: str) -> bool:
    return bool((env.get(name) or "").strip())  # NAME= means unset, as in bot.config


def telegram_settings(env: Mapping[str, str] | None = None) -> TelegramSettings | None:
    """The Telegram settings in `env` (default os.environ); None when Telegram is not configured.

    Setting some of the required variables but not all is a mistake, not "off": ConfigError.
    """
    env = os.environ if env is None else env
    required = [key for key in TELEGRAM_VARIABLES if key not in OPTIONAL]
    if not any(_set(env, TELEGRAM_VARIABLES[key]) for key in required):
        return None
    try:
        return TelegramSettings.from_mapping({key: env.get(name) for key, name in TELEGRAM_VARIABLES.items()})
    except TelegramSettingsError as err:
        problem = str(err).split(": ", 1)[1]
        raise ConfigError(f"{TELEGRAM_VARIABLES[err.key]}: {problem}") from None


def telegram_block(env: Mapping[str, str]) -> str:
    """The channel's credentials as YAML, values as ${VAR} references (unquoted: Rasa expands only those)."""
    lines = ["# Added at start-up because the ORIENTA_TELEGRAM_* variables are set (bot/runtime/credentials.py).",
             f"{TELEGRAM_CHANNEL}:"]
    for key, name in TELEGRAM_VARIABLES.items():
        if _set(env, name):
            lines.append(f"  {key}: ${{{name}}}")
    return "\n".join(lines) + "\n"


def runtime_credentials(root: Path, env: Mapping[str, str]) -> str:
    """The text Rasa should read: credentials.yml, plus Telegram when configured (checked first)."""
    committed = (root / COMMITTED).read_text(encoding="utf-8")
    if telegram_settings(env) is None:
        return committed
    return committed.rstrip("\n") + "\n\n" + telegram_block(env)


def write_runtime_credentials(root: Path, target: Path, env: Mapping[str, str]) -> Path:
    """Write the runtime credentials to `target` (replacing it whole) and return it."""
    text = runtime_credentials(root, env)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".tmp")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)  # a reader never sees half a file
    return target
