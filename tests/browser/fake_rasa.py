"""A stand-in for Rasa's socket.io channel, on loopback, for the widget behaviours the real
bot does not show on demand (buttons, links, hostile text, a server that comes back).

It speaks the same events as bot/web/socketio_channel.py: session_request -> session_confirm,
user_uttered -> the scripted bot_uttered messages, then bot_turn_end. It records what the
widget sent.
"""
from __future__ import annotations

import asyncio
import threading
import uuid
from typing import Any

import socketio
from aiohttp import web


class FakeRasa:
    def __init__(self, port: int, replies: list[dict[str, Any]] | None = None, host: str = "127.0.0.1"):
        self.host, self.port = host, port
        self.replies = replies or [{"text": "ok"}]
        self.received: list[dict[str, Any]] = []
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, name="fake-rasa", daemon=True)

    def _app(self) -> web.Application:
        sio = self._sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*")
        app = web.Application()
        sio.attach(app)

        @sio.on("session_request")
        async def session_request(sid, data):
            session_id = (data or {}).get("session_id") or uuid.uuid4().hex
            await sio.emit("session_confirm", session_id, room=sid)

        @sio.on("user_uttered")
        async def user_uttered(sid, data):
            self.received.append(data)
            for reply in self.replies:
                await sio.emit("bot_uttered", reply, room=sid)
            await sio.emit("bot_turn_end", {}, room=sid)

        return app

    async def _start(self) -> None:
        # Open sockets are dropped at once: a server that goes away is what these tests want.
        self._runner = web.AppRunner(self._app(), shutdown_timeout=0.5)
        await self._runner.setup()
        await web.TCPSite(self._runner, self.host, self.port).start()

    def start(self) -> "FakeRasa":
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self._start(), self._loop).result(timeout=10)
        return self

    async def _stop(self) -> None:
        await self._runner.cleanup()
        # engine.io's ping and service tasks would otherwise die noisily with the loop.
        leftovers = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
        for task in leftovers:
            task.cancel()
        await asyncio.gather(*leftovers, return_exceptions=True)

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._stop(), self._loop).result(timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()

    def __enter__(self) -> "FakeRasa":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
