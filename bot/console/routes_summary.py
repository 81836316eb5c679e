"""The printable orientation summary: an advisor's copy per enquiry, and the firm's own copy
behind a signed link (bot/summary_links.py) that only its conversation's link can open."""
from __future__ import annotations

from sanic import Blueprint, response
from sanic.exceptions import NotFound
from sqlalchemy import select

from bot import summary_links
from bot.console import accounts
from bot.console.routes_enquiries import visible_enquiry
from bot.console.summary import render_summary
from bot.console.transcript import latest_slots
from bot.profile import ProfileError, parse_profile
from bot.store.models import Enquiry

bp = Blueprint("summary")


def _profile(raw) -> object:
    try:
        return parse_profile(dict(raw or {}))
    except (ProfileError, TypeError, ValueError):
        return parse_profile({})


@bp.get("/enquiry/<reference:str>/summary")
async def enquiry_summary(request, reference: str):
    with request.app.ctx.sessions.begin() as session:
        enquiry = visible_enquiry(request, session, reference)
        accounts.audit(session, request.ctx.user, "summary", enquiry.id)
    page = render_summary(_profile(enquiry.profile), enquiry.language, request.app.ctx.config.today(),
                          enquiry.reference, request.app.ctx.catalogue, enquiry.desk_id)
    return response.html(page)


@bp.get("/summary/<token:str>")
async def conversation_summary(request, token: str):
    sender_id = summary_links.verify(token)
    if sender_id is None:
        raise NotFound("no such summary")
    slots = latest_slots(sender_id, ("facts", "language"), request.app.ctx.config.tracker_db)
    with request.app.ctx.sessions() as session:
        enquiry = session.scalars(select(Enquiry).where(Enquiry.conversation_id == sender_id)
                                  .order_by(Enquiry.created_at.desc())).first()
    if slots is None and enquiry is None:
        raise NotFound("no such conversation")
    slots = slots or {}
    facts = slots.get("facts") if slots.get("facts") is not None else (enquiry.profile if enquiry else {})
    lang = slots.get("language") or (enquiry.language if enquiry else "it")
    page = render_summary(_profile(facts), lang, request.app.ctx.config.today(),
                          enquiry.reference if enquiry else None, request.app.ctx.catalogue,
                          enquiry.desk_id if enquiry else None)
    return response.html(page, headers={"Referrer-Policy": "no-referrer"})
