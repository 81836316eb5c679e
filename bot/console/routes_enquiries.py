"""The queue, one enquiry's page and what an advisor does there; the queue as CSV."""
from __future__ import annotations

from sanic import Blueprint, response
from sanic.exceptions import Forbidden, NotFound

from bot.console import accounts, followup
from bot.console.export import queue_csv
from bot.console.models import OUTCOMES, PROGRESS
from bot.console.queue import PRIORITY_FORMULA, Filters, queue, visible
from bot.console.summary import profile_lines
from bot.console.transcript import transcript
from bot.console.verdicts import recompute
from bot.console.web import render
from bot.geo.desks import all_desks
from bot.store.enquiries import get_by_reference

bp = Blueprint("enquiries")


def _today(request):
    return request.app.ctx.config.today()


def _filters_page_values(request, rows, filters):
    catalogue = request.app.ctx.catalogue
    with request.app.ctx.sessions() as session:
        emails = {user.id: user.email for user in accounts.all_users(session)}
    return dict(rows=rows, filters=filters, emails=emails, statuses=PROGRESS, calls=[(c.id, c.title["it"]) for c in catalogue],
                formula=PRIORITY_FORMULA, desks={d.id: d.chamber for d in all_desks()})


@bp.get("/")
async def queue_page(request):
    filters = Filters.from_query(request.args)
    with request.app.ctx.sessions() as session:
        rows = queue(session, request.ctx.user, filters, request.app.ctx.catalogue, _today(request))
    return render(request, "queue.html", **_filters_page_values(request, rows, filters))


@bp.get("/enquiries.csv")
async def queue_export(request):
    filters = Filters.from_query(request.args)
    with request.app.ctx.sessions.begin() as session:
        rows = queue(session, request.ctx.user, filters, request.app.ctx.catalogue, _today(request))
        accounts.audit(session, request.ctx.user, "export", detail={"rows": len(rows), "filters": filters.query_string()})
    return response.raw(queue_csv(rows), content_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="richieste.csv"'})


def visible_enquiry(request, session, reference: str):
    """The enquiry if this account may see it: 404 when it does not exist, 403 when another desk's."""
    enquiry = get_by_reference(session, reference)
    if enquiry is None:
        raise NotFound("no such enquiry")
    if not visible(request.ctx.user, enquiry):
        with request.app.ctx.sessions.begin() as audit_session:  # refused attempts are recorded too
            accounts.audit(audit_session, request.ctx.user, "denied", enquiry.id)
        raise Forbidden("Questa richiesta appartiene a un altro sportello.")
    return enquiry


@bp.get("/enquiry/<reference:str>")
async def enquiry_page(request, reference: str):
    return _enquiry_page(request, reference)


def _enquiry_page(request, reference: str, error=None, status: int = 200):
    with request.app.ctx.sessions.begin() as session:
        enquiry = visible_enquiry(request, session, reference)
        accounts.audit(session, request.ctx.user, "view", enquiry.id)
        session.flush()
        values = dict(
            history=followup.history_of(session, enquiry),
            enquiry=enquiry, follow=followup.followup_of(session, enquiry), notes=followup.notes_of(session, enquiry),
            advisors=followup.advisors_for(session, enquiry),
            judged=(judged := recompute(enquiry, request.app.ctx.catalogue, _today(request))),
            facts=profile_lines(judged.assessment.profile, "it") if judged.assessment else [],
            today=_today(request), lines=transcript(enquiry.conversation_id, request.app.ctx.config.tracker_db),
            statuses=PROGRESS, outcomes=OUTCOMES, desks=all_desks(), error=error,
        )
        return render(request, "enquiry.html", status=status, **values)


def _act(request, reference: str, action) -> response.HTTPResponse:
    """Run `action(session, enquiry)` in one transaction; a refused input redraws the page with it."""
    try:
        with request.app.ctx.sessions.begin() as session:
            enquiry = visible_enquiry(request, session, reference)
            action(session, enquiry)
            target = enquiry.reference
    except accounts.AccountError as err:
        return _enquiry_page(request, reference, error=err, status=400)
    except PermissionError as err:
        raise Forbidden(str(err)) from None
    return response.redirect(f"/enquiry/{target}", status=303)


@bp.post("/enquiry/<reference:str>/status")
async def change_status(request, reference: str):
    form = request.form
    return _act(request, reference, lambda s, e: followup.set_progress(
        s, request.ctx.user, e, form.get("status", ""), form.get("outcome") or None))


@bp.post("/enquiry/<reference:str>/note")
async def add_note(request, reference: str):
    return _act(request, reference, lambda s, e: followup.add_note(s, request.ctx.user, e, request.form.get("text", "")))


@bp.post("/enquiry/<reference:str>/assign")
async def assign(request, reference: str):
    raw = request.form.get("assignee", "")

    def run(session, enquiry):
        if raw and not raw.isdigit():
            raise accounts.AccountError("assignee", "is not an account")
        followup.assign(session, request.ctx.user, enquiry, int(raw) if raw else None)

    return _act(request, reference, run)


@bp.post("/enquiry/<reference:str>/desk")
async def move_desk(request, reference: str):
    if not request.ctx.user.is_admin:
        raise Forbidden("Solo un amministratore può spostare una richiesta a un altro sportello.")
    return _act(request, reference, lambda s, e: followup.reassign_desk(s, request.ctx.user, e, request.form.get("desk", "")))
