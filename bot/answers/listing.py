"""The calls in the catalogue, one line each: open now first, then the recently closed, then the
announced ones; the regional and chamber calls, then the national measures apart (SIMEST's lines
are always open, first come first served: mixed in, they would hide whether a Lombard call is
open). Calls for fair organisers are never listed to an SME."""
from __future__ import annotations

import datetime as dt

from bot.answers.ask import Ask
from bot.answers.reply import Reply, aspect_button, reply
from bot.answers.say import status_of, status_short
from bot.status import ANNOUNCED, CLOSED, OPEN, UPCOMING

MAX_BUTTONS = 4
NATIONAL = "national"


def _order(item) -> tuple:
    call, state = item
    group = {OPEN: 0, UPCOMING: 1, CLOSED: 2, ANNOUNCED: 3}[state.status]
    # Most recently closed first; a closed call whose dates were not found goes last.
    recency = -(state.closes or dt.date.min).toordinal() if state.status == CLOSED else 0
    return (group, recency)


def list_calls(ask: Ask) -> Reply:
    say = ask.say
    calls = [(call, status_of(call, ask.today)) for call in ask.catalogue if call.audience == "sme"]
    theme = ask.inputs.theme
    themed = [(call, state) for call, state in calls if theme in (call.data.get("themes") or ())]
    if themed:  # "anything open for fairs?": the fairs calls only
        calls = themed
    body = ask.inputs.body
    by_body = [(call, state) for call, state in calls if _run_by(call, body)] if body else []
    if by_body:  # "cosa offre SIMEST?": its lines only
        calls = by_body
    calls.sort(key=_order)
    local = [(call, state) for call, state in calls if call.scope["level"] != NATIONAL]
    national = [(call, state) for call, state in calls if call.scope["level"] == NATIONAL]
    if by_body:
        heading = say("list.heading_body", body=body, date=say.date(ask.today))
    else:
        heading = say(f"list.heading_{theme}" if themed else "list.heading", date=say.date(ask.today))
    lines = [heading]
    if not by_body and not any(state.status in (OPEN, UPCOMING) for _, state in local):
        lines.append(say("now.no_regional" if national else "list.none_open"))
    lines += [_line(say, call, state) for call, state in local]
    if national and not by_body:
        lines.append(say("list.national_heading"))
    lines += [_line(say, call, state) for call, state in national]
    live = [call for call, state in local if state.status in (OPEN, UPCOMING, ANNOUNCED)]
    buttons = [aspect_button(say.title(call), "overview", call_id=call.id) for call in live[:MAX_BUTTONS]]
    if any(state.status == OPEN for _, state in national):
        buttons.append(aspect_button(say("aspect.what_now"), "what_now"))
    return reply(lines, buttons)


def _run_by(call, body: str) -> bool:
    return any(title.upper().startswith(body.upper()) for title in call.title.values())


def _line(say, call, state) -> str:
    rolling = state.status == OPEN and state.subject_to_funds and state.closes is None
    return say("list.line", call=say.title(call), status=say("now.rolling") if rolling else status_short(say, call, state))
