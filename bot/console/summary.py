"""The orientation summary: one printable HTML page of what Orienta found for a firm (its facts,
each call's verdict with the figures and loan plan, the desk, the next steps, the date and the
sources), in the firm's language.

`render_summary()` is pure: facts in, HTML out, no database. The console uses it for an
enquiry's page (/enquiry/<ref>/summary) and for the signed link of a conversation
(/summary/<token>, see bot/summary_links.py), where the facts and language come from the
conversation's slots in the tracker store.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Mapping

from bot import fmt, texts
from bot.assess import assess
from bot.catalogue import Catalogue, default_catalogue
from bot.console.templating import templates
from bot.profile import Profile

PROFILE_ORDER = ("employees", "turnover_eur", "balance_sheet_eur", "comune", "province", "lombardy_site",
                 "export_share_pct", "approved_balance_sheets", "years_active", "startup", "craft_enterprise",
                 "partner_or_linked", "investment_eur", "vnm_expenses.consultancy", "vnm_expenses.initiatives",
                 "vnm_expenses.training", "fairs.count", "fairs.exhibitor", "fairs.stand_sqm",
                 "fairs.eligible_expenses", "loan_years", "preamortisation_months")
MONEY_FACTS = {"turnover_eur", "balance_sheet_eur", "investment_eur", "vnm_expenses.consultancy",
               "vnm_expenses.initiatives", "vnm_expenses.training", "fairs.eligible_expenses"}


def _fact_value(lang: str, key: str, value: Any) -> str:
    if isinstance(value, bool):
        return texts.t(lang, "console.yes" if value else "console.no")
    if key in MONEY_FACTS:
        return fmt.money(lang, value)
    if key == "export_share_pct":
        return fmt.percent(lang, value)
    if isinstance(value, (int, float)) or key in ("years_active", "fairs.stand_sqm"):
        return fmt.number(lang, value)
    return str(value)


def profile_lines(profile: Profile, lang: str) -> list[tuple[str, str]]:
    lines = []
    for key in PROFILE_ORDER:
        value: Any = profile
        for part in key.split("."):
            value = getattr(value, part, None)
        if value is not None:
            lines.append((texts.t(lang, f"answers.label.{key}"), _fact_value(lang, key, value)))
    return lines


def render_summary(profile: Profile, lang: str, today: dt.date | None = None, reference: str | None = None,
                   catalogue: Catalogue | None = None, desk_id: str | None = None) -> str:
    """The summary page for these facts on `today`, in `lang` ("it" or "en")."""
    from bot.geo.desks import desk_by_id

    lang = lang if lang in texts.LANGUAGES else texts.DEFAULT_LANGUAGE
    result = assess(profile, today=today, catalogue=catalogue or default_catalogue())
    desk = desk_by_id(desk_id) if desk_id else result.desk()
    size = result.sme_class
    return templates().get_template("summary.html").render(
        lang=lang, t=lambda key, **values: texts.t(lang, key, **values), fmt=fmt, reference=reference,
        today=result.today, verdicts=result.verdicts, facts=profile_lines(profile, lang), desk=desk,
        size=texts.t(lang, f"sme.class.{size}") if size else None, sources=_sources)


def _sources(call) -> list[Mapping[str, Any]]:
    return [{"title": item.get("title", key), "url": item.get("url")} for key, item in call.data["sources"].items()]
