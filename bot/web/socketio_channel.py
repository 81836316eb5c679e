"""Rasa's socket.io channel as the website widget needs it.

Rasa 3.6's own `socketio` channel is close, but with the python-socketio 5.x that Rasa pins
(`AsyncServer.enter_room` is a coroutine there) its session_request handler never awaits
enter_room: with `session_persistence: true` the browser never joins its session's room and
never receives a reply (RasaHQ/rasa#13027). This subclass keeps Rasa's events and message
shapes (so any Rasa socket.io client works with it) and changes only what the widget relies on:

- the socket joins its session's room (awaited), so replies arrive and survive a reload; a socket
  that asks again leaves its old room, so it never hears two conversations;
- session ids are issued by the server and signed (bot/channels/guard.py): a browser keeps its
  own across reloads, a made-up or someone else's unsigned id gets a new session instead;
- a socket may only speak in the session it was confirmed in, and the conversation is
  "socketio:<session id>", apart from every other channel's;
- a message too long, or faster than the rate limits, is answered by the channel itself
  (guard.Gate); no reply at all (the action server is down) becomes "temporary problem, try again";
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
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot import summary_links
from bot.channels import guard

logger = logging.getLogger(__name__)

MAX_EVENT_BYTES = 64 * 1024  # python-socketio's own default is 1 MB
LANGUAGES = ("it", "en")
def clean_metadata(value: Any) -> Dict[str, str]:
    """Only what the bot reads from a widget message: its page language."""
    if isinstance(value, dict) and value.get("language") in LANGUAGES:
        return {"language": value["language"]}
    return {}


def clean_text(value: Any) -> Optional[str]:
    return value if isinstance(value, str) and value.strip() else None


class _CountingOutput(SocketIOOutput):
    """Rasa's socket.io output, counting what it sends, so a turn without a reply is noticed."""

    sent = 0

    async def _send_message(self, socket_id: Text, response: Any) -> None:
        self.sent += 1
        # Rasa names the recipient by the conversation ("socketio:<session>"); the room is the session.
        await super()._send_message(guard.address_of(socket_id), response)


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
        self.gate = guard.Gate()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=self.cors_allowed_origins,
                          max_http_buffer_size=MAX_EVENT_BYTES)
        key = summary_links.secret()
        addresses: Dict[str, str] = {}  # socket id -> the peer's address, for its rate limit
        blueprint = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio  # get_output_channel() needs it
        namespace = self.namespace

        @blueprint.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict]) -> bool:
            forwarded = {"X-Real-IP": environ.get("HTTP_X_REAL_IP") or ""}
            addresses[sid] = guard.client_address(str(environ.get("REMOTE_ADDR") or "?"), forwarded) or "?"
            if not self.jwt_key:
                return True
            token = auth.get("token") if isinstance(auth, dict) else None
            from rasa.core.channels.channel import decode_bearer_token

            return bool(token and decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: Text) -> None:
            addresses.pop(sid, None)

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: Text, data: Any) -> None:
            asked = data.get("session_id") if isinstance(data, dict) else None
            session_id = guard.verified_session_id(asked, key) or guard.new_session_id(key)
            previous = (await sio.get_session(sid, namespace=namespace)).get("session_id")
            if previous and previous != session_id:
                await sio.leave_room(sid, previous, namespace=namespace)
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
                session, room = confirmed, confirmed
            else:
                session, room = sid, sid
            metadata = clean_metadata(data.get(self.metadata_key))
            lang = metadata.get("language")
            output = _CountingOutput(sio, self.bot_message_evt)
            refusal = self.gate.refusal(text, session, addresses.get(sid, "?"), lang)
            try:
                if refusal is not None:
                    await output.send_text_message(room, refusal)
                else:
                    message = UserMessage(text, output, guard.namespaced(self.name(), session),
                                          input_channel=self.name(), metadata=metadata)
                    try:
                        await on_new_message(message)
                    except Exception:
                        logger.exception("socket.io: a turn of %s failed", message.sender_id)
                    if not output.sent:  # the action server is down or failed: the turn is kept
                        await output.send_text_message(room, guard.notice("channel.unavailable", lang))
            finally:
                await sio.emit(self.turn_end_evt, {}, room=room, namespace=namespace)

        return blueprint
