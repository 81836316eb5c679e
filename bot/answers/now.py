""""What can we do now?": the measures open today that fit the firm (bot.measures, over every call
file: SIMEST's lines too), said plainly when no regional or chamber call is open, the calls to
watch with the last dates known, and the firm's desk.

A measure fits unless the engine finds a rule the firm fails (facts still missing leave it in,
marked as to be checked); a plan named in the question ("a fair", "e-commerce") keeps the
measures that fund it. Each open measure comes with its managing body and how to apply.
"""
from __future__ import annotations

from bot import measures
from bot.answers import general
from bot.answers.ask import Ask
from bot.answers.reply import Reply, aspect_button, reply
from bot.answers.say import status_short
from bot.status import CLOSED

NATIONAL, REGIONAL, CHAMBER = "national", "regional", "chamber"
LEVEL_ORDER = {CHAMBER: 0, REGIONAL: 1, NATIONAL: 2}
MAX_OFFERS = 6
MAX_WATCH = 5
MAX_BUTTONS = 3
# The theme a question names (bot.conversation.questions.THEMES) as the plan the measures fund.
PLAN_OF_THEME = {"fairs": "fair"}


def _funds_plan(call) -> bool:
    return any(c["type"] == "plan_fits" for c in call.criteria)


def _offer_lines(say, offer, previous_body=None) -> list[str]:
    call, verdict = offer.call, offer.verdict
    state = verdict.status
    status = say("now.rolling") if state.subject_to_funds and state.closes is None else status_short(say, call, state)
    lines = [say("list.line", call=say.title(call), status=status)]
    body = call.data.get("managing_body")
    if body and body != previous_body:  # SIMEST's lines share theirs: said once
        lines.append(say("now.body", body=say.text(body["text"])))
    funding = verdict.funding
    if funding is not None and funding.loan:
        key = "now.estimate_grant" if funding.grant else "now.estimate"
        lines.append(say(key, loan=say.money(funding.loan), grant=say.money(funding.grant)))
    elif call.funding.get("summary"):
        lines.append(say("now.terms", terms=say.text(call.funding["summary"])))
    if verdict.eligible is None:
        lines.append(say("now.to_check"))
    return lines


def what_now(ask: Ask) -> Reply:
    say, theme = ask.say, ask.inputs.theme
    plan = PLAN_OF_THEME.get(theme, theme)
    # a chamber's call matters only in its provinces: without the firm's, it is left out
    local = ask.profile.province is not None
    offers = [o for o in measures.open_measures(ask.profile, ask.today, plan=[plan] if plan else None)
              if o.call.audience == "sme" and (local or o.call.scope["level"] != CHAMBER)]
    # grants of the region first, then the lines made for the plan named, then the rest
    offers.sort(key=lambda o: (LEVEL_ORDER.get(o.call.scope["level"], len(LEVEL_ORDER)),
                               not (plan and _funds_plan(o.call))))
    lines = [say("now.heading", date=say.date(ask.today))]
    if offers:
        lines.append(say("now.open_heading"))
        previous = None
        for offer in offers[:MAX_OFFERS]:
            lines += _offer_lines(say, offer, previous)
            previous = offer.call.data.get("managing_body")
        if len(offers) > MAX_OFFERS:
            lines.append(say("now.more", count=len(offers) - MAX_OFFERS))
        ways = {}
        for offer in offers[:MAX_OFFERS]:
            how, body = offer.call.data.get("how_to_apply"), offer.call.data.get("managing_body")
            if how and body:
                ways.setdefault(say.text(how["text"]), say.text(body["text"]))
        lines += [say("now.apply", body=body, how=how) for how, body in ways.items()]
        if any(o.stale for o in offers):
            lines.append(say("now.stale"))
    else:
        lines.append(say("now.none_open"))
    if not any(o.call.scope["level"] != NATIONAL for o in offers):
        lines.append(say("now.no_regional"))

    watch = [item for item in measures.calls_to_watch(ask.today, ask.profile)
             if item.call.audience == "sme" and (local or item.call.scope["level"] != CHAMBER)
             and not (item.status == CLOSED and item.call.scope["level"] == NATIONAL)]
    if watch:
        lines.append(say("now.watch_heading"))
        lines += [say("list.line", call=say.title(item.call), status=status_short(say, item.call, item.call_status))
                  for item in watch[:MAX_WATCH]]
    desk = general.firm_desk(ask.profile)
    if desk is not None:
        lines += general.desk_lines(say, desk, general.place_words(say, ask.profile))
    else:
        lines.append(say("now.desk"))
    known = set(ask.catalogue.ids())  # an answer's own catalogue (a preview, a test) may lack a measure
    buttons = [aspect_button(say.title(o.call), "overview", call_id=o.call.id)
               for o in offers if o.call.id in known][:MAX_BUTTONS]
    buttons.append(aspect_button(say("aspect.desk"), "desk"))
    return reply(lines, buttons)
