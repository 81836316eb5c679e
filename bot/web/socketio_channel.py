"""Rasa's socket.io channel as the website widget needs it.

Rasa 3.6's own `socketio` channel is close, but with the python-socketio 5.x that Rasa pins
(`AsyncServer.enter_room` is a coroutine there) its session_request handler never awaits
enter_room: with `session_persistence: true` the browser never joins its session's room and
never receives a reply (RasaHQ/rasa#13027). This subclass keeps Rasa's events and message
shapes (so any Rasa socket.io client works with it) and changes only what the widget relies on:

- the socket joins its session's room (awaited), so replies arrive and survive a reload;
- a socket may only speak in the session it was confirmed in (no posting into someone else's
  conversation by naming its id), and the id must look like one;
- messages are checked (text, bounded length) and metadata is reduced to the keys the bot
  reads (`language`: "it" or "en"), so `/intent{...}` tricks stay the actions' business and
  a malformed event is dropped instead of raising in the server;
- after the bot's last message of a turn it emits `turn_end_evt`, so the widget knows when
  to stop showing "typing..." (and the browser tests know when a turn is over);
- CORS origins are configurable (default: any site may embed the widget, as with the REST
  channel, which is equally open).

Loaded by Rasa from credentials.yml as `bot.web.socketio_channel.WidgetSocketIOInput`.
"""
from __future__ import annotations

import logging
import re
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

logger = logging.getLogger(__name__)

# The widget caps its input far below this; anything longer is not a person typing.
MAX_MESSAGE_CHARS = 2000
LANGUAGES = ("it", "en")
# uuid4().hex as the server issues them, or any similar opaque token a client kept.
_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")


def valid_session_id(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and _SESSION_ID.match(value) else None


def clean_metadata(value: Any) -> Dict[str, str]:
    """Only what the bot reads from a widget message: its page language."""
    if isinstance(value, dict) and value.get("language") in LANGUAGES:
        return {"language": value["language"]}
    return {}


def clean_text(value: Any) -> Optional[str]:
    if not isinstance(value, str) or not value.strip():
        return None
    return value[:MAX_MESSAGE_CHARS]


class WidgetSocketIOInput(SocketIOInput):
    """socket.io channel with working session persistence, input checks and a turn-end event."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "WidgetSocketIOInput":
        credentials = credentials or {}
        return cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("namespace"),
            credentials.get("session_persistence", False),
            credentials.get("socketio_path", "/socket.io"),
            credentials.get("jwt_key"),
            credentials.get("jwt_method", "HS256"),
            credentials.get("metadata_key", "metadata"),
            turn_end_evt=credentials.get("turn_end_evt", "bot_turn_end"),
            cors_allowed_origins=credentials.get("cors_allowed_origins", "*"),
        )

    def __init__(self, *args: Any, turn_end_evt: Text = "bot_turn_end",
                 cors_allowed_origins: Any = "*", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.turn_end_evt = turn_end_evt
        self.cors_allowed_origins = cors_allowed_origins

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=self.cors_allowed_origins)
        blueprint = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio  # get_output_channel() needs it
        namespace = self.namespace

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            if not self.jwt_key:
                return True
            token = auth.get("token") if isinstance(auth, dict) else None
            from rasa.core.channels.channel import decode_bearer_token

            return bool(token and decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: Text, data: Any) -> None:
            requested = valid_session_id(data.get("session_id")) if isinstance(data, dict) else None
            session_id = requested or uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=namespace)
            await sio.save_session(sid, {"session_id": session_id}, namespace=namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: Text, data: Any) -> None:
            if not isinstance(data, dict) or (text := clean_text(data.get("message"))) is None:
                logger.debug("socket %s sent a message without text: ignored", sid)
                return
            if self.session_persistence:
                confirmed = (await sio.get_session(sid, namespace=namespace)).get("session_id")
                if not confirmed or data.get("session_id") != confirmed:
                    logger.warning("socket %s spoke outside its confirmed session: ignored", sid)
                    return
                sender_id, room = confirmed, confirmed
            else:
                sender_id, room = sid, sid
            message = UserMessage(text, SocketIOOutput(sio, self.bot_message_evt), sender_id,
                                  input_channel=self.name(),
                                  metadata=clean_metadata(data.get(self.metadata_key)))
            try:
                await on_new_message(message)
            finally:
                await sio.emit(self.turn_end_evt, {}, room=room, namespace=namespace)

        return blueprint
