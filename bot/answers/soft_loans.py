"""Answers about the money of a revenue-capped loan (SIMEST Fondo 394/81, model
`revenue_capped_loan`): what one may ask for (the lower of a share of the average revenues of
the last two balance sheets and a cap, flat or by size), the grant share earned only through its
criteria, and a repayment plan on an amount asked.

Such a measure lends an amount rather than covering a share of expenses, so the generic money
answers (shares of expenses, ceilings of eligible costs) would say "not found" where the file
does say how the aid is set: these answers word it as the file gives it. The engine
(bot.funding.soft_loan) computes the firm's own range once its revenues are known.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Callable

from bot import sme
from bot.answers.ask import Ask
from bot.answers.criteria_words import criterion_sentence, lower_first
from bot.answers.reply import Reply, reply
from bot.answers.say import Say, plan_lines, status_of, status_sentence
from bot.catalogue import Call
from bot.funding import FundingInputError, MissingFacts, compute, plan_within_terms
from bot.money import to_decimal
from bot.status import OPEN

MODEL = "revenue_capped_loan"
SIZES = ("micro", "small", "medium", "large")


def is_capped(call: Call) -> bool:
    return call.funding["model"] == MODEL


def _params(call: Call) -> dict:
    return dict(call.funding.get("params") or {})


def range_lines(say: Say, call: Call) -> list[str]:
    """From how much to how much the firm may ask, as the file sets it."""
    p = _params(call)
    title, least, share = say.title(call), say.money(p["min_loan"]), say.the(p["revenue_cap_pct"])
    if p.get("max_loan") is not None:
        lines = [say("soft.range_flat", call=title, min=least, max=say.money(p["max_loan"]), pct=share)]
    else:
        caps = p["max_loan_by_size"]
        listed = say.listing(say("soft.size_cap", size=say.engine(f"sme.class.{size}"), amount=say.money(caps[size]))
                             for size in SIZES)
        lines = [say("soft.range_by_size", call=title, min=least, pct=share, caps=listed)]
    if p.get("last_balance_sheet_up_to") is not None:
        lines.append(say("soft.last_balance_sheet", amount=say.money(p["last_balance_sheet_up_to"]), pct=share))
    return lines


def _part(say: Say, call: Call, criterion) -> str:
    if criterion["type"] == "sme_size":  # inside a route, "an SME" reads better than the size rule
        return say("soft.an_sme")
    return criterion_sentence(say, call, criterion)


def _route_sentence(say: Say, call: Call, route) -> str:
    if route["type"] == "all_of":  # "an SME and exports at least 20%": both, in one line
        parts = [_part(say, call, option) for option in route["options"]]
        return say.listing([parts[0], *(lower_first(part) for part in parts[1:])])
    return _part(say, call, route)


def grant_lines(say: Say, call: Call) -> list[str]:
    """Each grant-share tier with the criteria that earn it; none means a loan only."""
    share = _params(call).get("grant_share")
    if not share:
        return [say("soft.no_grant_share", call=say.title(call))]
    lines = []
    for tier in share["tiers"]:
        values = {"pct": say.the(tier["pct"]), "pct_to": say.the(tier["pct"], "a"), "max": say.money(tier["max_eur"])}
        if not tier.get("routes"):
            lines.append(say("soft.grant_tier_all", **values))
            continue
        lines.append(say("soft.grant_tier", **values))
        lines += [say("bullet", text=_route_sentence(say, call, route)) for route in tier["routes"]]
    if any(tier.get("routes") for tier in share["tiers"]):
        lines.append(say("soft.grant_else"))
    return lines


def firm_lines(ask: Ask, call: Call) -> list[str]:
    """The firm's own range and split, when its revenues are known (else what is needed)."""
    say = ask.say
    try:
        funding = compute(call.funding, call.loan, ask.profile, sme.size_class(ask.profile))
    except (MissingFacts, FundingInputError):
        return [say("soft.needs_revenues")]
    span = funding.loan_range
    lines = [say("soft.yours", min=say.money(span.minimum), max=say.money(span.maximum))]
    if funding.grant:
        lines.append(say("soft.yours_grant", grant=say.money(funding.grant), loan=say.money(funding.loan)))
    return lines


def _terms(ask: Ask, lead: str | None = None) -> Reply:
    say, call = ask.say, ask.call()
    lines = [say(lead, call=say.title(call)) if lead else None, *range_lines(say, call), *firm_lines(ask, call),
             *grant_lines(say, call)]
    return reply(lines)


def amounts(ask: Ask) -> Reply:
    """The most and least one may ask (max_loan, min_loan, max_project...)."""
    return _terms(ask)


def form(ask: Ask) -> Reply:
    """"Is it a grant?" / how the aid divides: a loan, part of which may be a grant."""
    return _terms(ask, "soft.form")


def no_share(ask: Ask) -> Reply:
    """Coverage or own share asked: the file gives no share of expenses, only the amounts."""
    return _terms(ask, "soft.no_share")


def max_grant(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    return reply([say("heading.call", call=say.title(call)), *grant_lines(say, call)])


def _financing_plan(ask: Ask) -> Reply:
    """A plan on the amount asked, all of it as loan (the grant share only counts on its criteria)."""
    say, call = ask.say, ask.call()
    amount = ask.amount()
    if amount is None:
        return reply([say("soft.ask_amount", call=say.title(call)), *range_lines(say, call)])
    p = _params(call)
    lines = [say("soft.on_amount", call=say.title(call), amount=say.money(amount))]
    if amount < to_decimal(p["min_loan"]):
        return reply(lines + [say("soft.below_min", min=say.money(p["min_loan"])), *range_lines(say, call)])
    top = p.get("max_loan") or max(p.get("max_loan_by_size", {}).values(), default=None)
    if top is not None and amount > to_decimal(top):
        return reply(lines + [say("soft.over_max", max=say.money(top)), *range_lines(say, call)])
    if not call.loan:
        return reply(lines + range_lines(say, call))
    try:
        plan, assumed = plan_within_terms(Decimal(amount), call.loan, ask.years(), ask.months())
    except FundingInputError as problem:
        return reply(lines + [problem.message_it if say.lang == "it" else problem.message_en])
    lines += plan_lines(say, plan)
    if call.loan.get("note"):  # e.g. that only interest is paid in pre-amortisation is assumed
        lines.append(say.text(call.loan["note"]))
    lines += [say("soft.caps_apply"), *range_lines(say, call)]
    state = status_of(call, ask.today)
    if state.status != OPEN:
        lines.append(status_sentence(say, call, state))
    return reply(lines + [say("disclaimer")])


simulate = _financing_plan
loan_plan = _financing_plan

# The generic money answers a revenue-capped loan answers its own way (bot.answers.HANDLERS).
ANSWERS: dict[str, Callable[[Ask], Reply]] = {
    "max_loan": amounts, "min_loan": amounts, "max_generic": amounts, "min_generic": amounts,
    "max_project": amounts, "min_project": amounts, "split": form, "funding_form": form,
    "aid_intensity": no_share, "own_share": no_share, "max_grant": max_grant,
    "simulate": simulate, "loan_plan": loan_plan,
}
