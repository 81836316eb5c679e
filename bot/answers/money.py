"""Answers about a call's money: how the aid divides, the firm's own share, the ceilings and the
minimums, the budget and the form of the aid. The figure asked comes first.

Figures come from the call's funding section through bot.answers.figures (the engine computes
what it can); a figure the sources do not give is said to be unknown, never guessed.
"""
from __future__ import annotations

from bot import sme
from bot.answers import figures
from bot.answers.ask import Ask
from bot.answers.reply import Reply, reply
from bot.answers.say import Say, money_lines
from bot.catalogue import Call
from bot.funding import FundingInputError, MissingFacts, compute


def _summary(say: Say, call: Call) -> str | None:
    return say.text(call.funding["summary"]) if call.funding.get("summary") else None


def _unknown(say: Say, call: Call, key: str) -> Reply:
    """The figure is not in the sources: say so, then what is known of the aid."""
    return reply([say(key, call=say.title(call)), _summary(say, call), say("check_official")])


def split(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    f = figures.of(call)
    if f.grant_pct is not None and f.loan_pct is not None:
        lines = [say("split.rates", call=say.title(call), grant=say.the(f.grant_pct), loan=say.the(f.loan_pct),
                     own=say.percent(f.own_pct), aid=say.the(f.aid_pct, "a"))]
        if f.max_grant is not None and f.max_loan is not None and f.max_eligible is not None:
            lines.append(say("split.maxima", grant=say.money(f.max_grant), loan=say.money(f.max_loan),
                             base=say.money(f.max_eligible)))
        return reply(lines + _firms_split(ask, call))
    if f.loan_pct is not None:
        return reply([say("form.loan_only", call=say.title(call), pct=say.the(f.loan_pct, "a")), _summary(say, call)])
    if f.grant_pct is not None or f.max_grant is not None:
        return reply([say("form.grant_only", call=say.title(call)), _summary(say, call)])
    return _unknown(say, call, "split.unknown")


def _firms_split(ask: Ask, call: Call) -> list[str]:
    """The split on the firm's own project, once its expenses are known (the engine's figures)."""
    if call.funding["model"] != figures.FLAT_RATE_MIXED or not ask.profile.vnm_expenses.complete:
        return []
    try:
        funding = compute(call.funding, call.loan, ask.profile, sme.size_class(ask.profile))
    except (MissingFacts, FundingInputError):
        return []
    return [ask.say("split.yours"), *money_lines(ask.say, call, funding)]


def funding_form(ask: Ask) -> Reply:
    """"Was it a grant?": the form of the aid, then its figures."""
    say, call = ask.say, ask.call()
    f = figures.of(call)
    if f.grant_pct is not None and f.loan_pct is not None:
        return split(ask)
    if f.loan_pct is not None or f.max_loan is not None:
        pct = say.the(f.loan_pct, "a") if f.loan_pct is not None else None
        key = "form.loan_only" if pct else "form.loan_only_unknown_pct"
        return reply([say(key, call=say.title(call), pct=pct), _summary(say, call)])
    if f.grant_pct is not None or f.max_grant is not None:
        return reply([say("form.grant_only", call=say.title(call)), _summary(say, call)])
    return _unknown(say, call, "split.unknown")


def own_share(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    f = figures.of(call)
    if f.own_pct is None:
        return _unknown(say, call, "own.unknown")
    lines = [say("own.share", call=say.title(call), own=say.the(f.own_pct), aid=say.the(f.aid_pct))]
    if f.max_eligible is not None:
        lines.append(say("own.over_ceiling", base=say.money(f.max_eligible)))
    return reply(lines)


def aid_intensity(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    f = figures.of(call)
    if f.aid_pct is None:
        return _unknown(say, call, "intensity.unknown")
    lines = [say("intensity.total", call=say.title(call), aid=say.the(f.aid_pct, "a"))]
    if f.grant_pct is not None and f.loan_pct is not None:
        lines.append(say("intensity.parts", grant=say.the(f.grant_pct), loan=say.the(f.loan_pct),
                         own=say.the(f.own_pct)))
    if f.max_grant is not None and f.loan_pct is None:
        lines.append(say("max.grant", call=say.title(call), amount=say.money(f.max_grant)))
    return reply(lines)


def max_grant(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    f = figures.of(call)
    if f.max_grant_by_exhibitor:
        wanted = ask.exhibitor()
        kinds = [wanted] if wanted in f.max_grant_by_exhibitor else list(f.max_grant_by_exhibitor)
        lines = [say(f"max.grant_{kind}", call=say.title(call), amount=say.money(f.max_grant_by_exhibitor[kind]))
                 for kind in kinds]
        return reply(lines + [_summary(say, call)])
    if f.max_grant is None:
        return _unknown(say, call, "max.grant_unknown")
    lines = [say("max.grant", call=say.title(call), amount=say.money(f.max_grant))]
    if f.grant_pct is not None and f.max_eligible is not None:
        lines.append(say("max.grant_why", pct=say.the(f.grant_pct), base=say.money(f.max_eligible)))
    return reply(lines)


def max_loan(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    f = figures.of(call)
    if f.max_loan is None:
        key = "max.no_loan" if f.loan_pct is None and f.grant_pct is not None else "max.loan_unknown"
        return _unknown(say, call, key)
    lines = [say("max.loan", call=say.title(call), amount=say.money(f.max_loan))]
    if f.loan_pct is not None and f.max_eligible is not None:
        lines.append(say("max.loan_why", pct=say.the(f.loan_pct), base=say.money(f.max_eligible)))
    if f.min_loan is not None:
        lines.append(say("min.loan", call=say.title(call), amount=say.money(f.min_loan)))
    return reply(lines)


def min_loan(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    f = figures.of(call)
    if f.min_loan is None:
        if f.loan_pct is None and f.max_loan is None:
            return _unknown(say, call, "max.no_loan")
        lines = [say("min.loan_unknown", call=say.title(call))]
        if f.min_project is not None:
            lines.append(say("min.project", call=say.title(call), amount=say.money(f.min_project)))
        return reply(lines)
    lines = [say("min.loan", call=say.title(call), amount=say.money(f.min_loan))]
    if f.max_loan is not None:
        lines.append(say("max.loan", call=say.title(call), amount=say.money(f.max_loan)))
    return reply(lines)


def _admitted_range(call) -> tuple | None:
    """A project size the call admits (a `within` rule on the investment): outside it, no aid at all."""
    rule = next((c for c in call.criteria if c["type"] == "within" and c.get("fact") == "investment_eur"), None)
    return (rule.get("min"), rule.get("max")) if rule and rule.get("min") is not None and rule.get("max") is not None else None


def _range_reply(say, call, f) -> Reply | None:
    admitted = _admitted_range(call)
    if admitted is None:
        return None
    lines = [say("project.range", call=say.title(call), low=say.money(admitted[0]), high=say.money(admitted[1]))]
    if f.max_grant is not None:
        lines.append(say("max.grant", call=say.title(call), amount=say.money(f.max_grant)))
    return reply(lines)


def max_project(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    f = figures.of(call)
    ranged = _range_reply(say, call, f)
    if ranged:
        return ranged
    if f.max_eligible is None:
        return _unknown(say, call, "max.project_unknown")
    lines = [say("max.project", call=say.title(call), amount=say.money(f.max_eligible))]
    if f.min_project is not None:
        lines.append(say("min.project", call=say.title(call), amount=say.money(f.min_project)))
    if f.max_grant is not None and f.max_loan is not None:
        lines.append(say("max.project_aid", grant=say.money(f.max_grant), loan=say.money(f.max_loan)))
    return reply(lines)


def min_project(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    f = figures.of(call)
    ranged = _range_reply(say, call, f)
    if ranged:
        return ranged
    if f.min_project is None:
        return _unknown(say, call, "min.project_unknown")
    lines = [say("min.project", call=say.title(call), amount=say.money(f.min_project))]
    if f.max_eligible is not None:
        lines.append(say("max.project", call=say.title(call), amount=say.money(f.max_eligible)))
    if call.funding["model"] == figures.FLAT_RATE_MIXED:
        lines.append(say("min.flat_rates_count"))
    return reply(lines)


def max_generic(ask: Ask) -> Reply:
    """"How much did it give at most?": the ceilings the call has."""
    f = figures.of(ask.call())
    if f.max_grant is not None and f.max_loan is not None:
        return max_project(ask)
    if f.max_loan is not None:
        return max_loan(ask)
    return max_grant(ask)


def min_generic(ask: Ask) -> Reply:
    f = figures.of(ask.call())
    if f.min_loan is not None:
        return min_loan(ask)
    return min_project(ask)


def budget(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    found = call.data.get("budget")
    if not found:
        return reply([say("budget.unknown", call=say.title(call)), say("check_official")])
    lines = [say("budget.amount", call=say.title(call), amount=say.money(found["amount_eur"]))]
    if gives_services(call):  # a budget of services: the firm receives no money
        lines.append(say("form.services", call=say.title(call)))
    if found.get("note"):
        lines.append(say.text(found["note"]))
    return reply(lines)


# The money questions a call that gives services (funding.form: services, Piano Export) answers
# with what it gives: "the maximum grant was not found" would suggest there is one.
SERVICES_ASPECTS = frozenset({"max_grant", "max_loan", "min_loan", "split", "funding_form", "own_share",
                              "aid_intensity", "max_generic", "min_generic", "max_project", "min_project",
                              "simulate", "loan_plan", "interest_rate", "loan_duration", "preamortisation",
                              "repayment"})


def gives_services(call: Call) -> bool:
    return call.funding.get("form") == "services"


def services(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [say("form.services", call=say.title(call)), _summary(say, call)]
    if call.data.get("budget"):
        lines.append(say("overview.budget", amount=say.money(call.data["budget"]["amount_eur"])))
    return reply(lines)
