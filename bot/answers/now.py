""""What can we do now?": the measures open today that fit the firm, said plainly when no regional
or chamber call is open, and the calls to watch with the last dates known.

A measure fits unless the engine finds a rule the firm fails (facts still missing leave it in,
marked as to be checked); a plan named in the question ("a fair", "e-commerce") keeps the
measures of that theme. Each open measure comes with its managing body and how to apply.
"""
from __future__ import annotations

from bot.answers import general
from bot.answers.ask import Ask
from bot.answers.reply import Reply, aspect_button, reply
from bot.answers.say import status_of, status_short
from bot.rules.matching import match
from bot.status import ANNOUNCED, CLOSED, OPEN, UPCOMING

# A call's reach: national (SIMEST, a ministry), regional (Regione, Unioncamere Lombardia) or a
# chamber's own; calls without the field are the regional ones the catalogue started with.
NATIONAL, REGIONAL, CHAMBER = "national", "regional", "chamber"
MAX_WATCH = 4
MAX_BUTTONS = 3


def level(call) -> str:
    return (call.data.get("territory") or {}).get("level") or REGIONAL


def _themed(calls, theme):
    themed = [item for item in calls if theme in (item[0].data.get("themes") or ())]
    return themed or calls


def what_now(ask: Ask) -> Reply:
    say = ask.say
    sme_calls = [call for call in ask.catalogue if call.audience == "sme"]
    verdicts = {v.call.id: v for v in match(ask.catalogue, ask.profile, ask.today, [c.id for c in sme_calls])}
    states = [(call, status_of(call, ask.today)) for call in sme_calls]
    open_now = [(call, state) for call, state in states
                if state.status == OPEN and verdicts[call.id].eligible is not False]
    if ask.inputs.theme:
        open_now = _themed(open_now, ask.inputs.theme)
    open_now.sort(key=lambda item: (item[1].closes is None, item[1].closes or ask.today))

    lines = [say("now.heading", date=say.date(ask.today))]
    if open_now:
        lines.append(say("now.open_heading"))
        for call, state in open_now:
            lines.append(say("list.line", call=say.title(call), status=status_short(say, call, state)))
            body = call.data.get("managing_body")
            if body:
                lines.append(say("now.body", body=say.text(body["text"])))
            if call.data.get("how_to_apply"):
                lines.append(say("now.apply", how=say.text(call.data["how_to_apply"]["text"])))
            if verdicts[call.id].eligible is None:
                lines.append(say("now.to_check"))
    else:
        lines.append(say("now.none_open"))
    if not any(level(call) in (REGIONAL, CHAMBER) for call, _ in open_now):
        lines.append(say("now.no_regional"))

    watch = [(call, state) for call, state in states
             if state.status in (UPCOMING, ANNOUNCED) or (state.status == CLOSED and level(call) != NATIONAL)]
    watch.sort(key=lambda item: ({UPCOMING: 0, ANNOUNCED: 1, CLOSED: 2}[item[1].status],
                                 -(item[1].closes.toordinal() if item[1].closes else 0)))
    if watch:
        lines.append(say("now.watch_heading"))
        lines += [say("list.line", call=say.title(call), status=status_short(say, call, state))
                  for call, state in watch[:MAX_WATCH]]
    desk = general.firm_desk(ask.profile)
    if desk is not None:
        lines += general.desk_lines(say, desk, general.place_words(say, ask.profile))
    else:
        lines.append(say("now.desk"))
    buttons = [aspect_button(say.title(call), "overview", call_id=call.id) for call, _ in open_now[:MAX_BUTTONS]]
    buttons.append(aspect_button(say("aspect.desk"), "desk"))
    return reply(lines, buttons)
