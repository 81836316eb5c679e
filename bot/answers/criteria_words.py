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
    return say("who.funding_minimum", minimum=say.money(Decimal(str(value))))


def criterion_sentence(say: Say, call: Call, criterion) -> str:
    kind, fact = criterion["type"], criterion.get("fact")
    label = say.engine(f"fact.{fact}") if fact else ""
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
    if kind in ("is_true", "possible_provinces"):
        return say.text(criterion["what"])
    if kind == "funding_minimum":
        return _minimum(say, call)
    raise ValueError(f"{call.id}: criterion type {kind!r} has no wording")


def requirements(say: Say, call: Call) -> list[str]:
    if call.audience != "sme":
        return [say("who.fair_organisers")]
    lines = [say("bullet", text=criterion_sentence(say, call, c)) for c in call.criteria]
    lines += [say("condition", text=say.text(c["text"])) for c in call.data.get("conditions", [])]
    return lines
