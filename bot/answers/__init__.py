"""Answers to the common questions, built from the same catalogue data the engine uses.

    answer(topic, lang, *, call_id=None, profile=None, today=None, amount=None, years=None,
           months=None, sqm=None, exhibitor=None) -> Reply

`topic` is one of TOPICS (stable ids the dialogue maps its intents to); the keyword arguments
are the facts the question carried, each checked here (they may come from any user). A call
topic without a call answers about the headline call, Verso Nuovi Mercati, and names it. The
reply's buttons carry payloads that ask answer() again (see bot/answers/reply.py).

Also `render_assessment`, `render_profile` and `render_changes`, which word the engine's
assessment of a profile. Plain Python: no Rasa here.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Callable

from bot.answers import calls, estimates, general, listing
from bot.answers.ask import Ask, BadInput, CallNotFound
from bot.answers.facts_words import render_profile
from bot.answers.reply import Button, Reply, reply, topic_button
from bot.answers.verdicts import render_assessment, render_changes
from bot.catalogue import Catalogue
from bot.catalogue.topics import Topics
from bot.profile import Profile

_HANDLERS: dict[str, Callable[[Ask], Reply]] = {
    "call_overview": calls.overview,
    "call_status": calls.status,
    "call_funds": calls.funds,
    "call_costs": calls.costs,
    "call_split": calls.split,
    "call_loan": calls.loan,
    "call_procedure": calls.procedure,
    "call_apply": calls.apply,
    "call_documents": calls.documents,
    "call_who": calls.who,
    "list_calls": listing.list_calls,
    "de_minimis": general.de_minimis,
    "sme_definition": general.sme_definition,
    "lombardia_point": general.lombardia_point,
    "pid": general.pid,
    "een": general.een,
    "desk": general.desk,
    "simulate": estimates.simulate,
    "loan_plan": estimates.loan_plan,
    "fair_quote": estimates.fair_quote,
}
TOPICS: tuple[str, ...] = tuple(_HANDLERS)


class UnknownTopic(ValueError):
    """A topic id outside TOPICS: a mistake in the dialogue's code, not in the user's words."""


def answer(topic: str, lang: str, *, call_id: str | None = None, profile: Profile | None = None,
           today: dt.date | None = None, amount: Decimal | None = None, years: int | None = None,
           months: int | None = None, sqm: Decimal | None = None, exhibitor: str | None = None,
           catalogue: Catalogue | None = None, topics: Topics | None = None) -> Reply:
    """The reply to `topic` in `lang` ("it" or "en"; anything else reads as Italian).

    `catalogue` and `topics` replace the default data files (tests, previews of an edited call)."""
    handler = _HANDLERS.get(topic)
    if handler is None:
        raise UnknownTopic(f"unknown topic {topic!r}; known: {', '.join(TOPICS)}")
    ask = Ask.build(lang, call_id=call_id, profile=profile, today=today, amount=amount, years=years,
                    months=months, sqm=sqm, exhibitor=exhibitor, catalogue=catalogue, topics=topics)
    say = ask.say
    try:
        return handler(ask)
    except CallNotFound:
        known = [call for call in ask.catalogue if call.audience == "sme"]
        return reply([say("unknown_call"), *(say("list.name", call=say.title(c)) for c in known)],
                     [topic_button(say("button.list_calls"), "list_calls")])
    except BadInput as problem:
        return reply([say(problem.key, **problem.values)])


__all__ = ["answer", "Reply", "Button", "TOPICS", "UnknownTopic", "render_assessment",
           "render_profile", "render_changes"]
