"""Login, logout, the first-login password change and the health check."""
from __future__ import annotations

from sanic import Blueprint, response

from bot.console import accounts
from bot.console.web import SESSION_COOKIE, clear_cookie, render, set_cookie

bp = Blueprint("auth")


@bp.get("/health")
async def health(request):
    return response.text("ok\n")


@bp.get("/login")
async def login_form(request):
    return render(request, "login.html", error=None, email="")


@bp.post("/login")
async def login(request):
    email, password = request.form.get("email", ""), request.form.get("password", "")
    with request.app.ctx.sessions.begin() as session:
        result = accounts.check_login(session, email, password)
        if result.ok:
            token, _ = accounts.open_session(session, result.user)
    if not result.ok:
        error = ("Troppi tentativi falliti: l'account è bloccato per 15 minuti." if result.locked
                 else "E-mail o password errate.")
        return render(request, "login.html", status=401, error=error, email=email[:254])
    resp = response.redirect("/password" if result.user.must_change_password else "/", status=303)
    set_cookie(request, resp, SESSION_COOKIE, token, int(accounts.SESSION_LIFETIME.total_seconds()))
    return resp


@bp.post("/logout")
async def logout(request):
    with request.app.ctx.sessions.begin() as session:
        accounts.close_session(session, request.cookies.get(SESSION_COOKIE))
        accounts.audit(session, request.ctx.user, "logout")
    resp = response.redirect("/login", status=303)
    clear_cookie(request, resp, SESSION_COOKIE)
    return resp


@bp.get("/password")
async def password_form(request):
    return render(request, "password.html", error=None)


@bp.post("/password")
async def change_password(request):
    form = request.form
    with request.app.ctx.sessions.begin() as session:
        user = session.get(accounts.ConsoleUser, request.ctx.user.id)
        try:
            accounts.change_password(session, user, form.get("current", ""), form.get("new", ""),
                                     form.get("repeat", ""))
        except accounts.AccountError as err:
            return render(request, "password.html", status=400, error=err)
    return response.redirect("/", status=303)
