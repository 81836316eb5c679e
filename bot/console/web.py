"""The console's plumbing on Sanic: settings, templates, the per-request account, CSRF and the
security headers. Routes live in routes_*.py; this module decides who may reach them.

Every page needs a session except the PUBLIC paths (login, health, static files and the
signed summary links). A session is an HttpOnly SameSite=Lax cookie (Secure over HTTPS or when
ORIENTA_CONSOLE_HTTPS is set); every POST must carry the session's CSRF token (the login form
carries a pre-session one, double-submitted in its own cookie), else 403.
"""
from __future__ import annotations

import datetime as dt
import itertools
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from sanic import Sanic, response
from sanic.exceptions import Forbidden, NotFound, SanicException
from sqlalchemy.orm import sessionmaker

from bot import clock
from bot.catalogue import CALLS_DIR, Catalogue, load_catalogue
from bot.console import accounts
from bot.console.templating import templates
from bot.store.db import session_factory

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
SESSION_COOKIE, LOGIN_CSRF_COOKIE = "orienta_console", "orienta_console_login"
PUBLIC_PREFIXES = ("/static/", "/summary/")
PUBLIC_PATHS = ("/login", "/health", "/favicon.ico")
CHANGE_PASSWORD_PATHS = ("/password", "/logout")
_names = itertools.count(1)

@dataclass
class ConsoleConfig:
    database_url: str | None = None  # default: the store's (ORIENTA_DATABASE_URL)
    tracker_db: Path | None = None   # default: ORIENTA_TRACKER_DB or var/tracker.db
    calls_dir: Path | None = None    # default: ORIENTA_CALLS_DIR or bot/catalogue/calls
    https: bool = field(default_factory=lambda: bool((os.environ.get("ORIENTA_CONSOLE_HTTPS") or "").strip()))
    today: Callable[[], dt.date] = clock.today

    def calls_folder(self) -> Path:
        return Path(self.calls_dir or os.environ.get("ORIENTA_CALLS_DIR") or CALLS_DIR)


def new_app(config: ConsoleConfig) -> Sanic:
    app = Sanic(f"orienta_console_{next(_names)}")
    app.config.FALLBACK_ERROR_FORMAT = "html"
    app.config.REQUEST_MAX_SIZE = 2_000_000  # the largest upload is a call file or a CSV of firms
    app.ctx.config = config
    app.ctx.sessions: sessionmaker = session_factory(config.database_url)
    app.ctx.templates = templates()
    app.ctx.catalogue = load_catalogue(config.calls_folder())
    app.static("/static", str(STATIC), name="console_static")
    app.register_middleware(_who_is_it, "request")
    app.register_middleware(_headers, "response")
    app.error_handler.add(Forbidden, _forbidden)
    app.error_handler.add(NotFound, _not_found)
    return app


def reload_catalogue(app: Sanic) -> Catalogue:
    app.ctx.catalogue = load_catalogue(app.ctx.config.calls_folder())
    return app.ctx.catalogue


def render(request, template: str, status: int = 200, **values: Any) -> response.HTTPResponse:
    user = getattr(request.ctx, "user", None)
    row = getattr(request.ctx, "session_row", None)
    page = request.app.ctx.templates.get_template(template).render(
        user=user, csrf=row.csrf_token if row else getattr(request.ctx, "login_csrf", ""), path=request.path,
        **values)
    return response.html(page, status=status)


def secure_cookies(request) -> bool:
    return request.app.ctx.config.https or request.scheme == "https"


def set_cookie(request, resp, name: str, value: str, max_age: int | None) -> None:
    resp.cookies[name] = value
    cookie = resp.cookies[name]
    cookie["httponly"] = True
    cookie["samesite"] = "Lax"
    cookie["path"] = "/"
    if max_age is not None:
        cookie["max-age"] = max_age
    if secure_cookies(request):
        cookie["secure"] = True


def clear_cookie(request, resp, name: str) -> None:
    set_cookie(request, resp, name, "", 0)


def _is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


async def _who_is_it(request):
    request.ctx.user = request.ctx.session_row = None
    if _is_public(request.path):
        return _check_login_csrf(request) if request.path == "/login" else None
    with request.app.ctx.sessions.begin() as session:
        found = accounts.find_session(session, request.cookies.get(SESSION_COOKIE))
    if found is None or found[1] is None:
        return response.redirect("/login", status=303)
    request.ctx.session_row, request.ctx.user = found
    if request.method == "POST" and not accounts.csrf_ok(found[0], _submitted_csrf(request)):
        raise Forbidden("the form's security token is missing or wrong: reload the page and try again")
    if found[1].must_change_password and request.path not in CHANGE_PASSWORD_PATHS:
        return response.redirect("/password", status=303)
    return None


def _check_login_csrf(request):
    # Before a session exists the token is double-submitted: a cookie and the same value in the form.
    token = request.cookies.get(LOGIN_CSRF_COOKIE)
    if request.method == "POST":
        if not token or not secrets.compare_digest(token.encode(), (_submitted_csrf(request) or "").encode()):
            raise Forbidden("the form's security token is missing or wrong: reload the page and try again")
    request.ctx.login_csrf = token or secrets.token_urlsafe(32)
    return None


def _submitted_csrf(request) -> str | None:
    try:
        return request.form.get("csrf") if request.form else None
    except SanicException:
        return None


async def _headers(request, resp):
    resp.headers.setdefault("X-Content-Type-Options", "nosniff")
    resp.headers.setdefault("Referrer-Policy", "same-origin")
    resp.headers.setdefault("X-Frame-Options", "DENY")
    resp.headers.setdefault("Content-Security-Policy",
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    if not request.path.startswith("/static/"):
        resp.headers.setdefault("Cache-Control", "no-store")
    if request.path == "/login" and getattr(request.ctx, "login_csrf", None) \
            and request.cookies.get(LOGIN_CSRF_COOKIE) != request.ctx.login_csrf:
        set_cookie(request, resp, LOGIN_CSRF_COOKIE, request.ctx.login_csrf, None)


def _forbidden(request, exception):
    return _error_page(request, 403, str(exception) or "Accesso negato.")


def _not_found(request, exception):
    return _error_page(request, 404, "Pagina o richiesta non trovata.")


def _error_page(request, status: int, message: str):
    try:
        return render(request, "error.html", status=status, status_code=status, message=message)
    except Exception:  # an error while drawing the error page: plain text, never a crash loop
        return response.text(message, status=status)
