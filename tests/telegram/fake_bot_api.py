"""A stand-in for api.telegram.org on loopback: records every Bot API call and answers like
Telegram does, including its refusals (too long a text, too long a button's data, wrong token),
so the connector is tested against the same rules it meets in production."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable

TEXT_LIMIT = 4096          # UTF-16 code units, as Telegram counts
CALLBACK_DATA_LIMIT = 64   # bytes


@dataclass(frozen=True)
class Call:
    token: str
    method: str
    params: dict[str, Any]

    @property
    def chat_id(self) -> str:
        return str(self.params.get("chat_id"))

    @property
    def inline_keyboard(self) -> list[list[dict]] | None:
        return (self.params.get("reply_markup") or {}).get("inline_keyboard")


def _utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _refusal(method: str, params: dict[str, Any]) -> str | None:
    """What Telegram would say against this call, or None when it would accept it."""
    if method != "sendMessage":
        return None
    text = params.get("text")
    if not isinstance(text, str) or not text.strip():
        return "Bad Request: message text is empty"
    if _utf16(text) > TEXT_LIMIT:
        return "Bad Request: message is too long"
    for row in (params.get("reply_markup") or {}).get("inline_keyboard", []):
        for button in row:
            if len(button.get("callback_data", "").encode()) > CALLBACK_DATA_LIMIT:
                return "Bad Request: BUTTON_DATA_INVALID"
    return None


class FakeBotApi:
    """`with FakeBotApi(token) as api:` serves on api.url until the block ends."""

    def __init__(self, token: str):
        self.token = token
        self.calls: list[Call] = []
        self._changed = threading.Condition()
        self._failures: dict[str, list[dict[str, Any]]] = {}
        self._message_ids = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def fail_next(self, method: str, error_code: int, description: str, retry_after: int | None = None) -> None:
        """The next call of `method` gets this error (e.g. 429 with retry_after)."""
        error: dict[str, Any] = {"ok": False, "error_code": error_code, "description": description}
        if retry_after is not None:
            error["parameters"] = {"retry_after": retry_after}
        with self._changed:
            self._failures.setdefault(method, []).append(error)

    def calls_of(self, method: str, chat_id: str | int | None = None) -> list[Call]:
        with self._changed:
            return [c for c in self.calls if c.method == method and (chat_id is None or c.chat_id == str(chat_id))]

    def messages_to(self, chat_id: str | int) -> list[Call]:
        return self.calls_of("sendMessage", chat_id)

    def wait_for(self, condition: Callable[[], bool], timeout: float = 30.0) -> bool:
        """Wait until `condition()` holds (re-checked on every recorded call); False on timeout."""
        with self._changed:
            return self._changed.wait_for(condition, timeout)

    def _answer(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        with self._changed:
            self.calls.append(Call(token, method, params))
            self._changed.notify_all()
            if token != self.token:
                return 401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
            if self._failures.get(method):
                error = self._failures[method].pop(0)
                return error["error_code"], error
            refusal = _refusal(method, params)
            if refusal:
                return 400, {"ok": False, "error_code": 400, "description": refusal}
            if method == "sendMessage":
                self._message_ids += 1
                return 200, {"ok": True, "result": {"message_id": self._message_ids, "date": 0,
                                                    "chat": {"id": params.get("chat_id")}, "text": params["text"]}}
            return 200, {"ok": True, "result": True}

    def _handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                prefix, _, method = self.path.lstrip("/").partition("/")
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    params = json.loads(self.rfile.read(length) or b"{}")
                except ValueError:
                    params = {"<unparsable body>": True}
                if not prefix.startswith("bot") or not method:
                    status, body = 404, {"ok": False, "error_code": 404, "description": "Not Found"}
                else:
                    status, body = fake._answer(prefix[len("bot"):], method, params)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:  # keep pytest's output clean
                pass

        return Handler

    def __enter__(self) -> "FakeBotApi":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
