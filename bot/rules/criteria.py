"""Criterion evaluators: each turns one criterion of a call file into pass, fail or unknown.

A call file names a criterion `type`; this module holds one function per type, so the rule is
written once and every call reuses it with its own parameters (fact, limit, provinces...).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, Mapping

from bot import fmt, sme, texts
from bot.funding import Funding, FundingInputError, MissingFacts
from bot.money import to_decimal
from bot.profile import Profile

PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"

_PERCENT_FACTS = {"export_share_pct"}
_MONEY_FACTS = {"turnover_eur", "balance_sheet_eur", "investment_eur"}
_YEAR_FACTS = {"years_active"}


@dataclass(frozen=True)
class Check:
    criterion: str
    result: str
    reason: dict[str, str]
    missing: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"criterion": self.criterion, "result": self.result, "reason": self.reason}


@dataclass(frozen=True)
class Context:
    """What a criterion may look at: the profile, its size range and the call's funding outcome."""

    profile: Profile
    size: sme.SizeRange
    funding: Funding | None = None
    funding_problem: Exception | None = None  # MissingFacts or FundingInputError


def _reason(key: str, **values: Any) -> dict[str, str]:
    """The sentence in both languages; a value that is a function of the language is applied."""
    return {
        lang: texts.t(lang, key, **{k: (v(lang) if callable(v) else v) for k, v in values.items()})
        for lang in texts.LANGUAGES
    }


def _shown(fact: str, value: Any) -> Callable[[str], str]:
    """How a fact's value reads in each language (45%, 30.000,00 €, 3 anni)."""
    def render(lang: str) -> str:
        if fact in _PERCENT_FACTS:
            return fmt.percent(lang, value)
        if fact in _MONEY_FACTS:
            return fmt.money(lang, value)
        if fact in _YEAR_FACTS:
            return texts.t(lang, "unit.years", value=fmt.number(lang, to_decimal(value)))
        return fmt.number(lang, value)
    return render


def _label(fact: str) -> Callable[[str], str]:
    return lambda lang: texts.t(lang, f"fact.{fact}")


def _unknown_fact(criterion: Mapping, fact: str) -> Check:
    return Check(criterion["id"], UNKNOWN, _reason("rules.fact_unknown", label=_label(fact)), [fact])


def sme_size(criterion: Mapping, ctx: Context) -> Check:
    size = ctx.size
    if size.surely_large:
        return Check(criterion["id"], FAIL, _reason("rules.sme_size.fail"))
    if size.surely_sme and size.settled:
        name = size.settled
        return Check(criterion["id"], PASS, _reason("rules.sme_size.pass", size=lambda lang: texts.t(lang, f"sme.class.{name}")))
    if size.surely_sme:
        return Check(criterion["id"], PASS, _reason("rules.sme_size.pass_unsettled"))
    return Check(criterion["id"], UNKNOWN, _reason("rules.sme_size.unknown"), sme.missing_for_size(ctx.profile))


def _place(profile: Profile) -> str:
    return f"{profile.comune} ({profile.province})" if profile.comune else str(profile.province)


def lombardy_site(criterion: Mapping, ctx: Context) -> Check:
    from bot.geo.municipalities import in_lombardy

    profile, cid = ctx.profile, criterion["id"]
    if profile.lombardy_site is True:
        return Check(cid, PASS, _reason("rules.lombardy_site.pass_declared"))
    if profile.lombardy_site is False:
        return Check(cid, FAIL, _reason("rules.lombardy_site.fail_declared"))
    if profile.province:
        key = "pass" if in_lombardy(profile.province) else "fail"
        return Check(cid, PASS if key == "pass" else FAIL, _reason(f"rules.lombardy_site.{key}", place=_place(profile)))
    return Check(cid, UNKNOWN, _reason("rules.lombardy_site.unknown"), ["province"])


def _compare(criterion: Mapping, ctx: Context, ok: Callable[[Decimal, Decimal], bool], keys: tuple[str, str]) -> Check:
    """`keys` are the (pass, fail) sentences."""
    fact = criterion["fact"]
    value = getattr(ctx.profile, fact)
    if value is None:
        return _unknown_fact(criterion, fact)
    limit = to_decimal(criterion["limit"])
    passed = ok(to_decimal(value), limit)
    reason = _reason(keys[0] if passed else keys[1],
                     label=_label(fact), value=_shown(fact, value), limit=_shown(fact, limit))
    return Check(criterion["id"], PASS if passed else FAIL, reason)


def at_most(criterion: Mapping, ctx: Context) -> Check:
    if criterion.get("strict"):
        keys = ("rules.at_most.strict_pass", "rules.at_most.strict_fail")
        return _compare(criterion, ctx, lambda value, limit: value < limit, keys)
    keys = ("rules.at_most.pass", "rules.at_most.fail")
    return _compare(criterion, ctx, lambda value, limit: value <= limit, keys)


def at_least(criterion: Mapping, ctx: Context) -> Check:
    keys = ("rules.at_least.pass", "rules.at_least.fail")
    return _compare(criterion, ctx, lambda value, limit: value >= limit, keys)


def within(criterion: Mapping, ctx: Context) -> Check:
    fact = criterion["fact"]
    value = getattr(ctx.profile, fact)
    if value is None:
        return _unknown_fact(criterion, fact)
    low, high = to_decimal(criterion["min"]), to_decimal(criterion["max"])
    passed = low <= to_decimal(value) <= high
    reason = _reason(f"rules.within.{'pass' if passed else 'fail'}", label=_label(fact),
                     value=_shown(fact, value), low=_shown(fact, low), high=_shown(fact, high))
    return Check(criterion["id"], PASS if passed else FAIL, reason)


def is_true(criterion: Mapping, ctx: Context) -> Check:
    value = getattr(ctx.profile, criterion["fact"])
    what = lambda lang: criterion["what"][lang]  # noqa: E731 - a per-language value
    if value is None:
        return Check(criterion["id"], UNKNOWN, _reason("rules.is_true.unknown", what=what), [criterion["fact"]])
    return Check(criterion["id"], PASS if value else FAIL, _reason(f"rules.is_true.{'pass' if value else 'fail'}", what=what))


def possible_provinces(criterion: Mapping, ctx: Context) -> Check:
    """Only some provinces can hold the eligible areas; inside them the bot cannot decide."""
    what = lambda lang: criterion["what"][lang]  # noqa: E731
    province = ctx.profile.province
    if province is None:
        return Check(criterion["id"], UNKNOWN, _reason("rules.possible_provinces.unknown_province", what=what), ["province"])
    if province not in criterion["provinces"]:
        return Check(criterion["id"], FAIL, _reason("rules.possible_provinces.fail", province=province, what=what))
    return Check(criterion["id"], UNKNOWN, _reason("rules.possible_provinces.unknown", what=what))


def funding_minimum(criterion: Mapping, ctx: Context) -> Check:
    cid, problem = criterion["id"], ctx.funding_problem
    if isinstance(problem, MissingFacts):
        return Check(cid, UNKNOWN, _reason("rules.funding_minimum.unknown"), list(problem.keys))
    if isinstance(problem, FundingInputError):
        return Check(cid, UNKNOWN, _reason("rules.funding_minimum.not_computable",
                                           problem=lambda lang: getattr(problem, f"message_{lang}")), [problem.field])
    funding = ctx.funding
    if funding is None or funding.minimum is None:
        raise ValueError(f"criterion {cid}: the call's funding model states no minimum")
    passed = not funding.below_minimum
    reason = _reason(f"rules.funding_minimum.{'pass' if passed else 'fail'}",
                     total=lambda lang: fmt.money(lang, funding.total_eligible),
                     minimum=lambda lang: fmt.money(lang, funding.minimum))
    return Check(cid, PASS if passed else FAIL, reason)


EVALUATORS: dict[str, Callable[[Mapping, Context], Check]] = {
    "sme_size": sme_size,
    "lombardy_site": lombardy_site,
    "at_most": at_most,
    "at_least": at_least,
    "within": within,
    "is_true": is_true,
    "possible_provinces": possible_provinces,
    "funding_minimum": funding_minimum,
}


def evaluate(criterion: Mapping, ctx: Context) -> Check:
    return EVALUATORS[criterion["type"]](criterion, ctx)
