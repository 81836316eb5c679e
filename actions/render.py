"""The verdict on one call as chat messages, in the conversation's language.

Reads the engine's `assess().to_dict()` and only words it: every figure, reason and date
comes from the engine; the sentences come from bot/texts/{it,en}/chat.yaml.
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

from bot import fmt, texts
from bot.texts import t


def localized(value: Any, lang: str) -> str:
    """Engine text is either {"it": ..., "en": ...} or already a plain string."""
    if isinstance(value, dict):
        return value.get(lang) or value.get(texts.DEFAULT_LANGUAGE) or ""
    return str(value)


def _has(lang: str, key: str) -> bool:
    return key in texts.catalogue(lang)


def choices(lang: str, options: Iterable[Any]) -> str:
    """"Seriate (BG) o Castro (LE)" / "... or ..."."""
    return t(lang, "chat.options_or").join(str(option) for option in options)


def _day(raw: str | None) -> dt.date | None:
    return dt.date.fromisoformat(raw) if raw else None


def verdict_line(call: dict[str, Any], lang: str) -> str:
    outcome = {True: "eligible", False: "not_eligible", None: "unknown"}[call["eligible"]]
    return t(lang, f"chat.verdict.{outcome}", call=localized(call["title"], lang))


def reasons(call: dict[str, Any], lang: str) -> str:
    lines = [t(lang, "chat.verdict.reasons")]
    lines += [t(lang, f"chat.check.{check['result']}", reason=localized(check["reason"], lang))
              for check in call["checks"]]
    return "\n".join(lines)


def status_line(call: dict[str, Any], lang: str) -> str:
    status = call["status"]
    closes, opens = _day(call.get("closes")), _day(call.get("opens"))
    if status == "open":
        if closes is None:
            return t(lang, "chat.status.open_undated")
        if call.get("days_left") == 0:
            return t(lang, "chat.status.open_last_day", closes=fmt.date(lang, closes))
        return t(lang, "chat.status.open", closes=fmt.date(lang, closes), days=call["days_left"])
    if status == "closed":
        if closes is None:
            return t(lang, "chat.status.closed_undated")
        return t(lang, "chat.status.closed", closes=fmt.date(lang, closes))
    if status == "upcoming":
        if opens is None:
            return t(lang, "chat.status.upcoming_undated")
        return t(lang, "chat.status.upcoming", opens=fmt.date(lang, opens))
    return t(lang, "chat.status.announced")


def _item(lang: str, item: str) -> str:
    key = f"chat.item.{item}"
    return t(lang, key) if _has(lang, key) else item


def funding_lines(funding: dict[str, Any], lang: str) -> list[str]:
    money = lambda value: fmt.money(lang, value)  # noqa: E731 - a local shorthand
    lines = [t(lang, "chat.funding.title")]
    lines += [t(lang, f"chat.funding.{name}", amount=money(funding[name]))
              for name in ("total_eligible", "grant", "loan", "own_contribution")]
    messages = ["\n".join(lines)]
    if funding.get("breakdown"):
        items = ", ".join(t(lang, "chat.funding.breakdown_item", item=_item(lang, row["item"]),
                            amount=money(row["amount"])) for row in funding["breakdown"])
        messages.append(t(lang, "chat.funding.breakdown", items=items))
    for cut in funding.get("cuts") or []:
        messages.append(t(lang, "chat.funding.cut", item=_item(lang, cut["item"]),
                          requested=money(cut["requested"]), allowed=money(cut["allowed"])))
    if funding.get("below_minimum"):
        messages.append(t(lang, "chat.funding.below_minimum", total=money(funding["total_eligible"]),
                          minimum=money(funding["minimum"])))
    if funding.get("instalments"):
        if funding.get("interest_only_payments"):
            messages.append(t(lang, "chat.funding.interest_only", count=funding["interest_only_payments"]))
        messages.append(t(
            lang, "chat.funding.instalments", count=funding["instalments"],
            instalment=money(funding["instalment"]), months=12 // int(funding.get("payments_per_year") or 2),
            rate=fmt.percent(lang, funding["rate_pct"]), years=funding["years"],
        ))
    assumptions = [t(lang, f"chat.assumption.{key}", years=funding.get("years"),
                     months=funding.get("preamortisation_months"))
                   for key in funding.get("assumptions") or [] if _has(lang, f"chat.assumption.{key}")]
    if assumptions:
        messages.append("\n".join([t(lang, "chat.funding.assumptions"), *assumptions]))
    return messages


def desk_lines(desk: dict[str, Any] | None, lang: str) -> list[str]:
    if not desk:
        return []
    lines = [t(lang, "chat.desk", chamber=desk["chamber"])]
    lines += [contact for contact in (desk.get("address"), desk.get("email"), desk.get("phone"),
                                      desk.get("website")) if contact]
    if not desk.get("contacts_verified"):
        lines.append(t(lang, "chat.desk.unverified"))
    return ["\n".join(lines)]


def verdict_messages(assessment: dict[str, Any], call_id: str, lang: str) -> list[str]:
    """Everything the bot says about one call, one chat bubble per topic."""
    call = next(c for c in assessment["calls"] if c["id"] == call_id)
    messages = [verdict_line(call, lang), reasons(call, lang), status_line(call, lang)]
    if call.get("funding"):
        messages += funding_lines(call["funding"], lang)
    if call.get("funding_error"):
        messages.append(localized(call["funding_error"], lang))
    messages += [localized(condition, lang) for condition in call.get("conditions") or []]
    if call.get("next_step"):
        messages.append(localized(call["next_step"], lang))
    messages += desk_lines(assessment.get("desk"), lang)
    if call.get("funding"):
        messages.append(t(lang, "chat.funding.disclaimer"))
    return messages
