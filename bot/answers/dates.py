"""Answers about a call's dates: when it opened, when it closes, whether it is open today and
what is known of a next edition. A date the sources do not give is said to be unknown."""
from __future__ import annotations

from bot.answers.ask import Ask
from bot.answers.reply import Reply, aspect_button, reply
from bot.answers.say import status_of, status_sentence, window_lines
from bot.status import CLOSED


def opens(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    state = status_of(call, ask.today)
    day = call.date("opens")
    if call.window["kind"] == "rolling":
        lines = [say("dates.rolling", call=say.title(call))]
        if day:
            lines.append(say("dates.rolling_since", opens=say.date(day)))
    elif day is None:
        lines = [say("dates.opens_unknown", call=say.title(call))]
    else:
        key = "dates.opens_future" if day > ask.today else "dates.opened"
        lines = [say(key, call=say.title(call), opens=say.date(day))]
    closes = call.date("closes")
    if closes and call.window["kind"] != "rolling":
        lines.append(say("dates.closes_too", closes=say.date(closes)))
    if call.window.get("note") and (day is None or call.window.get("reported")):
        lines.append(say.text(call.window["note"]))  # what is known instead, or the dates the sources dispute
    lines.append(status_sentence(say, call, state))
    return reply(lines)


def closes(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    state = status_of(call, ask.today)
    day = call.date("closes")
    if call.window["kind"] == "rolling":
        lines = [say("dates.rolling", call=say.title(call))]
    elif day is None:
        lines = [say("dates.closes_unknown", call=say.title(call))]
    else:
        key = "dates.closed_on" if day < ask.today else "dates.closes_on"
        lines = [say(key, call=say.title(call), closes=say.date(day))]
    opened = call.date("opens")
    if opened and call.window["kind"] != "rolling":
        lines.append(say("dates.opens_too", opens=say.date(opened)))
    if call.window.get("note"):
        lines.append(say.text(call.window["note"]))
    lines.append(status_sentence(say, call, state))
    return reply(lines)


def status(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    state = status_of(call, ask.today)
    lines = [status_sentence(say, call, state), *window_lines(say, call, state)]
    buttons = []
    later = (call.data.get("next_edition") or {}).get("call_id")
    if later and state.status == CLOSED and later in ask.catalogue.ids():
        buttons.append(aspect_button(say.title(ask.catalogue.get(later)), "status", call_id=later))
    return reply([say("heading.call", call=say.title(call)), *lines], buttons)


def next_edition(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    state = status_of(call, ask.today)
    edition = call.data.get("next_edition")
    lines = [status_sentence(say, call, state)]
    lines.append(say.text(edition["text"]) if edition else say("dates.next_unknown"))
    lines.append(say("dates.watch"))
    return reply([say("heading.call", call=say.title(call)), *lines])
