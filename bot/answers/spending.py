"""Answers about what a call funds: the expense categories, whether an expense named in the
question is eligible, what is excluded, the caps and flat rates, when expenses count, and the
documents to submit.

An expense named in a question is matched against the words of the call's own categories and
excluded costs (their `keywords` in the call file), so "l'affitto di un ufficio" finds the
excluded rents and "tradurre il sito" the initiatives, with no wording kept in code.
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from bot.answers.ask import Ask
from bot.answers.reply import Reply, reply
from bot.answers.say import Say, cut_lines
from bot.catalogue import Call
from bot.funding import compute
from bot.profile import MAX_MONEY, Profile, VnmExpenses


def _category(call: Call, category_id: str) -> dict | None:
    return next((c for c in call.data.get("expense_categories", []) if c["id"] == category_id), None)


def _params(call: Call) -> dict:
    return dict(call.funding.get("params") or {})


def tagged(call: Call, aspect: str) -> list[dict]:
    """The call's texts (notes, expense rules, conditions) that say they answer `aspect`."""
    found = []
    for key in ("notes", "expense_rules", "conditions"):
        found += [item for item in call.data.get(key, []) if aspect in item.get("about", [])]
    return found


def _category_line(say: Say, category: dict) -> list[str]:
    lines = [say("category", title=say.text(category["title"]), text=say.text(category["description"]))]
    if category.get("cap"):
        lines.append(say.text(category["cap"]))
    return lines


def _excluded_items(call: Call) -> list[dict]:
    return list((call.data.get("excluded_costs") or {}).get("items", []))


def _rules(say: Say, call: Call) -> list[str]:
    return [say.text(rule["text"]) for rule in call.data.get("expense_rules", [])]


def expenses(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [say("heading.expenses", call=say.title(call))]
    for category in call.data["expense_categories"]:
        lines.append(say("category", title=say.text(category["title"]), text=say.text(category["description"])))
        if category.get("cap"):
            lines.append(say("cap_line", cap=say.text(category["cap"])))
    excluded = _excluded_items(call)
    lines.append(say("cost.excluded", items=say.listing(say.text(i) for i in excluded)) if excluded
                 else say("cost.excluded_unknown"))
    lines += _rules(say, call)
    if call.funding.get("summary"):
        lines.append(say.text(call.funding["summary"]))
    return reply(lines)


def excluded_costs(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    excluded = _excluded_items(call)
    if not excluded:
        return reply([say("cost.excluded_unknown_call", call=say.title(call)), say("check_official")])
    lines = [say("cost.excluded_call", call=say.title(call), items=say.listing(say.text(i) for i in excluded))]
    return reply(lines + _rules(say, call))


def _index(hit) -> int:
    return int(hit.item.split(":")[1])


def expense_item(ask: Ask) -> Reply:
    """"Posso mettere l'affitto?": yes (its category, its cap) or no (excluded), or both when both apply."""
    say, call = ask.say, ask.call()
    listed = _excluded_items(call)
    # An item read from another call's lists says nothing about this one (its index is that list's).
    items = [hit for hit in ask.inputs.items if hit.call_id in (None, call.id)
             and (_category(call, hit.item) if hit.kind == "eligible" else _index(hit) < len(listed))]
    if not items:
        return expenses(ask)
    lines = []
    excluded = [hit for hit in items if hit.kind == "excluded"]
    eligible = [hit for hit in items if hit.kind == "eligible"]
    if excluded:
        names = say.listing(say.text(listed[_index(hit)]) for hit in excluded)
        lines.append(say("item.excluded", call=say.title(call), items=names))
    for hit in eligible:
        category = _category(call, hit.item)
        key = "item.also_eligible" if excluded else "item.eligible"
        lines.append(say(key, call=say.title(call), category=say.text(category["title"])))
        lines.append(say.text(category["description"]))
        if category.get("cap"):
            lines.append(say.text(category["cap"]))
    lines += _rules(say, call)
    lines.append(say("item.check_call"))
    return reply(lines)


def _greatest(call: Call, line: str, spent: dict) -> Decimal | None:
    """The most the engine allows on `line` next to the other expenses (caps applied)."""
    probe = {**spent, line: MAX_MONEY}
    funding = compute(call.funding, None, Profile(vnm_expenses=VnmExpenses(**probe)), None)
    return next((cut.allowed for cut in funding.cuts if cut.item == line), None)


def _cap(ask: Ask, category_id: str, pct_param: str, heading: str) -> Reply:
    say, call = ask.say, ask.call()
    category = _category(call, category_id)
    pct = _params(call).get(pct_param)
    if category is None and pct is None:
        return reply([say("cap.none", call=say.title(call)), say("check_official")])
    lines = [say(heading, call=say.title(call), pct=say.the(pct)) if pct is not None else None]
    if category is not None:
        lines += _category_line(say, category)
    spent = ask.profile.vnm_expenses
    others = [name for name in ("consultancy", "initiatives", "training") if name != category_id]
    if pct is not None and all(getattr(spent, name) is not None for name in others):
        amounts = {name: getattr(spent, name) for name in others}
        allowed = _greatest(call, category_id, {**amounts, category_id: Decimal(0)})
        if allowed is not None:
            lines.append(say(f"cap.worked_{category_id}", allowed=say.money(allowed),
                             **{name: say.money(value) for name, value in amounts.items()}))
        if spent.complete:
            own = compute(call.funding, None, replace(ask.profile, loan_years=None, preamortisation_months=None), None)
            lines += cut_lines(say, call, own)
    return reply(lines)


def consultancy_cap(ask: Ask) -> Reply:
    return _cap(ask, "consultancy", "consultancy_cap_pct", "cap.consultancy")


def training_cap(ask: Ask) -> Reply:
    return _cap(ask, "training", "training_cap_pct", "cap.training")


def _flat(ask: Ask, category_id: str, pct_param: str, key: str) -> Reply:
    say, call = ask.say, ask.call()
    category, pct = _category(call, category_id), _params(call).get(pct_param)
    if category is None and pct is None:
        return reply([say("flat.none", call=say.title(call)), say("check_official")])
    lines = [say(key, call=say.title(call), pct=say.the(pct)) if pct is not None else None]
    if category is not None:
        lines.append(say.text(category["description"]))
    return reply(lines)


def staff_costs(ask: Ask) -> Reply:
    return _flat(ask, "staff_flat", "staff_flat_pct", "flat.staff")


def indirect_costs(ask: Ask) -> Reply:
    return _flat(ask, "indirect_flat", "indirect_flat_pct", "flat.indirect")


def expense_timing(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    rules = tagged(call, "expense_timing")
    if not rules:
        return reply([say("timing.unknown", call=say.title(call)), say("check_official")])
    lines = [say("timing.lead", call=say.title(call))]
    lines += [say.text(rule["text"]) for rule in rules]
    lines.append(say("timing.before"))
    return reply(lines)


def documents(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [say("heading.documents", call=say.title(call))]
    found = call.data.get("documents") or []
    for document in found:
        lines.append(say("category", title=say.text(document["title"]), text=say.text(document["description"])))
        if document.get("contents"):
            lines.append(say("documents.contents"))
            lines += [say("bullet", text=say.text(item)) for item in document["contents"]]
        category = _category(call, document.get("expense_category") or "")
        if category:
            lines.append(say("documents.funded", category=say.text(category["title"])))
            if category.get("cap"):
                lines.append(say.text(category["cap"]))
    lines.append(say("documents.check_call") if found else say("documents.unknown"))
    return reply(lines)
