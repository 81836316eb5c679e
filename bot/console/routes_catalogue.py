"""The catalogue page: every call with its status today and its last verification; an admin
uploads a call file, sees the schema's errors by field, and publishes it without a restart."""
from __future__ import annotations

from pathlib import PurePosixPath

import logging

from sanic import Blueprint
from sanic.exceptions import Forbidden, NotFound
from sqlalchemy.exc import SQLAlchemyError

from bot.alerts.by_call import audiences
from bot.alerts.run import StoreNotReady, run_alerts
from bot.alerts.settings import alert_settings

from bot.console import accounts, publishing
from bot.console.web import reload_catalogue, render
from bot.status import call_status

log = logging.getLogger(__name__)
bp = Blueprint("catalogue")


def _audiences(request, today):
    """The alert subscriptions each call matches; none when the store has no alert tables yet."""
    try:
        return audiences(request.app.ctx.sessions, request.app.ctx.catalogue, today)
    except SQLAlchemyError:
        log.exception("could not read the alert subscriptions")
        return {}


def _page(request, status=200, **values):
    today = request.app.ctx.config.today()
    calls = [(call, call_status(call, today)) for call in request.app.ctx.catalogue]
    defaults = dict(problems=None, checked=None, published=None, alerts_run=None)
    return render(request, "catalogue.html", status=status, calls=calls, today=today,
                  audiences=_audiences(request, today), **{**defaults, **values})


def _admin(request) -> None:
    if not request.ctx.user.is_admin:
        raise Forbidden("Solo un amministratore può pubblicare un bando o inviarne gli avvisi.")


@bp.post("/catalogue/<call_id>/alerts")
async def send_call_alerts(request, call_id: str):
    """Send now the alerts a call is due to its subscribers (as `python -m bot alerts --send` would)."""
    _admin(request)
    if call_id not in request.app.ctx.catalogue.ids():
        raise NotFound("Bando sconosciuto.")
    today = request.app.ctx.config.today()
    lines: list[str] = []
    try:
        report = await run_alerts(request.app.ctx.sessions, request.app.ctx.catalogue, today, alert_settings(),
                                  dry_run=False, say=lines.append, only_call=call_id)
    except (StoreNotReady, ValueError) as err:  # not migrated, or the alert settings are wrong
        return _page(request, status=400, alerts_run={"call": call_id, "error": str(err)})
    with request.app.ctx.sessions.begin() as session:
        accounts.audit(session, request.ctx.user, "call_alerts_sent",
                       detail={"call": call_id, "sent": len(report.sent), "failed": len(report.failed)})
    return _page(request, alerts_run={"call": call_id, "sent": len(report.sent), "failed": len(report.failed),
                                      "problems": [problem for _, problem in report.failed]})


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
