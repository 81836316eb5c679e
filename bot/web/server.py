"""The widget's files and a demo host page over HTTP: what `make run` serves beside Rasa, and
what the browser tests open.

A Sanic application (the framework Rasa already brings, as the advisor console uses) with the
demo page drawn by a Jinja2 template (bot/web/templates/demo.html, autoescaped). Only a fixed
list of paths is served (nothing from the request reaches the file system), GET and HEAD only.
The Socket.IO client comes from node_modules/ (installed by `make` with `npm ci`), the
interface texts from bot/texts/{it,en}/widget.yaml: everything the widget needs is served from
here, no CDN. Runs in a thread of the calling process, on its own event loop: it is small and
stops with it.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sanic import Sanic, response

from bot import privacy, texts

ROOT = Path(__file__).resolve().parents[2]
STATIC = Path(__file__).resolve().parent / "static"
TEMPLATES = Path(__file__).resolve().parent / "templates"
SOCKET_IO_DIST = ROOT / "node_modules" / "socket.io-client" / "dist"
WIDGET_PATH = "/orienta-widget.js"
TEXT_PREFIX = "widget."
_app_names = itertools.count(1)  # Sanic wants one name per application in a process
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
    _loop: asyncio.AbstractEventLoop | None = field(default=None, init=False)
    _server: Any = field(default=None, init=False)  # sanic.server.AsyncioServer
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
        # The loop is made, started and run in the server's own thread: the caller's thread may
        # already run a loop of its own (Playwright's sync API does).
        app, ready, failure = _app_for(self), threading.Event(), []

        def run() -> None:
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            try:
                server = loop.run_until_complete(app.create_server(
                    self.host, self.port, return_asyncio_server=True, access_log=False))
                loop.run_until_complete(server.startup())
            except OSError as err:
                failure.append(err)
                loop.close()
                ready.set()
                return
            self._loop, self._server = loop, server
            self.port = server.server.sockets[0].getsockname()[1]  # the real one when port 0 was asked for
            ready.set()
            loop.run_forever()
            loop.close()

        self._thread = threading.Thread(target=run, name="widget-server", daemon=True)
        self._thread.start()
        ready.wait(timeout=30)
        if failure or self._server is None:
            self._thread.join(timeout=5)
            self._thread = None
            raise WidgetServerError(f"cannot serve the widget on {self.host}:{self.port}: "
                                    f"{failure[0] if failure else 'it did not start'}")
        return self

    def stop(self) -> None:
        loop, server, thread = self._loop, self._server, self._thread
        self._loop = self._server = self._thread = None
        if loop is None:
            return

        async def shut_down() -> None:
            server.server.close()
            for connection in list(server.connections):
                connection.close_if_idle()
            await server.server.wait_closed()

        asyncio.run_coroutine_threadsafe(shut_down(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=5)  # the thread closes its loop once it stops

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
        page = _templates().get_template("demo.html").render(t=lambda key: texts.t(lang, key), **values)
        return page.encode()

    def privacy_page(self, lang: str) -> bytes:
        other = "en" if lang == "it" else "it"
        page = _templates().get_template("privacy.html").render(
            lang=lang, other_lang=other, other_href=f"/privacy?lang={other}", title=texts.t(lang, "privacy.title"),
            paragraphs=privacy.paragraphs(lang), other_language=texts.t(lang, "widget.demo.other_language"))
        return page.encode()

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


class _WidgetApp(Sanic):
    # Sanic 21.12 rewrites its own protocol methods when an app starts ("touch-up"); a second app
    # in one process (the tests start several widget servers) must rewrite the originals, which
    # Sanic keeps only for apps in test mode. Nothing else of ours depends on the mode.
    test_mode = True


def _page_language(request) -> str:
    """?lang=en or ?lang=it; anything else is Italian, the default."""
    lang = request.args.get("lang", texts.DEFAULT_LANGUAGE)
    return lang if lang in texts.LANGUAGES else texts.DEFAULT_LANGUAGE


def _templates() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True))


def _static(name: str, content_type: str) -> Callable[[], tuple[bytes, str]]:
    return lambda: ((STATIC / name).read_bytes(), content_type)


def _app_for(server: WidgetServer) -> Sanic:
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
    app = _WidgetApp(f"orienta_widget_{next(_app_names)}")
    app.config.MOTD = False  # `make run` prints its own summary of the servers
    app.config.FALLBACK_ERROR_FORMAT = "text"

    def demo(request):
        lang, host = _page_language(request), request.headers.get("host")
        return response.raw(server.demo_page(lang, host), content_type=HTML,
                            headers={"Content-Security-Policy": server.demo_policy(host)})

    def file_route(path: str):
        def serve_file(request):
            body, content_type = files[path]()
            return response.raw(body, content_type=content_type)
        return serve_file

    def privacy_notice(request):
        return response.raw(server.privacy_page(_page_language(request)), content_type=HTML,
                            headers={"Content-Security-Policy": "default-src 'none'; style-src 'self'; "
                                                                "base-uri 'none'; form-action 'none'"})

    app.add_route(privacy_notice, "/privacy", methods=["GET", "HEAD"], name="privacy")
    for path in ("/", "/index.html"):
        app.add_route(demo, path, methods=["GET", "HEAD"], name=f"demo{path.replace('/', '_').replace('.', '_')}")
    for index, path in enumerate(files):
        app.add_route(file_route(path), path, methods=["GET", "HEAD"], name=f"file_{index}")

    @app.exception(Exception)
    def not_found(request, exception):
        status = getattr(exception, "status_code", 500)
        words = {404: "not found\n", 405: "only GET and HEAD\n"}
        return response.text(words.get(status, "error\n"), status=status if status >= 400 else 500)

    @app.on_response
    def headers(request, resp):
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Cache-Control"] = "no-cache"
        resp.headers["Referrer-Policy"] = "no-referrer"

    return app
