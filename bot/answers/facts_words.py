"""The profile's facts in words: the summary of what the bot knows, and the facts a correction
changed ("Con l'export al 45% ...")."""
from __future__ import annotations

from typing import Any

from bot import sme
from bot.answers.say import Say
from bot.profile import Profile

# (input key, how its value reads), in the order a person tells their company.
FACTS: tuple[tuple[str, str], ...] = (
    ("employees", "number"), ("turnover_eur", "money"), ("balance_sheet_eur", "money"),
    ("partner_or_linked", "bool"), ("comune", "place"), ("province", "place"),
    ("lombardy_site", "bool"), ("export_share_pct", "percent"),
    ("approved_balance_sheets", "number"), ("years_active", "number"), ("startup", "bool"),
    ("craft_enterprise", "bool"), ("investment_eur", "money"),
    ("vnm_expenses.consultancy", "money"), ("vnm_expenses.initiatives", "money"),
    ("vnm_expenses.training", "money"), ("loan_years", "number"),
    ("preamortisation_months", "number"), ("fairs.count", "number"), ("fairs.exhibitor", "exhibitor"),
    ("fairs.stand_sqm", "number"), ("fairs.eligible_expenses", "money"),
)


def _value(profile: Profile, key: str) -> Any:
    value: Any = profile
    for part in key.split("."):
        value = getattr(value, part, None)
    return value


def _shown(say: Say, profile: Profile, key: str, kind: str) -> str:
    value = _value(profile, key)
    if kind == "money":
        return say.money(value)
    if kind == "percent":
        return say.percent(value)
    if kind == "bool":
        return say("yes" if value else "no")
    if kind == "exhibitor":
        return say(f"exhibitor.{value}")
    if kind == "place":
        if key == "comune":
            return say("place.comune_bare", comune=profile.comune, province=profile.province)
        return str(value)
    return say.number(value)


def _facts_known(profile: Profile) -> list[tuple[str, str]]:
    known = [(key, kind) for key, kind in FACTS if _value(profile, key) is not None]
    if profile.comune:  # the municipality already names its province
        known = [(key, kind) for key, kind in known if key != "province"]
    return known


def render_profile(profile: Profile, lang: str) -> str:
    """"Ecco cosa so di voi: ..." — every known fact, one line each, and the size it implies."""
    say = Say(lang)
    known = _facts_known(profile)
    if not known:
        return say("profile.empty")
    lines = [say("profile.heading")]
    lines += [say("profile.line", label=say(f"label.{key}"), value=_shown(say, profile, key, kind))
              for key, kind in known]
    size = sme.size_class(profile)
    if size:
        lines.append(say("profile.line", label=say("label.size"), value=say.engine(f"sme.class.{size}")))
    return "\n".join(lines)


def changed_facts(say: Say, before: Profile, after: Profile) -> str:
    """The facts whose value differs, as a phrase: "l'export al 45% e 60 dipendenti"."""
    phrases = []
    for key, kind in FACTS:
        old, new = _value(before, key), _value(after, key)
        if old == new or (key == "province" and after.comune and after.comune != before.comune):
            continue
        if new is None:
            phrases.append(say("change.fact_removed", label=say(f"label.{key}").lower()))
        elif kind == "bool":
            phrases.append(say(f"change.fact.{key}.{'true' if new else 'false'}"))
        else:
            phrases.append(say(f"change.fact.{key}", value=_shown(say, after, key, kind)))
    return say.listing(phrases)
