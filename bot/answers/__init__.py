"""Answers to owners' questions, built from the same catalogue data the engine uses.

    answer(aspect, lang, *, call_ids=(), profile=None, today=None, inputs=None) -> Reply

`aspect` is one of the ids of bot/nlu/aspects.yaml (what the question asks: "max_loan",
"closes", "expense_item"...); `call_ids` the calls the question named, best first. An aspect
about a call is answered about the first named call; when none is named, about the headline
call (`headline: true` in its file) if its data has that aspect, else the latest call whose data
has it (a question on stands goes to the fairs call). `inputs` are the figures the question
carries (an amount, a stand's m², an exhibitor kind...), each checked here: they may come from
any user. The reply's buttons carry payloads that ask answer() again (bot/answers/reply.py).

Also `render_assessment`, `render_profile` and `render_changes`, which word the engine's
assessment of a profile. Plain Python: no Rasa here.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable, Iterable

from bot.answers import (calls, dates, estimates, fairs, figures, general, listing, loans, money, now,
                         procedure, rules, soft_loans, spending)
from bot.answers.ask import Ask, BadInput, CallNotFound, Inputs
from bot.answers.facts_words import render_profile
from bot.answers.reply import Button, Reply, aspect_button, reply
from bot.answers.verdicts import render_assessment, render_changes
from bot.catalogue import Call, Catalogue, is_stale
from bot.catalogue.subjects import Subjects
from bot.nlu.aspects import CALL, by_id
from bot.profile import Profile
from bot.status import CLOSED, OPEN, UPCOMING, call_status


def _has(*keys: str) -> Callable[[Call], bool]:
    return lambda call: any(call.data.get(key) for key in keys)


def _tagged(aspect: str) -> Callable[[Call], bool]:
    return lambda call: bool(spending.tagged(call, aspect))


def _model(*models: str) -> Callable[[Call], bool]:
    return lambda call: call.funding["model"] in models


def _loan(call: Call) -> bool:
    f = figures.of(call)
    return bool(call.loan) or f.max_loan is not None or f.loan_pct is not None


def _criteria(aspect: str) -> Callable[[Call], bool]:
    return lambda call: any(rules.CRITERIA[aspect](c) for c in call.criteria) or bool(spending.tagged(call, aspect))


def _category(category_id: str) -> Callable[[Call], bool]:
    return lambda call: any(c["id"] == category_id for c in call.data.get("expense_categories", []))


@dataclass(frozen=True)
class Handler:
    answer: Callable[[Ask], Reply]
    supports: Callable[[Call], bool] | None = None  # which calls' data can answer it


HANDLERS: dict[str, Handler] = {
    "opens": Handler(dates.opens), "closes": Handler(dates.closes), "status": Handler(dates.status),
    "next_edition": Handler(dates.next_edition),
    "de_minimis_headroom": Handler(general.de_minimis_headroom),
    "simulate": Handler(estimates.simulate, _model(*estimates.SIMULATED_MODELS)),
    "own_share": Handler(money.own_share, lambda c: figures.of(c).own_pct is not None),
    "split": Handler(money.split, lambda c: figures.of(c).aid_pct is not None),
    "max_grant": Handler(money.max_grant, lambda c: figures.of(c).max_grant is not None),
    "max_loan": Handler(money.max_loan, lambda c: figures.of(c).max_loan is not None),
    "min_loan": Handler(money.min_loan, lambda c: figures.of(c).min_loan is not None),
    "max_project": Handler(money.max_project, lambda c: figures.of(c).max_eligible is not None),
    "min_project": Handler(money.min_project, lambda c: figures.of(c).min_project is not None),
    "fair_quote": Handler(estimates.fair_quote, _model(*figures.FAIR_MODELS)),
    "grant_rate": Handler(fairs.grant_rate, _model(*figures.FAIR_MODELS)),
    "bonus": Handler(fairs.bonus, _model(*figures.FAIR_MODELS)),
    "aid_intensity": Handler(money.aid_intensity, lambda c: figures.of(c).aid_pct is not None),
    "max_generic": Handler(money.max_generic),
    "min_generic": Handler(money.min_generic),
    "budget": Handler(money.budget, _has("budget")),
    "funding_form": Handler(money.funding_form),
    "preamortisation": Handler(loans.preamortisation, _loan),
    "interest_rate": Handler(loans.interest_rate, _loan),
    "loan_plan": Handler(estimates.loan_plan, _loan),
    "repayment": Handler(loans.repayment, _loan),
    "loan_duration": Handler(loans.loan_duration, _loan),
    "project_duration": Handler(procedure.project_duration, _has("project_duration")),
    "consultancy_cap": Handler(spending.consultancy_cap, _category("consultancy")),
    "training_cap": Handler(spending.training_cap, _category("training")),
    "staff_costs": Handler(spending.staff_costs, _category("staff_flat")),
    "indirect_costs": Handler(spending.indirect_costs, _category("indirect_flat")),
    "apply_in_advance": Handler(procedure.apply_in_advance, _tagged("apply_in_advance")),
    "target_markets": Handler(rules.target_markets, rules.supports_markets),
    "expense_timing": Handler(spending.expense_timing, _tagged("expense_timing")),
    "expense_item": Handler(spending.expense_item),
    "excluded_costs": Handler(spending.excluded_costs, _has("excluded_costs")),
    "expenses": Handler(spending.expenses),
    "documents": Handler(spending.documents, _has("documents")),
    "size_rule": Handler(rules.size_rule, _criteria("size_rule")),
    "site_rule": Handler(rules.site_rule, _criteria("site_rule")),
    "intra_eu": Handler(rules.intra_eu, _criteria("intra_eu")),
    "export_rule": Handler(rules.export_rule, _criteria("export_rule")),
    "track_record": Handler(rules.track_record, _criteria("track_record")),
    "craft_rule": Handler(rules.craft_rule, _criteria("craft_rule")),
    "areas_rule": Handler(rules.areas_rule, _criteria("areas_rule")),
    "who": Handler(rules.who),
    "applications_limit": Handler(rules.applications_limit, _tagged("applications_limit")),
    "cumulation": Handler(rules.cumulation, _tagged("cumulation")),
    "selection": Handler(procedure.selection),
    "managing_body": Handler(procedure.managing_body),
    "spid": Handler(procedure.spid, _has("portal")),
    "how_to_apply": Handler(procedure.how_to_apply, _has("portal", "how_to_apply")),
    "aid_regime": Handler(rules.aid_regime, _has("aid_regime")),
    "new_exhibitor": Handler(fairs.new_exhibitor, fairs.supports_new_exhibitor),
    "de_minimis_sectors": Handler(general.de_minimis_sectors),
    "de_minimis": Handler(general.de_minimis),
    "partner_rule": Handler(general.partner_rule),
    "size_class": Handler(general.size_class),
    "sme_definition": Handler(general.sme_definition),
    "chamber_merge": Handler(general.chamber_merge),
    "contacts": Handler(general.contacts),
    "een": Handler(general.een),
    "pid": Handler(general.pid),
    "lombardia_point": Handler(general.lombardia_point),
    "desk": Handler(general.desk),
    "list_calls": Handler(listing.list_calls),
    "what_now": Handler(now.what_now),
    "overview": Handler(calls.overview),
}
ASPECTS: tuple[str, ...] = tuple(HANDLERS)


class UnknownAspect(ValueError):
    """An aspect id without a handler: a mistake in the dialogue's code, not in the user's words."""


def _recency(call: Call, today: dt.date) -> tuple:
    state = call_status(call, today)
    live = state.status in (OPEN, UPCOMING)
    when = state.closes or state.opens or dt.date.min
    return (not live, state.status == CLOSED and state.closes is None, -when.toordinal())


def _editions(call: Call, catalogue: Catalogue) -> list[Call]:
    """The call's other editions in the catalogue: the one it names as next, those naming it."""
    later = (call.data.get("next_edition") or {}).get("call_id")
    linked = [c for c in catalogue if c.id == later]
    linked += [c for c in catalogue if (c.data.get("next_edition") or {}).get("call_id") == call.id]
    return linked


def resolve_call(aspect: str, call_ids: Iterable[str], catalogue: Catalogue, today: dt.date) -> tuple[Call | None, bool]:
    """The call an aspect is answered about, and whether the question named it."""
    handler = HANDLERS[aspect]
    named = [catalogue.get(c) for c in call_ids if isinstance(c, str) and c in catalogue.ids()]
    if named:
        fitting = [c for c in named if handler.supports is None or handler.supports(c)]
        if not fitting and handler.supports is not None:  # another edition of the same call may say it
            fitting = [c for c in _editions(named[0], catalogue) if handler.supports(c)]
        return (fitting or named)[0], True
    sme_calls = [c for c in catalogue if c.audience == "sme"]
    headline = next((c for c in sme_calls if c.data.get("headline")), None)
    if headline is not None and (handler.supports is None or handler.supports(headline)):
        return headline, False
    fitting = sorted((c for c in sme_calls if handler.supports and handler.supports(c)), key=lambda c: _recency(c, today))
    return (fitting[0] if fitting else headline), False


def _with_staleness(ask: Ask, aspect: str, said: Reply) -> Reply:
    """A call checked over six months ago may have changed: every answer from its file says so."""
    call = ask.resolved
    if call is None or by_id(aspect).about != CALL or not is_stale(call, ask.today):
        return said
    stale = ask.say.engine("measures.stale", date=ask.say.date(call.last_verified))
    return Reply(f"{said.text}\n{stale}" if said.text else stale, said.buttons)


def answer(aspect: str, lang: str, *, call_ids: Iterable[str] = (), profile: Profile | None = None,
           today: dt.date | None = None, inputs: Inputs | None = None, catalogue: Catalogue | None = None,
           subjects: Subjects | None = None) -> Reply:
    """The reply to `aspect` in `lang` ("it" or "en"; anything else reads as Italian).

    `catalogue` and `subjects` replace the default data files (tests, previews of an edited call)."""
    handler = HANDLERS.get(aspect)
    if handler is None:
        raise UnknownAspect(f"unknown aspect {aspect!r}; known: {', '.join(ASPECTS)}")
    ask = Ask.build(lang, profile=profile, today=today, inputs=inputs, catalogue=catalogue, subjects=subjects)
    say = ask.say
    wanted = [c for c in call_ids if c is not None]
    try:
        if any(not isinstance(c, str) or c not in ask.catalogue.ids() for c in wanted):
            raise CallNotFound(wanted)
        ask.resolved, ask.named = resolve_call(aspect, wanted, ask.catalogue, ask.today)
        if ask.resolved is None and by_id(aspect).about == CALL:
            raise CallNotFound(wanted)
        own = soft_loans.ANSWERS.get(aspect) if ask.resolved and soft_loans.is_capped(ask.resolved) else None
        if ask.resolved and money.gives_services(ask.resolved) and aspect in money.SERVICES_ASPECTS:
            own = money.services
        return _with_staleness(ask, aspect, (own or handler.answer)(ask))
    except CallNotFound:
        known = [call for call in ask.catalogue if call.audience == "sme"]
        return reply([say("unknown_call"), *(say("list.name", call=say.title(c)) for c in known)],
                     [aspect_button(say("aspect.list_calls"), "list_calls")])
    except BadInput as problem:
        return reply([say(problem.key, **problem.values)])


__all__ = ["answer", "Reply", "Button", "ASPECTS", "Inputs", "UnknownAspect", "render_assessment",
           "render_profile", "render_changes", "resolve_call"]
