"""A company profile: the facts the engine reasons on, validated once at the edge.

Every fact is optional; a missing one makes the criteria that need it "unknown".
Validation is generic sanity (types, signs, plausible ranges); a call's own bounds
(e.g. a loan of 3-6 years) belong to that call's data and are checked there.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Mapping

from bot.money import to_decimal

# Far above any SME; a value beyond these is a typo or an attack, not a company.
MAX_MONEY = Decimal("1e12")
MAX_EMPLOYEES = 10_000_000
MAX_YEARS = 500

# The certifications, market areas and plans the measures' rules name (their files cite why).
CERTIFICATIONS = ("iso_45001", "iso_14001", "sa8000")
AREAS = ("central_south_america", "africa", "western_balkans")
PLANS = ("fair", "shop_abroad", "ecommerce", "temporary_manager", "certifications_consultancy",
         "digital_ecological")
MAX_LIST = 50


class ProfileError(ValueError):
    """A fact that cannot be used; `field` names it (dotted for nested keys)."""

    def __init__(self, field_name: str, problem: str):
        super().__init__(f"{field_name}: {problem}")
        self.field = field_name
        self.problem = problem


@dataclass(frozen=True)
class Fairs:
    count: int | None = None
    exhibitor: str | None = None  # "new" | "frequent"
    eligible_expenses: Decimal | None = None
    stand_sqm: Decimal | None = None


@dataclass(frozen=True)
class VnmExpenses:
    consultancy: Decimal | None = None
    initiatives: Decimal | None = None
    training: Decimal | None = None

    @property
    def complete(self) -> bool:
        return None not in (self.consultancy, self.initiatives, self.training)


@dataclass(frozen=True)
class Profile:
    employees: int | None = None
    turnover_eur: Decimal | None = None
    balance_sheet_eur: Decimal | None = None
    province: str | None = None
    comune: str | None = None
    lombardy_site: bool | None = None
    export_share_pct: Decimal | None = None
    approved_balance_sheets: int | None = None
    years_active: Decimal | None = None
    startup: bool | None = None
    craft_enterprise: bool | None = None
    partner_or_linked: bool | None = None
    vnm_expenses: VnmExpenses = field(default_factory=VnmExpenses)
    loan_years: int | None = None
    preamortisation_months: int | None = None
    fairs: Fairs = field(default_factory=Fairs)
    investment_eur: Decimal | None = None
    # Facts the national measures (SIMEST Fondo 394/81) reason on.
    average_revenues_eur: Decimal | None = None  # average of the last two balance sheets' revenues
    certifications: frozenset[str] | None = None  # of CERTIFICATIONS; empty = none held
    female_owned: bool | None = None
    youth_owned: bool | None = None
    innovative_sme: bool | None = None  # registered innovative SME (PMI innovativa)
    innovative_startup: bool | None = None
    target_markets: frozenset[str] | None = None  # ISO 3166 alpha-2 codes and/or AREAS
    plan: frozenset[str] | None = None  # of PLANS: what the firm means to do abroad

    def has(self, key: str) -> bool:
        """Whether a (possibly dotted) input key is known, e.g. "vnm_expenses.training"."""
        value: Any = self
        for part in key.split("."):
            value = getattr(value, part, None)
        return value is not None


def _number(name: str, raw: Any) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, (int, float, Decimal, str)):
        raise ProfileError(name, "must be a number")
    try:
        value = to_decimal(raw.strip() if isinstance(raw, str) else raw)
    except (InvalidOperation, ValueError):
        raise ProfileError(name, "must be a number") from None
    if not value.is_finite():
        raise ProfileError(name, "must be a finite number")
    return value


def _money(name: str, raw: Any) -> Decimal:
    value = _number(name, raw)
    if value < 0:
        raise ProfileError(name, "must not be negative")
    if value > MAX_MONEY:
        raise ProfileError(name, f"is implausibly large (over {MAX_MONEY:,.0f} euros)")
    return value


def _integer(name: str, raw: Any, low: int, high: int) -> int:
    value = _number(name, raw)
    if value != value.to_integral_value():
        raise ProfileError(name, "must be a whole number")
    if not low <= value <= high:
        raise ProfileError(name, f"must be between {low} and {high}")
    return int(value)


def _bounded(name: str, raw: Any, low: Decimal, high: Decimal) -> Decimal:
    value = _number(name, raw)
    if not low <= value <= high:
        raise ProfileError(name, f"must be between {low} and {high}")
    return value


def _boolean(name: str, raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise ProfileError(name, "must be true or false")
    return raw


def _text(name: str, raw: Any, max_len: int = 100) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise ProfileError(name, "must be a non-empty text")
    if len(raw) > max_len:
        raise ProfileError(name, f"is longer than {max_len} characters")
    return raw.strip()


def _list(name: str, raw: Any) -> list:
    if not isinstance(raw, list):
        raise ProfileError(name, "must be a list")
    if len(raw) > MAX_LIST:
        raise ProfileError(name, f"has more than {MAX_LIST} items")
    return raw


def _choices(name: str, raw: Any, allowed: tuple[str, ...]) -> frozenset[str]:
    """A list of ids from `allowed`; an empty list is a fact too (none of them)."""
    for index, item in enumerate(_list(name, raw)):
        if item not in allowed:
            raise ProfileError(f"{name}.{index}", f"{item!r} is not one of: {', '.join(allowed)}")
    return frozenset(raw)


def _markets(name: str, raw: Any) -> frozenset[str]:
    """Countries as ISO 3166 alpha-2 codes ("US", "IN", any case) and areas as AREAS ids."""
    import pycountry  # local import: the country register loads only when markets are given

    found = set()
    for index, item in enumerate(_list(name, raw)):
        if not isinstance(item, str) or not item.strip():
            raise ProfileError(f"{name}.{index}", "must be a country code or an area")
        text = item.strip()
        if text.lower() in AREAS:
            found.add(text.lower())
        elif len(text) == 2 and pycountry.countries.get(alpha_2=text.upper()):
            found.add(text.upper())
        else:
            raise ProfileError(f"{name}.{index}", f"{item!r} is neither an ISO 3166 country code nor one of: {', '.join(AREAS)}")
    if not found:
        raise ProfileError(name, "must name at least one country or area")
    return frozenset(found)


def _object(name: str, raw: Any, allowed: set[str]) -> Mapping[str, Any]:
    if not isinstance(raw, Mapping):
        raise ProfileError(name, "must be an object")
    for key in raw:
        if key not in allowed:
            raise ProfileError(f"{name}.{key}", f"is not a known field (expected one of: {', '.join(sorted(allowed))})")
    return {k: v for k, v in raw.items() if v is not None}


_SCALARS = {
    "employees": lambda n, v: _integer(n, v, 0, MAX_EMPLOYEES),
    "turnover_eur": _money,
    "balance_sheet_eur": _money,
    "lombardy_site": _boolean,
    "export_share_pct": lambda n, v: _bounded(n, v, Decimal(0), Decimal(100)),
    "approved_balance_sheets": lambda n, v: _integer(n, v, 0, MAX_YEARS),
    "years_active": lambda n, v: _bounded(n, v, Decimal(0), Decimal(MAX_YEARS)),
    "startup": _boolean,
    "craft_enterprise": _boolean,
    "partner_or_linked": _boolean,
    "loan_years": lambda n, v: _integer(n, v, 1, 50),
    "preamortisation_months": lambda n, v: _integer(n, v, 0, 600),
    "investment_eur": _money,
    "average_revenues_eur": _money,
    "female_owned": _boolean,
    "youth_owned": _boolean,
    "innovative_sme": _boolean,
    "innovative_startup": _boolean,
    "certifications": lambda n, v: _choices(n, v, CERTIFICATIONS),
    "plan": lambda n, v: _choices(n, v, PLANS),
    "target_markets": lambda n, v: _markets(n, v),
}
_NESTED = {"vnm_expenses", "fairs"}
_PLACE = {"province", "comune"}
KNOWN_KEYS = set(_SCALARS) | _NESTED | _PLACE


def _vnm_expenses(raw: Any) -> VnmExpenses:
    data = _object("vnm_expenses", raw, {"consultancy", "initiatives", "training"})
    return VnmExpenses(**{k: _money(f"vnm_expenses.{k}", v) for k, v in data.items()})


def _fairs(raw: Any) -> Fairs:
    data = _object("fairs", raw, {"count", "exhibitor", "eligible_expenses", "stand_sqm"})
    values: dict[str, Any] = {}
    if "count" in data:
        values["count"] = _integer("fairs.count", data["count"], 1, 1000)
    if "exhibitor" in data:
        if data["exhibitor"] not in ("new", "frequent"):
            raise ProfileError("fairs.exhibitor", 'must be "new" or "frequent"')
        values["exhibitor"] = data["exhibitor"]
    if "eligible_expenses" in data:
        values["eligible_expenses"] = _money("fairs.eligible_expenses", data["eligible_expenses"])
    if "stand_sqm" in data:
        sqm = _bounded("fairs.stand_sqm", data["stand_sqm"], Decimal(0), Decimal(1_000_000))
        if sqm == 0:
            raise ProfileError("fairs.stand_sqm", "must be more than 0")
        values["stand_sqm"] = sqm
    return Fairs(**values)


def _place(data: Mapping[str, Any]) -> dict[str, Any]:
    """Province code and municipality, checked against the national register of municipalities."""
    from bot.geo import municipalities  # local import: the register loads only when a place is given

    province = comune = None
    if data.get("province") is not None:
        code = _text("province", data["province"], 2).upper()
        if code not in municipalities.province_codes():
            raise ProfileError("province", f"'{data['province']}' is not an Italian province code")
        province = code
    if data.get("comune") is not None:
        name = _text("comune", data["comune"])
        try:
            found = municipalities.resolve(name, province)
        except municipalities.PlaceError as err:
            raise ProfileError("comune", str(err)) from None
        comune, province = found.name, found.province
    return {"province": province, "comune": comune}


def parse_profile(data: Any) -> Profile:
    """Validate raw input (e.g. parsed JSON) into a Profile; raises ProfileError naming the field."""
    if not isinstance(data, Mapping):
        raise ProfileError("profile", "must be a JSON object")
    for key in data:
        if key not in KNOWN_KEYS:
            raise ProfileError(str(key), "is not a known field")
    values: dict[str, Any] = {}
    for key, parse in _SCALARS.items():
        if data.get(key) is not None:
            values[key] = parse(key, data[key])
    if data.get("vnm_expenses") is not None:
        values["vnm_expenses"] = _vnm_expenses(data["vnm_expenses"])
    if data.get("fairs") is not None:
        values["fairs"] = _fairs(data["fairs"])
    values.update({k: v for k, v in _place(data).items() if v is not None})
    return Profile(**values)
