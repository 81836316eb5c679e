"""A call's criteria in words ("who may apply"), read from the typed criteria of its file.

One sentence per criterion type, so a new call with the same types needs no new wording; the
fact labels are the engine's own (bot/texts/*/rules.yaml), the values formatted per language.
"""
from __future__ import annotations

from decimal import Decimal

from bot.answers.say import Say
from bot.catalogue import Call
from bot.money import to_decimal

_PERCENT_FACTS = {"export_share_pct"}
_MONEY_FACTS = {"turnover_eur", "balance_sheet_eur", "investment_eur"}
_YEAR_FACTS = {"years_active"}
# Where each funding model keeps the smallest project it accepts (see bot/funding/*).
_MINIMUM_PARAM = {
    "flat_rate_mixed": "minimum_total",
    "fair_area_flat_rate": "minimum_total",
    "fair_grant_by_exhibitor": "minimum_expenses",
    "percent_of_investment": "minimum_investment",
    "revenue_capped_loan": "min_loan",  # SIMEST: the minimum is on the financing asked
}


def shown(say: Say, fact: str, value) -> str:
    """A fact's value as it reads: 40%, 30.000,00 €, 2 anni, 2."""
    value = to_decimal(value)
    if fact in _PERCENT_FACTS:
        return say.percent(value)
    if fact in _MONEY_FACTS:
        return say.money(value)
    if fact in _YEAR_FACTS:
        return say.engine("unit.years", value=say.number(value))
    return say.number(value)


def _minimum(say: Say, call: Call) -> str:
    name = _MINIMUM_PARAM.get(call.funding["model"])
    value = (call.funding.get("params") or {}).get(name) if name else None
    if value is None:
        return say("who.funding_minimum_unknown")
    key = "who.funding_minimum_loan" if name == "min_loan" else "who.funding_minimum"
    return say(key, minimum=say.money(Decimal(str(value))))


def _chamber(say: Say, call: Call) -> str:
    from bot.geo.desks import desk_by_id

    desk = desk_by_id(call.scope.get("chamber", ""))
    if desk is None:  # the catalogue's load refuses such a file: only an edited preview gets here
        return say("who.chamber_territory_unknown")
    return say("who.chamber_territory", chamber=desk.chamber, provinces=", ".join(desk.provinces))


def lower_first(text: str) -> str:
    """A fact label ("Exports ...") in mid-sentence; "ISO ..." stays as it is."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def _options(say: Say, call: Call, criterion, key: str) -> str:
    """any_of / all_of: the alternatives (or the requirements together), each worded as its own."""
    parts = [lower_first(criterion_sentence(say, call, option)) for option in criterion["options"]]
    return say(key, options="; ".join(parts))


def criterion_sentence(say: Say, call: Call, criterion) -> str:
    kind, fact = criterion["type"], criterion.get("fact")
    # only the comparisons name their fact (holds_any, is_true carry their own `what`)
    label = say.engine(f"fact.{fact}") if kind in ("at_most", "at_least", "within") else ""
    if kind == "sme_size":
        return say("who.sme_size")
    if kind == "lombardy_site":
        return say("who.lombardy_site")
    if kind == "at_most":
        key = "who.below" if criterion.get("strict") else "who.at_most"
        return say(key, label=label, limit=shown(say, fact, criterion["limit"]))
    if kind == "at_least":
        return say("who.at_least", label=label, limit=shown(say, fact, criterion["limit"]))
    if kind == "within":
        return say("who.within", label=label, low=shown(say, fact, criterion["min"]),
                   high=shown(say, fact, criterion["max"]))
    if kind in ("is_true", "possible_provinces", "holds_any"):
        return say.text(criterion["what"])
    if kind == "funding_minimum":
        return _minimum(say, call)
    if kind == "plan_fits":
        plans = [say.engine(f"plan.{plan}") for plan in criterion["plans"]]
        return say("who.plan_fits", plans=say.listing(plans))
    if kind == "target_market":
        return say("who.target_market", what=say.text(criterion["what"]))
    if kind == "chamber_territory":
        return _chamber(say, call)
    if kind == "condition":
        return say("who.condition", text=say.text(criterion["text"]))
    if kind == "any_of":
        return _options(say, call, criterion, "who.any_of")
    if kind == "all_of":
        return _options(say, call, criterion, "who.all_of")
    raise ValueError(f"{call.id}: criterion type {kind!r} has no wording")


def requirements(say: Say, call: Call) -> list[str]:
    if call.audience != "sme":
        return [say("who.fair_organisers")]
    lines = [say("bullet", text=criterion_sentence(say, call, c)) for c in call.criteria]
    lines += [say("condition", text=say.text(c["text"])) for c in call.data.get("conditions", [])]
    return lines
