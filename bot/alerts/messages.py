"""The words of an alert, in the subscriber's language (bot/texts/*/alerts.yaml).

An alert names the call, its window (and the catalogue's note on it), whether the firm's facts
meet the requirements, the indicative figures when the engine could compute them, a link to
the source, and how to stop. Links come only from the call file: its official pages, else
the first source with an address, said to be a source consulted; never a guessed address.
"""
from __future__ import annotations

from dataclasses import dataclass

from bot import fmt
from bot.alerts.matching import CLOSES_IN_1, Alert, Post
from bot.catalogue import Call
from bot.status import CallStatus
from bot.texts import t

TELEGRAM, EMAIL = "telegram", "email"


@dataclass(frozen=True)
class Message:
    subject: str  # used by e-mail only
    text: str


def alert_message(alert: Alert, lang: str, channel: str) -> Message:
    call, verdict = alert.call, alert.verdict
    title = call.title[lang]
    paragraphs = [
        t(lang, f"alerts.intro.{alert.kind}", title=title),
        window(call, verdict.status, lang),
        t(lang, "alerts.fit.eligible" if verdict.eligible else "alerts.fit.undetermined"),
        figures(verdict.funding, lang),
        source(call, lang),
        t(lang, f"alerts.stop.{channel}"),
    ]
    return Message(t(lang, f"alerts.subject.{alert.kind}", title=title), _joined(paragraphs))


def post_text(post: Post, lang: str, bot_username: str) -> str:
    call, status = post.call, post.status
    title = call.title[lang]
    if post.kind == CLOSES_IN_1 and status.days_left == 0:
        headline = t(lang, "alerts.post.closes_today", title=title, closes=fmt.date(lang, status.closes))
    elif post.kind.startswith("closes_in"):
        headline = t(lang, f"alerts.post.{post.kind}", title=title, closes=fmt.date(lang, status.closes))
    else:
        headline = t(lang, f"alerts.post.{post.kind}", title=title)
    return _joined([headline, window(call, status, lang), source(call, lang),
                    t(lang, "alerts.post.ask", link=deep_link(bot_username, call.id))])


MAX_START_PARAMETER = 64  # Telegram's limit for ?start=, of A-Z, a-z, 0-9, _ and - (call ids are)


def deep_link(bot_username: str, call_id: str) -> str:
    """Opens the bot with /start <call id>; a call id too long for Telegram just opens the bot."""
    if len(call_id) > MAX_START_PARAMETER:
        return f"https://t.me/{bot_username}"
    return f"https://t.me/{bot_username}?start={call_id}"


def window(call: Call, status: CallStatus, lang: str) -> str:
    opens, closes = status.opens, status.closes
    if opens and closes:
        dates = t(lang, "alerts.window.between", opens=fmt.date(lang, opens), closes=fmt.date(lang, closes))
    elif closes:
        dates = t(lang, "alerts.window.until", closes=fmt.date(lang, closes))
    elif opens:
        dates = t(lang, "alerts.window.from", opens=fmt.date(lang, opens))
    else:
        dates = t(lang, "alerts.window.no_dates")
    note = (call.window.get("note") or {}).get(lang)
    return f"{dates} {note}" if note else dates


def figures(funding, lang: str) -> str | None:
    """The engine's estimate, when the facts allowed one and it reaches the call's minimum."""
    if funding is None or funding.below_minimum:
        return None
    amounts = dict(grant=fmt.money(lang, funding.grant), loan=fmt.money(lang, funding.loan),
                   total=fmt.money(lang, funding.total_eligible), own=fmt.money(lang, funding.own_contribution))
    return t(lang, "alerts.figures.grant_and_loan" if funding.loan else "alerts.figures.grant", **amounts)


def source(call: Call, lang: str) -> str:
    links = call.data.get("links") or []
    if links:
        return t(lang, "alerts.source.official", url=links[0]["url"])
    sources = call.data["sources"]
    # The window's own sources first: they say when to apply, what an alert is about.
    keys = list(dict.fromkeys([*call.window.get("sources", []), *sources]))
    for key in keys:
        if sources[key].get("url"):
            return t(lang, "alerts.source.consulted", title=sources[key]["title"], url=sources[key]["url"])
    return t(lang, "alerts.source.none")


def _joined(paragraphs: list[str | None]) -> str:
    return "\n\n".join(p for p in paragraphs if p)
