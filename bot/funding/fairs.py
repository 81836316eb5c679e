"""Grants for exhibiting at international fairs held in Lombardy (FACTS.md §2 and §3).

Model `fair_grant_by_exhibitor` (Fiere internazionali 2020-2022). Params:
    new:      {one_fair_pct: 50, more_fairs_pct: 60, max_grant: 15000}
    frequent: {one_fair_pct: 40, more_fairs_pct: 50, max_grant: 10000}
    micro_bonus_pct: 5      # added for micro enterprises
    startup_bonus_pct: 5    # added for start-ups (both bonuses can add up)
    minimum_expenses: 6000
Inputs: fairs.count, fairs.exhibitor, fairs.eligible_expenses; sme_class; profile.startup.

Model `fair_area_flat_rate` (Fiere internazionali 2024-2026). Params:
    eur_per_sqm: 440        # eligible space cost per square metre of stand
    staff_flat_pct: 20      # of the space cost
    indirect_flat_pct: 7    # of space + staff
    grant_pct: 50
    bonus_pct: 5            # once, for a micro enterprise OR a young start-up
    startup_max_years: 2    # a start-up is "young" when active for less than this
    max_grant: {new: 15000, frequent: 8000}
    minimum_total: 6000
Inputs: fairs.stand_sqm, fairs.exhibitor; sme_class; profile.startup, profile.years_active.

An unknown size or start-up status never earns a bonus (the estimate stays on the safe side);
the result records it as an assumption so the bot can say the grant may be higher.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

from bot.funding.flat_rates import FlatRates
from bot.funding.params import Params
from bot.funding.result import Cut, Funding, MissingFacts
from bot.money import cents, pct
from bot.profile import Profile

EXHIBITORS = ("new", "frequent")


def grant_by_exhibitor(params: Mapping[str, Any], loan_terms: Mapping | None, profile: Profile,
                       sme_class: str | None) -> Funding:
    model = "fair_grant_by_exhibitor"
    p = Params(f"funding.params ({model})", params)
    tiers = {kind: _tier(p.section(kind)) for kind in EXHIBITORS}
    micro_bonus, startup_bonus = p.percent("micro_bonus_pct"), p.percent("startup_bonus_pct")
    minimum = cents(p.amount("minimum_expenses"))

    fairs = profile.fairs
    _require(profile, ["fairs.count", "fairs.exhibitor", "fairs.eligible_expenses"])
    tier = tiers[fairs.exhibitor]
    rate = tier["one_fair_pct"] if fairs.count == 1 else tier["more_fairs_pct"]
    assumptions = []
    if sme_class == "micro":
        rate += micro_bonus
    elif sme_class is None:
        assumptions.append("micro_bonus_unknown")
    if profile.startup:
        rate += startup_bonus
    elif profile.startup is None:
        assumptions.append("startup_bonus_unknown")

    expenses = cents(fairs.eligible_expenses)
    grant, cuts = _capped_grant(expenses, rate, tier["max_grant"])
    return Funding(model, total_eligible=expenses, grant=grant, loan=cents(0),
                   own_contribution=expenses - grant, aid_base=expenses,
                   breakdown=(("eligible_expenses", expenses), ("total_eligible", expenses)),
                   cuts=cuts, below_minimum=expenses < minimum, minimum=minimum,
                   assumptions=tuple(assumptions), grant_pct=rate, loan_pct=Decimal(0))


def area_flat_rate(params: Mapping[str, Any], loan_terms: Mapping | None, profile: Profile,
                   sme_class: str | None) -> Funding:
    model = "fair_area_flat_rate"
    p = Params(f"funding.params ({model})", params)
    eur_per_sqm = p.amount("eur_per_sqm")
    rates = FlatRates(p.percent("staff_flat_pct"), p.percent("indirect_flat_pct"))
    grant_pct, bonus = p.percent("grant_pct"), p.percent("bonus_pct")
    startup_max_years = p.number("startup_max_years")
    caps = {kind: cents(p.section("max_grant").amount(kind)) for kind in EXHIBITORS}
    minimum = cents(p.amount("minimum_total"))

    _require(profile, ["fairs.stand_sqm", "fairs.exhibitor"])
    space = cents(profile.fairs.stand_sqm * eur_per_sqm)
    staff, indirect, total = rates.lines(space)
    earns_bonus, assumptions = _micro_or_young_startup(profile, sme_class, startup_max_years)
    rate = grant_pct + (bonus if earns_bonus else 0)
    grant, cuts = _capped_grant(total, rate, caps[profile.fairs.exhibitor])
    breakdown = (("stand_space", space), ("staff_flat", staff), ("indirect_flat", indirect),
                 ("total_eligible", total))
    return Funding(model, total_eligible=total, grant=grant, loan=cents(0),
                   own_contribution=total - grant, aid_base=total, breakdown=breakdown,
                   cuts=cuts, below_minimum=total < minimum, minimum=minimum,
                   assumptions=assumptions, grant_pct=rate, loan_pct=Decimal(0))


def _tier(section: Params) -> dict[str, Decimal]:
    return {"one_fair_pct": section.percent("one_fair_pct"),
            "more_fairs_pct": section.percent("more_fairs_pct"),
            "max_grant": cents(section.amount("max_grant"))}


def _micro_or_young_startup(profile: Profile, sme_class: str | None,
                            startup_max_years: Decimal) -> tuple[bool, tuple[str, ...]]:
    """Whether the single bonus applies, and the unknowns the answer rests on."""
    if sme_class == "micro":
        return True, ()
    if profile.startup:
        if profile.years_active is None:
            return True, ("startup_age_unknown",)
        if profile.years_active < startup_max_years:
            return True, ()
    unknown = []
    if sme_class is None:
        unknown.append("micro_bonus_unknown")
    if profile.startup is None:
        unknown.append("startup_bonus_unknown")
    return False, tuple(unknown)


def _capped_grant(base: Decimal, rate_pct: Decimal, max_grant: Decimal) -> tuple[Decimal, tuple[Cut, ...]]:
    uncapped = cents(base * pct(rate_pct))
    if uncapped > max_grant:
        return max_grant, (Cut("grant", uncapped, max_grant, "grant_cap"),)
    return uncapped, ()


def _require(profile: Profile, keys: list[str]) -> None:
    missing = [key for key in keys if not profile.has(key)]
    if missing:
        raise MissingFacts(missing)
