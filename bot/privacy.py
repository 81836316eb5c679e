"""The privacy notice, in both languages, the same on every channel: the chat answers it to
"privacy" / "come usate i miei dati?", Telegram to /privacy, the widget links to it as a page.

It says what the software does with the data, no more: what is kept and why, who sees the
contact details, how long (the retention age the operator configured, bot/store/retention.py)
and how to have it all erased. The operator's contact for data questions is
ORIENTA_PRIVACY_CONTACT (an e-mail or a page); without it the notice says it is not configured
rather than inventing one.
"""
from __future__ import annotations

import os

from bot.config import ConfigError
from bot.texts import t

# Change with the sentences privacy.* in bot/texts/*/privacy.yaml.
VERSION = "privacy-2026-12-02"
MAX_CONTACT = 200


def _days() -> int:
    from bot.store.retention import DEFAULT_DAYS, retention_days

    try:
        return retention_days()
    except ConfigError:  # the retention command reports it; the notice still names the default
        return DEFAULT_DAYS


def paragraphs(lang: str) -> list[str]:
    contact = " ".join((os.environ.get("ORIENTA_PRIVACY_CONTACT") or "").split())[:MAX_CONTACT]
    return [t(lang, "privacy.kept"), t(lang, "privacy.contact_details"), t(lang, "privacy.telegram"),
            t(lang, "privacy.how_long", days=_days()), t(lang, "privacy.rights"),
            t(lang, "privacy.operator", contact=contact) if contact else t(lang, "privacy.operator_unknown"),
            t(lang, "privacy.version", version=VERSION)]


def notice(lang: str) -> str:
    return "\n\n".join([t(lang, "privacy.title")] + paragraphs(lang))
