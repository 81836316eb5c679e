"""Answers about the fairs calls' rates: the grant percentage for an exhibitor (new or frequent)
and a number of fairs, the bonuses, and who counts as a new exhibitor. Figures are the call's
own params (bot/funding/fairs.py reads the same), so the answers and the engine agree."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from bot import sme
from bot.answers.ask import Ask
from bot.answers.figures import FAIR_AREA, FAIR_EXHIBITOR
from bot.answers.reply import Reply, reply
from bot.answers.spending import tagged
from bot.funding import MissingFacts, compute

# A stand only to ask the engine for a rate: the area model's percentage does not depend on it.
_ANY_STAND_SQM = Decimal(20)


def _summary(ask: Ask):
    call = ask.call()
    return ask.say.text(call.funding["summary"]) if call.funding.get("summary") else None


def _bonus_flags(ask: Ask) -> tuple[bool | None, bool | None]:
    """Whether the firm is a micro enterprise and a start-up, as the question or the profile says."""
    micro = ask.inputs.micro
    if micro is None and sme.size_class(ask.profile) is not None:
        micro = sme.size_class(ask.profile) == "micro"
    return micro, True if ask.inputs.startup else ask.profile.startup


def _rate_with_bonuses(ask: Ask, kind: str, count: int) -> Decimal | None:
    """The engine's percentage for this exhibitor with the firm's bonuses (None if it cannot say)."""
    call, (micro, startup) = ask.call(), _bonus_flags(ask)
    params = call.funding.get("params") or {}
    fairs = replace(ask.profile.fairs, exhibitor=kind, count=count, stand_sqm=_ANY_STAND_SQM,
                    eligible_expenses=Decimal(str(params.get("minimum_expenses") or 10000)))
    profile = replace(ask.profile, fairs=fairs, startup=startup)
    size = "micro" if micro else ("small" if micro is False else None)
    try:
        return compute(call.funding, call.loan, profile, size).grant_pct
    except MissingFacts:
        return None


def _who(ask: Ask) -> str | None:
    micro, startup = _bonus_flags(ask)
    parts = [ask.say(key) for key, flag in (("fair.who_micro", micro), ("fair.who_startup", startup)) if flag]
    return ask.say("and_join", first=parts[0], second=parts[1]) if len(parts) == 2 else (parts[0] if parts else None)


def grant_rate(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    model, params = call.funding["model"], dict(call.funding.get("params") or {})
    who = _who(ask)
    if model == FAIR_EXHIBITOR:
        kinds = [ask.exhibitor()] if ask.exhibitor() else ["new", "frequent"]
        count = ask.fairs_count()
        lines = []
        for kind in kinds:
            rates = params[kind]
            if count is None:
                lines.append(say(f"fair.rates_{kind}", one=say.percent(rates["one_fair_pct"]),
                                 more=say.percent(rates["more_fairs_pct"]), cap=say.money(rates["max_grant"])))
            else:
                pct = rates["one_fair_pct"] if count == 1 else rates["more_fairs_pct"]
                lines.append(say(f"fair.rate_{kind}_{'one' if count == 1 else 'more'}", fairs=count, pct=say.the(pct),
                                 cap=say.money(rates["max_grant"])))
            if who:
                counts = (count,) if count is not None else (1, 2)
                totals = [_rate_with_bonuses(ask, kind, n) for n in counts]
                if None not in totals:
                    key = "fair.total_one" if len(totals) == 1 else "fair.totals"
                    lines.append(say(key, who=who, pct=say.percent(totals[0]), more=say.percent(totals[-1])))
        lines.append(say("fair.bonuses", micro=say.percent(params["micro_bonus_pct"]),
                         startup=say.percent(params["startup_bonus_pct"])))
        return reply([say("heading.call", call=say.title(call)), *lines])
    if model == FAIR_AREA:
        lines = [say("fair.rate_area", call=say.title(call), pct=say.the(params["grant_pct"], "di"),
                     bonus=say.percent(params["bonus_pct"]))]
        total = _rate_with_bonuses(ask, ask.exhibitor() or "new", 1) if who else None
        if total is not None:
            lines.append(say("fair.total_one", who=who, pct=say.percent(total)))
        return reply([*lines, _summary(ask)])
    return reply([say("fair.rate_unknown", call=say.title(call)), _summary(ask), say("check_official")])


def bonus(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    model, params = call.funding["model"], dict(call.funding.get("params") or {})
    if model == FAIR_EXHIBITOR:
        return reply([say("fair.bonuses_call", call=say.title(call), micro=say.percent(params["micro_bonus_pct"]),
                          startup=say.percent(params["startup_bonus_pct"]))])
    if model == FAIR_AREA:
        return reply([say("fair.bonus_area", call=say.title(call), bonus=say.percent(params["bonus_pct"]),
                          years=params.get("startup_max_years", 2) * 12)])
    return reply([say("fair.bonus_unknown", call=say.title(call)), _summary(ask), say("check_official")])


def new_exhibitor(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    notes = tagged(call, "new_exhibitor")
    if not notes:
        return reply([say("fair.new_unknown", call=say.title(call)), say("check_official")])
    return reply([say("heading.call", call=say.title(call)), *(say.text(n["text"]) for n in notes)])


def supports_new_exhibitor(call) -> bool:
    return bool(tagged(call, "new_exhibitor"))
