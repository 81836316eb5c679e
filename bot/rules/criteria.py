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
_MONEY_FACTS = {"turnover_eur", "balance_sheet_eur", "investment_eur", "average_revenues_eur"}
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
    scope: Mapping[str, Any] | None = None  # the call's territorial scope (its `scope:` section)


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
        # a revenue-capped loan cannot be sized without the revenues: "the project amounts" would mislead
        key = "unknown_revenues" if "average_revenues_eur" in problem.keys else "unknown"
        return Check(cid, UNKNOWN, _reason(f"rules.funding_minimum.{key}"), list(problem.keys))
    if isinstance(problem, FundingInputError):
        return Check(cid, UNKNOWN, _reason("rules.funding_minimum.not_computable",
                                           problem=lambda lang: getattr(problem, f"message_{lang}")), [problem.field])
    funding = ctx.funding
    if funding is None or funding.minimum is None:
        raise ValueError(f"criterion {cid}: the call's funding model states no minimum")
    passed = not funding.below_minimum
    # A revenue-capped loan has its minimum on the financing, which the revenues may cap below it.
    key, amount = (("loan_", funding.aid_base) if funding.loan_range is not None else ("", funding.total_eligible))
    reason = _reason(f"rules.funding_minimum.{key}{'pass' if passed else 'fail'}",
                     total=lambda lang: fmt.money(lang, amount),
                     minimum=lambda lang: fmt.money(lang, funding.minimum))
    return Check(cid, PASS if passed else FAIL, reason)


def _listed(lang: str, kind: str, ids) -> str:
    return ", ".join(texts.t(lang, f"{kind}.{item}") for item in sorted(ids))


def holds_any(criterion: Mapping, ctx: Context) -> Check:
    """The firm holds at least one of `values` (e.g. an ISO 45001, ISO 14001 or SA8000 certification)."""
    fact, cid = criterion["fact"], criterion["id"]
    held = getattr(ctx.profile, fact)
    what = lambda lang: criterion["what"][lang]  # noqa: E731
    if held is None:
        return Check(cid, UNKNOWN, _reason("rules.is_true.unknown", what=what), [fact])
    passed = bool(set(held) & set(criterion["values"]))
    return Check(cid, PASS if passed else FAIL, _reason(f"rules.is_true.{'pass' if passed else 'fail'}", what=what))


def plan_fits(criterion: Mapping, ctx: Context) -> Check:
    """What the firm plans to do abroad is something this measure funds."""
    cid, plan, wanted = criterion["id"], ctx.profile.plan, criterion["plans"]
    funds = lambda lang: _listed(lang, "plan", wanted)  # noqa: E731
    if plan is None:
        return Check(cid, UNKNOWN, _reason("rules.plan_fits.unknown", funds=funds), ["plan"])
    if set(plan) & set(wanted):
        return Check(cid, PASS, _reason("rules.plan_fits.pass", funds=funds))
    return Check(cid, FAIL, _reason("rules.plan_fits.fail", funds=funds, plan=lambda lang: _listed(lang, "plan", plan)))


def target_market(criterion: Mapping, ctx: Context) -> Check:
    """The firm targets one of `countries` (ISO codes) or `areas`. A country in `unsure_countries`
    may or may not count (the measure's own list was not found): then it is unknown."""
    cid, markets = criterion["id"], ctx.profile.target_markets
    what = lambda lang: criterion["what"][lang]  # noqa: E731
    if markets is None:
        return Check(cid, UNKNOWN, _reason("rules.target_market.unknown", what=what), ["target_markets"])
    countries, areas = set(criterion.get("countries", ())), set(criterion.get("areas", ()))
    if markets & (countries | areas):
        return Check(cid, PASS, _reason("rules.target_market.pass", what=what))
    unsure = markets & set(criterion.get("unsure_countries", ()))
    if unsure:
        return Check(cid, UNKNOWN, _reason("rules.target_market.area_unsure", what=what, markets=", ".join(sorted(unsure))))
    return Check(cid, FAIL, _reason("rules.target_market.fail", what=what))


def chamber_territory(criterion: Mapping, ctx: Context) -> Check:
    """A chamber's call is only for firms with their operating site in the chamber's provinces
    (bot/geo/desks.yaml holds which provinces each chamber serves)."""
    from bot.geo.desks import desk_by_id

    cid, province = criterion["id"], ctx.profile.province
    desk = desk_by_id((ctx.scope or {}).get("chamber", ""))
    if desk is None:
        raise ValueError(f"criterion {cid}: the call's scope names no known chamber")
    chamber, provinces = desk.chamber, ", ".join(desk.provinces)
    if province is None:
        return Check(cid, UNKNOWN, _reason("rules.chamber_territory.unknown", chamber=chamber, provinces=provinces), ["province"])
    key = "pass" if province in desk.provinces else "fail"
    return Check(cid, PASS if key == "pass" else FAIL,
                 _reason(f"rules.chamber_territory.{key}", chamber=chamber, provinces=provinces, province=province))


def condition(criterion: Mapping, ctx: Context) -> Check:
    """A requirement the bot cannot check (only inside `any_of` and grant-share routes)."""
    return Check(criterion["id"], UNKNOWN, _reason("rules.condition.to_verify", text=lambda lang: criterion["text"][lang]))


def any_of(criterion: Mapping, ctx: Context) -> Check:
    """Met when one of its `options` is; failed only when every option fails."""
    checks = [evaluate(option, ctx) for option in criterion["options"]]
    passed = next((check for check in checks if check.result == PASS), None)
    if passed is not None:
        return Check(criterion["id"], PASS, passed.reason)
    joined = lambda lang, found: " ".join(c.reason[lang] for c in found)  # noqa: E731
    if all(check.result == FAIL for check in checks):
        return Check(criterion["id"], FAIL, _reason("rules.any_of.fail", reasons=lambda lang: joined(lang, checks)))
    unknown = [check for check in checks if check.result == UNKNOWN]
    missing = list(dict.fromkeys(key for check in unknown for key in check.missing))
    return Check(criterion["id"], UNKNOWN, _reason("rules.any_of.unknown", reasons=lambda lang: joined(lang, unknown)), missing)


def all_of(criterion: Mapping, ctx: Context) -> Check:
    """Met when every one of its `options` is (e.g. "an SME" and "exports at least 20%")."""
    checks = [evaluate(option, ctx) for option in criterion["options"]]
    joined = lambda lang, found: " ".join(c.reason[lang] for c in found)  # noqa: E731
    failed = [check for check in checks if check.result == FAIL]
    if failed:
        return Check(criterion["id"], FAIL, _reason("rules.all_of.fail", reasons=lambda lang: joined(lang, failed)))
    unknown = [check for check in checks if check.result == UNKNOWN]
    if unknown:
        missing = list(dict.fromkeys(key for check in unknown for key in check.missing))
        return Check(criterion["id"], UNKNOWN, _reason("rules.all_of.unknown", reasons=lambda lang: joined(lang, unknown)), missing)
    return Check(criterion["id"], PASS, _reason("rules.all_of.pass", reasons=lambda lang: joined(lang, checks)))


EVALUATORS: dict[str, Callable[[Mapping, Context], Check]] = {
    "sme_size": sme_size,
    "lombardy_site": lombardy_site,
    "at_most": at_most,
    "at_least": at_least,
    "within": within,
    "is_true": is_true,
    "possible_provinces": possible_provinces,
    "funding_minimum": funding_minimum,
    "holds_any": holds_any,
    "plan_fits": plan_fits,
    "target_market": target_market,
    "chamber_territory": chamber_territory,
    "condition": condition,
    "any_of": any_of,
    "all_of": all_of,
}


def evaluate(criterion: Mapping, ctx: Context) -> Check:
    return EVALUATORS[criterion["type"]](criterion, ctx)
