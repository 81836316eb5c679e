"""What a Telegram Update asks of Orienta, decided without Rasa or the network.

`parse_update` reads the JSON Telegram posts (and refuses shapes Telegram never sends);
`plan` turns it into steps: messages for Rasa, or sentences the channel answers itself
(commands, "I can only read text", ...). The Rasa adapter (telegram.py) only carries them out.

Decisions:
- An edited message is not fed to Rasa: the conversation has moved on since the original, so
  re-answering it would be out of order. The user is told to send the correction anew.
- "/start <call id>" is what Telegram sends when a link https://t.me/<bot>?start=<call id> (in a
  post of the alerts channel, bot/alerts) opens the chat: a known call id reaches Rasa as
  `/greet{"call_id": ...}`, which greets and presents that call; an unknown one just greets.
- Typed text starting with "/" is a Telegram command. Ours are /start, /reset (also /restart),
  /lingua and /language, /privacy, /help; any other gets the help text, never reaching Rasa as an intent.
  Button payloads, which we wrote ourselves, reach Rasa as they are (`/affirm`, ...).
"""
from __future__ import annotations

import enum
import json
import re
from dataclasses import dataclass, field
from typing import Any

from bot.texts import LANGUAGES

MAX_TEXT_LENGTH = 4096  # Telegram never delivers a longer message
# A message with any of these and no text is something we cannot read.
MEDIA_KEYS = ("sticker", "photo", "voice", "video", "video_note", "audio", "document", "animation",
              "location", "venue", "contact", "poll", "dice", "game", "story")

GREET = "/greet"
RESTART = "/start_over"  # the start_over intent: the conversation forgets the profile and starts over
SWITCH_LANGUAGE = "switch_language"
PRIVACY_NOTICE = "privacy.notice"  # not a sentence key: the channel renders bot.privacy.notice

_COMMAND = re.compile(r"/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]{1,64})?(?:\s+(.*))?", re.DOTALL)
_LANGUAGE_NAMES = {"it": "it", "ita": "it", "italiano": "it", "italian": "it",
                   "en": "en", "eng": "en", "english": "en", "inglese": "en"}


class UpdateError(ValueError):
    """The body is not an Update as Telegram sends them."""


class Kind(enum.Enum):
    TEXT = "text"        # a typed message
    BUTTON = "button"    # a press on one of our inline buttons
    MEDIA = "media"      # sticker, photo, voice...: nothing to read
    EDITED = "edited"    # a message changed after it was sent
    IGNORED = "ignored"  # channel posts, membership changes, inline queries...


@dataclass(frozen=True)
class Incoming:
    kind: Kind
    update_id: int
    chat_id: str | None = None
    chat_type: str | None = None
    language_code: str | None = None
    text: str | None = None  # the typed text, or the button's callback_data
    callback_query_id: str | None = None
    user_id: str | None = None  # who pressed the button (callback_query.from.id)

    @property
    def private(self) -> bool:
        return self.chat_type == "private"

    @property
    def language(self) -> str | None:
        """The user's language as Telegram knows it: "it", "en", another code, or None."""
        if not self.language_code:
            return None
        return self.language_code.split("-")[0].split("_")[0].lower() or None

    def metadata(self, language: str | None = None) -> dict[str, Any]:
        """Message metadata for Rasa; `language` overrides the user's (e.g. after /language en)."""
        language = language or self.language
        data: dict[str, Any] = {"telegram": {"chat_type": self.chat_type, "language_code": self.language_code}}
        if language:
            data["language"] = language
        return data


def _object(value: Any, what: str) -> dict:
    if not isinstance(value, dict):
        raise UpdateError(f"{what} must be an object")
    return value


def _chat(message: dict) -> tuple[str, str | None]:
    chat = _object(message.get("chat"), "message.chat")
    chat_id = chat.get("id")
    if not isinstance(chat_id, int) or isinstance(chat_id, bool):
        raise UpdateError("message.chat.id must be an integer")
    chat_type = chat.get("type")
    return str(chat_id), chat_type if isinstance(chat_type, str) else None


def _language_code(sender: Any) -> str | None:
    code = sender.get("language_code") if isinstance(sender, dict) else None
    return code[:35] if isinstance(code, str) and code else None


def _text(value: Any, what: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > MAX_TEXT_LENGTH:
        raise UpdateError(f"{what} must be a string of at most {MAX_TEXT_LENGTH} characters")
    return value


def parse_update(body: Any) -> Incoming:
    """The Update in `body` (decoded JSON); UpdateError when it cannot be one."""
    update = _object(body, "the update")
    update_id = update.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        raise UpdateError("update_id must be an integer")
    if "message" in update:
        message = _object(update["message"], "message")
        chat_id, chat_type = _chat(message)
        common = dict(update_id=update_id, chat_id=chat_id, chat_type=chat_type,
                      language_code=_language_code(message.get("from")))
        text = _text(message.get("text"), "message.text")
        if text is not None and text.strip():
            return Incoming(Kind.TEXT, text=text, **common)
        if any(key in message for key in MEDIA_KEYS):
            return Incoming(Kind.MEDIA, **common)
        return Incoming(Kind.IGNORED, update_id)  # service messages: someone joined, a pin...
    if "edited_message" in update:
        message = _object(update["edited_message"], "edited_message")
        chat_id, chat_type = _chat(message)
        return Incoming(Kind.EDITED, update_id, chat_id, chat_type, _language_code(message.get("from")))
    if "callback_query" in update:
        query = _object(update["callback_query"], "callback_query")
        query_id = query.get("id")
        if not isinstance(query_id, str) or not query_id:
            raise UpdateError("callback_query.id must be a string")
        data = _text(query.get("data"), "callback_query.data")
        if query.get("message") is None or not data:
            # A button on an inline-mode message (no chat) or a game: nothing for us to answer.
            return Incoming(Kind.IGNORED, update_id, callback_query_id=query_id)
        chat_id, chat_type = _chat(_object(query["message"], "callback_query.message"))
        presser = query.get("from")
        user_id = presser.get("id") if isinstance(presser, dict) else None
        return Incoming(Kind.BUTTON, update_id, chat_id, chat_type, _language_code(presser),
                        text=data, callback_query_id=query_id,
                        user_id=str(user_id) if isinstance(user_id, int) and not isinstance(user_id, bool) else None)
    return Incoming(Kind.IGNORED, update_id)


# --- what to do -------------------------------------------------------------------------------

@dataclass(frozen=True)
class ToRasa:
    """Feed `text` to Rasa as the user's message (its replies go back to the chat)."""
    text: str
    language: str | None = None  # overrides the metadata language


@dataclass(frozen=True)
class Say:
    """A sentence of the channel's own (bot/texts/*/telegram.yaml)."""
    key: str
    both_languages: bool = False  # when the user may read either: "I can only read text"
    buttons: tuple[dict[str, str], ...] = field(default=())


def language_choice() -> Say:
    return Say("telegram.language.choose", buttons=(
        {"title_key": "telegram.language.button_it", "payload": "/lingua it"},
        {"title_key": "telegram.language.button_en", "payload": "/language en"},
    ))


def _command(text: str) -> tuple[str, str] | None:
    match = _COMMAND.fullmatch(text.strip())
    if not match:
        return None
    return match.group(1).lower(), (match.group(2) or "").strip()


def _started_on_call(argument: str) -> str | None:
    """The call a t.me/<bot>?start=<call id> link names (a channel post's link), if it is one we know."""
    from bot.catalogue import CatalogueError, default_catalogue

    if not argument:
        return None
    try:
        return argument if argument in default_catalogue().ids() else None
    except CatalogueError:  # a broken catalogue must not stop the greeting
        return None


def _run_command(name: str, argument: str) -> list[ToRasa | Say]:
    if name == "start":
        call_id = _started_on_call(argument)
        # The chat greets and then presents that call (bot/conversation/replies.greet).
        return [ToRasa(GREET + json.dumps({"call_id": call_id}))] if call_id else [ToRasa(GREET)]
    if name in ("reset", "restart"):
        return [ToRasa(RESTART)]  # the conversation's own restart says that it forgot
    if name == "privacy":
        return [Say(PRIVACY_NOTICE)]
    if name in ("lingua", "language"):
        language = _LANGUAGE_NAMES.get(argument.lower())
        if language is None:
            return [language_choice()]
        return [ToRasa(f"/{SWITCH_LANGUAGE}" + json.dumps({"language": language}), language=language)]
    return [Say("telegram.help")]


def plan(incoming: Incoming, button_payload: str | None = None) -> list[ToRasa | Say]:
    """The steps answering `incoming`. For a button, `button_payload` is what its
    callback_data stands for (None when the token is unknown, e.g. after a restart).

    Only private chats are served: in a group every member would read (and could change) the
    firm's facts, so a command there gets "write to me privately" and anything else nothing.
    A button counts only when pressed by the user it was sent to (in a private chat, the chat)."""
    if incoming.kind in (Kind.TEXT, Kind.BUTTON, Kind.MEDIA, Kind.EDITED) and not incoming.private:
        command = incoming.kind is Kind.TEXT and (incoming.text or "").lstrip().startswith("/")
        return [Say("channel.private_only", both_languages=True)] if command else []
    if incoming.kind is Kind.BUTTON and incoming.user_id != incoming.chat_id:
        return []
    if incoming.kind is Kind.MEDIA:
        return [Say("telegram.text_only", both_languages=True)]
    if incoming.kind is Kind.EDITED:
        return [Say("telegram.edited")]
    if incoming.kind is Kind.BUTTON:
        if button_payload is None:
            return [Say("telegram.button_expired")]
        command = _command(button_payload)
        if command and command[0] in ("start", "reset", "restart", "lingua", "language", "help"):
            return _run_command(*command)
        return [ToRasa(button_payload)]
    if incoming.kind is Kind.TEXT and incoming.text:
        if incoming.text.lstrip().startswith("/"):
            command = _command(incoming.text)
            return _run_command(*command) if command else [Say("telegram.help")]
        return [ToRasa(incoming.text)]
    return []


def reply_language(incoming: Incoming) -> str | None:
    """The language of the channel's own sentences: the user's, if Orienta speaks it."""
    return incoming.language if incoming.language in LANGUAGES else None
