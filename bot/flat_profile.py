"""Profiles written flat, one text per fact: a form's fields or a CSV's columns, named by the
profile's keys (nested ones dotted: `vnm_expenses.training`, `fairs.count`).

Texts are read as a person types them: an empty cell is unknown; yes/no in Italian or English
(sì/si/no, yes/no, true/false, 1/0); amounts with a decimal comma or point ("120000,50"), but
no thousands separators (their meaning is ambiguous between the two languages). Validation is
then `bot.profile.parse_profile`'s, the same as `python -m bot assess`; `field_errors` checks
each fact on its own so a form can show every mistake at once.
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from bot.profile import Profile, ProfileError, parse_profile

BOOLEAN_FACTS = ("lombardy_site", "startup", "craft_enterprise", "partner_or_linked")
FLAT_FACTS = ("employees", "turnover_eur", "balance_sheet_eur", "province", "comune", "lombardy_site",
              "export_share_pct", "approved_balance_sheets", "years_active", "startup", "craft_enterprise",
              "partner_or_linked", "investment_eur", "vnm_expenses.consultancy", "vnm_expenses.initiatives",
              "vnm_expenses.training", "fairs.count", "fairs.exhibitor", "fairs.stand_sqm",
              "fairs.eligible_expenses", "loan_years", "preamortisation_months")
TEXT_FACTS = ("province", "comune", "fairs.exhibitor")
_YES, _NO = {"sì", "si", "yes", "y", "true", "1", "vero"}, {"no", "n", "false", "0", "falso"}
_DECIMAL_COMMA = re.compile(r"^-?\d+,\d+$")


def _value(key: str, text: str) -> Any:
    if key in BOOLEAN_FACTS:
        word = text.strip().lower()
        if word in _YES:
            return True
        if word in _NO:
            return False
        raise ProfileError(key, "must be yes or no (sì/no)")
    if key in TEXT_FACTS:
        return text.strip()
    text = text.strip().replace(" ", "")
    return text.replace(",", ".") if _DECIMAL_COMMA.match(text) else text


def raw_profile(flat: Mapping[str, Any]) -> dict:
    """The nested raw input parse_profile reads; unknown names are passed on (it refuses them)."""
    raw: dict[str, Any] = {}
    for key, text in flat.items():
        if text is None or (isinstance(text, str) and not text.strip()):
            continue
        value = _value(key, text) if isinstance(text, str) else text
        if "." in key:
            group, name = key.split(".", 1)
            raw.setdefault(group, {})[name] = value
        else:
            raw[key] = value
    return raw


def field_errors(flat: Mapping[str, Any]) -> dict[str, str]:
    """Every fact that cannot be used, with its problem; empty when the whole profile is valid."""
    errors: dict[str, str] = {}
    for key, text in flat.items():
        # A municipality is checked against the province it is given with, the rest alone.
        alone = {k: flat.get(k) for k in ("province", "comune")} if key == "comune" else {key: text}
        try:
            parse_profile(raw_profile(alone))
        except ProfileError as err:
            errors.setdefault(err.field, err.problem)
    if not errors:
        try:
            parse_profile(raw_profile(flat))
        except ProfileError as err:
            errors[err.field] = err.problem
    return errors


def flat_to_profile(flat: Mapping[str, Any]) -> Profile:
    """The Profile, or the first ProfileError (field named) as `python -m bot assess` raises it."""
    return parse_profile(raw_profile(flat))
