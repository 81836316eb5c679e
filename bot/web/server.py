"""The widget's files and a demo host page over HTTP: what `make run` serves beside Rasa, and
what the browser tests open.

Only a fixed list of paths is served (nothing from the request reaches the file system), GET
and HEAD only. The Socket.IO client comes from node_modules/ (installed by `make` with
`npm ci`), the interface texts from bot/texts/{it,en}/widget.yaml: everything the widget
needs is served from here, no CDN. Runs in a thread of the calling process: it is small and
stops with it.
"""
from __future__ import annotations

import html
import json
import re
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, urlsplit

from bot import texts

ROOT = Path(__file__).resolve().parents[2]
STATIC = Path(__file__).resolve().parent / "static"
SOCKET_IO_DIST = ROOT / "node_modules" / "socket.io-client" / "dist"
WIDGET_PATH = "/orienta-widget.js"
TEXT_PREFIX = "widget."
_PLACEHOLDER = re.compile(r"\{\{([a-z_.]+)\}\}")
# A Host header we are willing to echo into the demo page (name, IPv4 or [IPv6]).
_HOSTNAME = re.compile(r"^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])$")

JS, CSS, HTML = "text/javascript; charset=utf-8", "text/css; charset=utf-8", "text/html; charset=utf-8"


class WidgetServerError(RuntimeError):
    """The widget cannot be served (its files are missing or its port is taken)."""


def interface_texts() -> dict[str, dict[str, str]]:
    """The widget's own sentences per language, keys without the `widget.` prefix (demo page excluded)."""
    return {
        lang: {key[len(TEXT_PREFIX):]: sentence for key, sentence in texts.catalogue(lang).items()
               if key.startswith(TEXT_PREFIX) and not key.startswith(TEXT_PREFIX + "demo.")}
        for lang in texts.LANGUAGES
    }


def texts_script() -> bytes:
    return f"window.OrientaWidgetTexts = {json.dumps(interface_texts(), ensure_ascii=False)};\n".encode()


def embed_snippet(widget_url: str, rasa_url: str, lang: str) -> str:
    """The one tag a website adds to show the widget."""
    return f'<script src="{widget_url}" data-server="{rasa_url}" data-lang="{lang}" defer></script>'


@dataclass
class WidgetServer:
    """Serves the widget on host:port; the demo page points it at the Rasa server on `rasa_port`
    of whatever host the browser used to reach the page."""

    host: str
    port: int
    rasa_port: int
    _server: ThreadingHTTPServer | None = field(default=None, init=False)
    _thread: threading.Thread | None = field(default=None, init=False)

    @property
    def url(self) -> str:
        return f"http://{_browser_host(self.host)}:{self.port}"

    @property
    def demo_url(self) -> str:
        return f"{self.url}/"

    @property
    def widget_url(self) -> str:
        return f"{self.url}{WIDGET_PATH}"

    @property
    def rasa_url(self) -> str:
        return f"http://{_browser_host(self.host)}:{self.rasa_port}"

    def start(self) -> "WidgetServer":
        if not (SOCKET_IO_DIST / "socket.io.min.js").is_file():
            raise WidgetServerError(f"{SOCKET_IO_DIST / 'socket.io.min.js'} is missing: run `make run` "
                                    "(it runs `npm ci`) or `npm ci` in the project folder")
        try:
            self._server = ThreadingHTTPServer((self.host, self.port), _handler_for(self))
        except OSError as err:
            raise WidgetServerError(f"cannot serve the widget on {self.host}:{self.port}: {err}") from err
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]  # the real one when port 0 was asked for
        self._thread = threading.Thread(target=self._server.serve_forever, name="widget-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> "WidgetServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def demo_page(self, lang: str, request_host: str | None) -> bytes:
        host = _hostname(request_host) or _browser_host(self.host)
        page_origin = f"http://{host}:{self.port}"
        rasa_url = f"http://{host}:{self.rasa_port}"
        other = "en" if lang == "it" else "it"
        values = {
            "lang": lang, "other_lang": other, "other_href": f"/?lang={other}",
            "widget_src": f"{page_origin}{WIDGET_PATH}", "server": rasa_url,
            "snippet": embed_snippet(f"{page_origin}{WIDGET_PATH}", rasa_url, lang),
        }
        template = (STATIC / "demo.html").read_text(encoding="utf-8")

        def fill(match: re.Match) -> str:
            name = match.group(1)
            value = values[name] if name in values else texts.t(lang, name)
            return html.escape(value, quote=True)

        return _PLACEHOLDER.sub(fill, template).encode()

    def demo_policy(self, request_host: str | None) -> str:
        """The demo page's Content-Security-Policy: the widget must work under a strict one."""
        host = _hostname(request_host) or _browser_host(self.host)
        rasa = f"{host}:{self.rasa_port}"
        return ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                f"connect-src 'self' http://{rasa} ws://{rasa}; base-uri 'none'; form-action 'none'; "
                "frame-ancestors 'none'")


def _browser_host(bind_host: str) -> str:
    # A server bound to every interface is still reached by a local browser on loopback.
    return "127.0.0.1" if bind_host in ("0.0.0.0", "", "::") else bind_host


def _hostname(host_header: str | None) -> str | None:
    """The host part of a Host header, if it is a plain host name or address."""
    if not host_header:
        return None
    host = host_header.strip()
    if host.startswith("["):
        host = host[: host.find("]") + 1] if "]" in host else ""
    else:
        host = host.rsplit(":", 1)[0]
    return host if _HOSTNAME.match(host) else None


def _static(name: str, content_type: str) -> Callable[[], tuple[bytes, str]]:
    return lambda: ((STATIC / name).read_bytes(), content_type)


def _handler_for(server: WidgetServer) -> type[BaseHTTPRequestHandler]:
    files: dict[str, Callable[[], tuple[bytes, str]]] = {
        WIDGET_PATH: _static("orienta-widget.js", JS),
        "/orienta-widget.css": _static("orienta-widget.css", CSS),
        "/orienta-widget-texts.js": lambda: (texts_script(), JS),
        "/demo.css": _static("demo.css", CSS),
        "/vendor/socket.io.min.js": lambda: ((SOCKET_IO_DIST / "socket.io.min.js").read_bytes(), JS),
        "/vendor/socket.io.min.js.map": lambda: ((SOCKET_IO_DIST / "socket.io.min.js.map").read_bytes(),
                                                 "application/json"),
        "/health": lambda: (b"ok\n", "text/plain; charset=utf-8"),
        "/favicon.ico": lambda: ((STATIC / "favicon.svg").read_bytes(), "image/svg+xml"),
    }

    class Handler(BaseHTTPRequestHandler):
        server_version = "OrientaWidget"
        sys_version = ""

        def do_GET(self) -> None:
            self._respond(include_body=True)

        def do_HEAD(self) -> None:
            self._respond(include_body=False)

        def _respond(self, include_body: bool) -> None:
            parts = urlsplit(self.path)
            headers = {"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache",
                       "Referrer-Policy": "no-referrer"}
            if parts.path in ("/", "/index.html"):
                lang = parse_qs(parts.query).get("lang", ["it"])[0]
                lang = lang if lang in texts.LANGUAGES else "it"
                body, content_type = server.demo_page(lang, self.headers.get("Host")), HTML
                headers["Content-Security-Policy"] = server.demo_policy(self.headers.get("Host"))
            elif parts.path in files:
                body, content_type = files[parts.path]()
            else:
                body, content_type = b"not found\n", "text/plain; charset=utf-8"
                self.send_response(HTTPStatus.NOT_FOUND)
                self._finish(body, content_type, headers, include_body)
                return
            self.send_response(HTTPStatus.OK)
            self._finish(body, content_type, headers, include_body)

        def _finish(self, body: bytes, content_type: str, headers: dict[str, str], include_body: bool) -> None:
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if include_body:
                self.wfile.write(body)

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
            pass  # one line per file on every page view would drown `make run`'s output

    return Handler
