"""The catalogue page: every call with its status today and its last verification; an admin
uploads a call file, sees the schema's errors by field, and publishes it without a restart."""
from __future__ import annotations

from pathlib import PurePosixPath

from sanic import Blueprint
from sanic.exceptions import Forbidden

from bot.console import accounts, publishing
from bot.console.web import reload_catalogue, render
from bot.status import call_status

bp = Blueprint("catalogue")


def _page(request, status=200, **values):
    today = request.app.ctx.config.today()
    calls = [(call, call_status(call, today)) for call in request.app.ctx.catalogue]
    defaults = dict(problems=None, checked=None, published=None)
    return render(request, "catalogue.html", status=status, calls=calls, today=today, **{**defaults, **values})


def _admin(request) -> None:
    if not request.ctx.user.is_admin:
        raise Forbidden("Solo un amministratore può pubblicare un bando.")


@bp.get("/catalogue")
async def catalogue_page(request):
    return _page(request)


@bp.post("/catalogue/check")
async def check_upload(request):
    _admin(request)
    upload = request.files.get("file")
    if upload is None or not upload.body:
        return _page(request, status=400, problems=[publishing.Problem("(file)", "choose a call file")])
    name = PurePosixPath(upload.name or "").name
    problems = publishing.check(name, upload.body)
    if problems:
        return _page(request, status=400, problems=problems, checked={"name": name})
    return _page(request, checked={"name": name, "content": upload.body.decode("utf-8")})


@bp.post("/catalogue/publish")
async def publish_upload(request):
    _admin(request)
    name, content = request.form.get("name", ""), request.form.get("content", "")
    problems = publishing.publish(request.app.ctx.config.calls_folder(), name, content.replace("\r\n", "\n").encode())
    if problems:
        return _page(request, status=400, problems=problems, checked={"name": name})
    reload_catalogue(request.app)
    with request.app.ctx.sessions.begin() as session:
        accounts.audit(session, request.ctx.user, "call_published", detail={"file": name})
    return _page(request, published=name)
