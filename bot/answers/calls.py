"""The overview of one call: what it is, where it stands today, who runs it, its budget and
its aid in brief. Every figure comes from the call's file."""
from __future__ import annotations

from bot.answers.ask import Ask
from bot.answers.reply import Reply, aspect_button, reply
from bot.answers.say import status_of, status_sentence, window_lines

OVERVIEW_BUTTONS = ("who", "expenses", "split", "how_to_apply")


def overview(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    state = status_of(call, ask.today)
    lines = [say("heading.overview", call=say.title(call)), say.text(call.data["summary"]),
             status_sentence(say, call, state), *window_lines(say, call, state)]
    if call.data.get("managing_body"):
        lines.append(say("overview.managed_by", body=say.text(call.data["managing_body"]["text"])))
    if call.data.get("budget"):
        lines.append(say("overview.budget", amount=say.money(call.data["budget"]["amount_eur"])))
    if call.data.get("project_duration"):
        lines.append(say("overview.duration", text=say.text(call.data["project_duration"]["text"])))
    if call.funding.get("summary"):
        lines.append(say.text(call.funding["summary"]))
    buttons = [aspect_button(say(f"aspect.{aspect}"), aspect, call_id=call.id) for aspect in OVERVIEW_BUTTONS]
    return reply(lines, buttons)
