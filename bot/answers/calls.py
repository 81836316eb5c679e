"""Answers about one call, read from its file: overview, status, what it funds, costs and caps,
the grant/loan split, the loan, the procedure, how to apply, documents and who may apply.

Every figure comes from the call's data or from the engine (bot.funding): changing a call file
changes these answers, with no change to the dialogue's training data or responses.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from bot.answers import criteria_words, estimates
from bot.answers.ask import Ask
from bot.answers.reply import Reply, reply, topic_button
from bot.answers.say import (Say, cut_lines, frequency, plan_lines, split_line, status_of,
                             status_sentence, topic_lines, window_lines)
from bot.catalogue import Call
from bot.funding import compute
from bot.profile import MAX_MONEY, Profile, VnmExpenses
from bot.status import CLOSED, OPEN

FLAT_RATE_MIXED = "flat_rate_mixed"


def _heading(say: Say, topic: str, call: Call) -> str:
    return say(f"heading.{topic}", call=say.title(call))


def _buttons(say: Say, call: Call, *topics: str):
    return [topic_button(say(f"button.{topic}"), topic, call_id=call.id) for topic in topics]


def _params(call: Call) -> dict:
    return dict(call.funding.get("params") or {})


def overview(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [_heading(say, "call_overview", call), say.text(call.data["summary"]),
             status_sentence(say, call, status_of(call, ask.today))]
    if call.data.get("managing_body"):
        lines.append(say("overview.managed_by", body=say.text(call.data["managing_body"]["text"])))
    if call.data.get("budget"):
        lines.append(say("overview.budget", amount=say.money(call.data["budget"]["amount_eur"])))
    if call.data.get("project_duration"):
        lines.append(say("overview.duration", text=say.text(call.data["project_duration"]["text"])))
    return reply(lines, _buttons(say, call, "call_who", "call_funds", "call_split", "call_apply"))


def status(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    state = status_of(call, ask.today)
    lines = [_heading(say, "call_status", call), status_sentence(say, call, state), *window_lines(say, call, state)]
    buttons = []
    later = (call.data.get("next_edition") or {}).get("call_id")
    if later and state.status == CLOSED and later in ask.catalogue.ids():
        buttons.append(topic_button(say.title(ask.catalogue.get(later)), "call_status", call_id=later))
    return reply(lines, buttons)


def funds(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [_heading(say, "call_funds", call)]
    lines += [say("category", title=say.text(c["title"]), text=say.text(c["description"]))
              for c in call.data["expense_categories"]]
    return reply(lines, _buttons(say, call, "call_costs"))


def costs(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [_heading(say, "call_costs", call)]
    for category in call.data["expense_categories"]:
        title = say.text(category["title"])
        cap = category.get("cap")
        lines.append(say("cost.capped", title=title, cap=say.text(cap)) if cap else say("bullet", text=title))
    excluded = call.data.get("excluded_costs")
    if excluded:
        lines.append(say("cost.excluded", items=say.listing(say.text(i) for i in excluded["items"])))
    else:
        lines.append(say("cost.excluded_unknown"))
    lines += [say.text(rule["text"]) for rule in call.data.get("expense_rules", [])]
    if call.funding["model"] == FLAT_RATE_MIXED:
        lines += _consultancy_worked(ask, call)
    return reply(lines, _buttons(say, call, "call_split"))


def _consultancy_worked(ask: Ask, call: Call) -> list[str]:
    """The greatest consultancy the engine allows for this firm's initiatives and training."""
    say, spent = ask.say, ask.profile.vnm_expenses
    amount = ask.amount()
    if spent.initiatives is not None and spent.training is not None:
        initiatives, training, assumed = spent.initiatives, spent.training, False
    elif amount is not None:
        initiatives, training, assumed = amount, Decimal(0), True
    else:
        return []
    probe = Profile(vnm_expenses=VnmExpenses(consultancy=MAX_MONEY, initiatives=initiatives, training=training))
    funding = compute(call.funding, None, probe, None)
    allowed = next((cut.allowed for cut in funding.cuts if cut.item == "consultancy"), None)
    if allowed is None:
        return []
    lines = [say("cost.consultancy_max", initiatives=say.money(initiatives), training=say.money(training),
                 allowed=say.money(allowed))]
    if assumed:
        lines.append(say("cost.assumed_initiatives", amount=say.money(amount)))
    if spent.complete:
        own = compute(call.funding, None, replace(ask.profile, loan_years=None, preamortisation_months=None), None)
        lines += cut_lines(say, call, own)
    return lines


def split(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [_heading(say, "call_split", call)]
    if call.funding["model"] != FLAT_RATE_MIXED:
        lines.append(say.text(call.funding["summary"]) if call.funding.get("summary") else say("split.unknown"))
        return reply(lines)
    ceiling = compute(call.funding, None, Profile(vnm_expenses=VnmExpenses(0, MAX_MONEY, 0)), None)
    grant_pct, loan_pct = ceiling.grant_pct, ceiling.loan_pct
    lines.append(say("split.rates", grant=say.percent(grant_pct), loan=say.percent(loan_pct),
                     own=say.percent(100 - grant_pct - loan_pct), aid=say.percent(grant_pct + loan_pct)))
    if any(cut.rule == "max_aid_base" for cut in ceiling.cuts):
        lines.append(say("split.maxima", grant=say.money(ceiling.grant), loan=say.money(ceiling.loan),
                         base=say.money(ceiling.aid_base)))
    worked = estimates.worked(ask, call)
    if worked is not None:
        base = worked.amount if worked.basis == "amount" else worked.funding.total_eligible
        lines.append(say(f"split.worked_{worked.basis}", amount=say.money(base)))
        lines.append(split_line(say, worked.funding))
    buttons = _buttons(say, call, "call_loan") if call.loan else []
    return reply(lines, buttons)


def loan(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [_heading(say, "call_loan", call)]
    terms = call.loan
    if not terms:
        model, kind = call.funding["model"], _params(call).get("kind")
        if model == "none" or kind == "loan":
            lines.append(say.text(call.funding["summary"]) if call.funding.get("summary") else say("loan.unknown"))
        else:
            lines.append(say("loan.none"))
        return reply(lines)
    lines.append(say("loan.terms", rate=say.percent(terms["rate_pct"]), min_years=terms["min_years"],
                     max_years=terms["max_years"], max_months=terms["max_preamortisation_months"],
                     frequency=frequency(say, terms["payments_per_year"])))
    if terms.get("note"):
        lines.append(say.text(terms["note"]))
    lines.append(say("loan.french"))
    worked = estimates.worked(ask, call)
    if worked is None or worked.funding.loan_plan is None:
        return reply(lines)
    lines.append(say(f"loan.example_{worked.basis}", amount=say.money(worked.amount or 0)))
    lines += plan_lines(say, worked.funding.loan_plan)
    return reply(lines, estimates.year_buttons(ask, call, worked.amount, skip=worked.funding.loan_plan.years))


def procedure(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [_heading(say, "call_procedure", call), say.text(call.data["procedure"]["text"])]
    return reply(lines, _buttons(say, call, "call_status"))


def apply(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    state = status_of(call, ask.today)
    lines = [_heading(say, "call_apply", call)]
    if state.status != OPEN:
        lines.append(status_sentence(say, call, state))
    portal = call.data.get("portal")
    if portal:
        lines += topic_lines(say, ask.topics.get(portal), with_title=False)
    if call.data.get("how_to_apply"):
        lines.append(say.text(call.data["how_to_apply"]["text"]))
    if not portal and not call.data.get("how_to_apply"):
        lines.append(say("apply.unknown"))
    lines.append(say("apply.help"))
    buttons = _buttons(say, call, "call_documents") if call.data.get("documents") else []
    return reply(lines, buttons + [topic_button(say("button.desk"), "desk")])


def documents(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [_heading(say, "call_documents", call)]
    found = call.data.get("documents") or []
    categories = {c["id"]: c for c in call.data["expense_categories"]}
    for document in found:
        lines.append(say("category", title=say.text(document["title"]), text=say.text(document["description"])))
        if document.get("contents"):
            lines.append(say("documents.contents"))
            lines += [say("bullet", text=say.text(item)) for item in document["contents"]]
        category = categories.get(document.get("expense_category"))
        if category:
            lines.append(say("documents.funded", category=say.text(category["title"])))
            if category.get("cap"):
                lines.append(say.text(category["cap"]))
    lines.append(say("documents.check_call") if found else say("documents.unknown"))
    return reply(lines, _buttons(say, call, "call_apply"))


def who(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [_heading(say, "call_who", call)]
    lines += criteria_words.requirements(say, call)
    return reply(lines, _buttons(say, call, "call_overview"))

