"""Answers about how a call works: how projects are chosen, who runs it, how and where to apply
(the portal, SPID), how early before a fair, and how long the project may take."""
from __future__ import annotations

from bot.answers.ask import Ask
from bot.answers.reply import Reply, aspect_button, reply
from bot.answers.say import status_of, status_sentence, subject_lines
from bot.answers.spending import tagged
from bot.status import OPEN

PORTAL_SUBJECT = "bandi_e_servizi"


def selection(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [say("heading.selection", call=say.title(call)), say.text(call.data["procedure"]["text"])]
    if call.data["procedure"]["kind"] == "unknown":
        lines.append(say("check_official"))
    return reply(lines)


def managing_body(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [say("overview.managed_by_call", call=say.title(call), body=say.text(call.data["managing_body"]["text"]))]
    if call.data.get("legal_basis"):
        lines.append(say("overview.legal_basis", text=say.text(call.data["legal_basis"]["text"])))
    if call.data.get("programme"):
        lines.append(say("overview.programme", text=say.text(call.data["programme"]["text"])))
    lines.append(say.text(call.data["procedure"]["text"]))
    return reply(lines)


def how_to_apply(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    state = status_of(call, ask.today)
    lines = [say("heading.apply", call=say.title(call))]
    portal = call.data.get("portal")
    if portal:
        lines += subject_lines(say, ask.subjects.get(portal), with_title=False)
    elif not ask.named:  # "where do I apply?" with no call: the regional portal
        lines += subject_lines(say, ask.subjects.get(PORTAL_SUBJECT), with_title=False)
    if call.data.get("how_to_apply"):
        lines.append(say.text(call.data["how_to_apply"]["text"]))
    if not portal and not call.data.get("how_to_apply"):
        lines.append(say("apply.unknown"))
    if state.status != OPEN:
        lines.append(status_sentence(say, call, state))
    lines.append(say("apply.help"))
    buttons = [aspect_button(say("aspect.documents"), "documents", call_id=call.id)] if call.data.get("documents") else []
    return reply(lines, buttons + [aspect_button(say("aspect.desk"), "desk")])


def spid(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    portal = call.data.get("portal") or (PORTAL_SUBJECT if not ask.named else None)
    if not portal:
        return reply([say("apply.spid_unknown", call=say.title(call)), say("check_official")])
    lines = subject_lines(say, ask.subjects.get(portal), with_title=False)
    # a named call is said, so the owner knows the portal is that call's
    return reply([say("heading.call", call=say.title(call)), *lines] if ask.named else lines)


def apply_in_advance(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    conditions = tagged(call, "apply_in_advance")
    if not conditions:
        return reply([say("apply.advance_unknown", call=say.title(call)), say("check_official")])
    return reply([say("heading.call", call=say.title(call)),
                  *(say("condition_plain", text=say.text(c["text"])) for c in conditions),
                  say.text(call.data["procedure"]["text"])])


def project_duration(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    found = call.data.get("project_duration")
    if not found:
        return reply([say("duration.unknown", call=say.title(call)), say("check_official")])
    return reply([say("duration.project", call=say.title(call), text=say.text(found["text"]))])
