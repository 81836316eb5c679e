"""The desks: which chamber of commerce's internationalisation service (part of the Lombardia
Point network of Unioncamere Lombardia) a firm in a given place should talk to.

The data lives in desks.yaml, next to this module, with its sources. It is validated when first
read, so a bad edit by an advisor fails loudly, naming the file and the field, instead of
routing a firm to the wrong desk.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bot.geo.municipalities import LOMBARDY_PROVINCES, resolve

DESKS_FILE = Path(__file__).with_name("desks.yaml")
LANGUAGES = ("it", "en")
CONTACT_FIELDS = ("address", "email", "phone", "website")
_FIELDS = {"id", "chamber", "provinces", "seat", *CONTACT_FIELDS, "contacts_verified", "history", "agencies", "notes",
           "sources"}
_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_WEBSITE = re.compile(r"^https?://\S+$")


class DeskDataError(ValueError):
    """The desks file is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Desk:
    id: str
    chamber: str
    provinces: tuple[str, ...]
    seat: str | None
    address: str | None
    email: str | None
    phone: str | None
    website: str | None
    contacts_verified: bool
    history: dict | None = field(compare=False)  # how the chamber came to be (a merger), {"it", "en"}
    agencies: tuple = field(compare=False)  # chamber agencies doing the work, each {"it", "en"}
    notes: dict = field(compare=False)  # {"it": ..., "en": ...}
    sources: list = field(compare=False)  # [{"source": ..., "fact": ...}]

    def to_dict(self, language: str | None = None) -> dict:
        """JSON-ready view; the note in `language`, or in every language when None."""
        if language is not None and language not in LANGUAGES:
            raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
        return {
            "id": self.id,
            "chamber": self.chamber,
            "provinces": list(self.provinces),
            "seat": self.seat,
            "address": self.address,
            "email": self.email,
            "phone": self.phone,
            "website": self.website,
            "contacts_verified": self.contacts_verified,
            "history": (dict(self.history) if language is None else self.history[language]) if self.history else None,
            "agencies": [dict(a) if language is None else a[language] for a in self.agencies],
            "note": dict(self.notes) if language is None else self.notes[language],
        }


def load_desks(path: Path = DESKS_FILE) -> list[Desk]:
    """Read and validate a desks file; raises DeskDataError on the first problem found."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise DeskDataError(f"{path.name}: cannot be read: {err}") from None
    if not isinstance(data, dict) or not isinstance(data.get("desks"), list) or not data["desks"]:
        raise DeskDataError(f"{path.name}: desks: must be a non-empty list")
    desks = [_desk(path.name, f"desks[{i}]", raw) for i, raw in enumerate(data["desks"])]
    _check_coverage(path.name, desks)
    return desks


def _desk(file: str, where: str, raw: Any) -> Desk:
    def fail(name: str, problem: str) -> DeskDataError:
        return DeskDataError(f"{file}: {where}.{name}: {problem}")

    if not isinstance(raw, dict):
        raise DeskDataError(f"{file}: {where}: must be a mapping")
    missing, unknown = sorted(_FIELDS - set(raw)), sorted(set(raw) - _FIELDS)
    if missing:
        raise fail(missing[0], "is missing (use null if unknown)")
    if unknown:
        raise fail(unknown[0], "is not a known field")
    if not isinstance(raw["id"], str) or not _ID.match(raw["id"]):
        raise fail("id", "must be lower-case words joined by hyphens, e.g. como-lecco")
    where = f"{where}({raw['id']})"
    if not _text(raw["chamber"]):
        raise fail("chamber", "must be a non-empty text")
    for name in ("seat", *CONTACT_FIELDS):
        if raw[name] is not None and not _text(raw[name]):
            raise fail(name, "must be a non-empty text or null")
    if raw["email"] is not None and not _EMAIL.match(raw["email"]):
        raise fail("email", f"{raw['email']!r} is not an e-mail address")
    if raw["website"] is not None and not _WEBSITE.match(raw["website"]):
        raise fail("website", f"{raw['website']!r} must start with http:// or https://")
    provinces = raw["provinces"]
    if not isinstance(provinces, list) or not provinces:
        raise fail("provinces", "must be a non-empty list of province codes")
    for code in provinces:
        if code not in LOMBARDY_PROVINCES:
            raise fail("provinces", f"{code!r} is not a Lombardy province code")
    if not isinstance(raw["contacts_verified"], bool):
        raise fail("contacts_verified", "must be true or false")
    if raw["contacts_verified"] and all(raw[name] is None for name in CONTACT_FIELDS):
        raise fail("contacts_verified", "is true but no contact is given")
    notes = raw["notes"]
    if not _bilingual(notes):
        raise fail("notes", f"must give a non-empty text for exactly these languages: {', '.join(LANGUAGES)}")
    if raw["history"] is not None and not _bilingual(raw["history"]):
        raise fail("history", f"must be null or give a text for exactly these languages: {', '.join(LANGUAGES)}")
    agencies = raw["agencies"]
    if not isinstance(agencies, list) or not all(_bilingual(a) for a in agencies):
        raise fail("agencies", f"must be a list of texts, each in exactly these languages: {', '.join(LANGUAGES)}")
    sources = raw["sources"]
    if not isinstance(sources, list) or not sources:
        raise fail("sources", "must be a non-empty list")
    for i, source in enumerate(sources):
        if not isinstance(source, dict) or set(source) != {"source", "fact"} or not all(map(_text, source.values())):
            raise fail(f"sources[{i}]", "must have exactly a non-empty 'source' and 'fact'")
    return Desk(
        id=raw["id"],
        chamber=raw["chamber"].strip(),
        provinces=tuple(provinces),
        seat=raw["seat"],
        address=raw["address"],
        email=raw["email"],
        phone=raw["phone"],
        website=raw["website"],
        contacts_verified=raw["contacts_verified"],
        history=dict(raw["history"]) if raw["history"] else None,
        agencies=tuple(dict(a) for a in agencies),
        notes=dict(notes),
        sources=[dict(s) for s in sources],
    )


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _bilingual(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == set(LANGUAGES) and all(_text(v) for v in value.values())


def _check_coverage(file: str, desks: list[Desk]) -> None:
    """Ids unique; every Lombardy province served by exactly one desk."""
    seen_ids: set[str] = set()
    served_by: dict[str, str] = {}
    for desk in desks:
        if desk.id in seen_ids:
            raise DeskDataError(f"{file}: desks({desk.id}).id: is used by more than one desk")
        seen_ids.add(desk.id)
        for code in desk.provinces:
            if code in served_by:
                raise DeskDataError(
                    f"{file}: desks({desk.id}).provinces: {code} is already served by {served_by[code]}"
                )
            served_by[code] = desk.id
    missing = sorted(LOMBARDY_PROVINCES - set(served_by))
    if missing:
        raise DeskDataError(f"{file}: desks: no desk serves {', '.join(missing)}")


@functools.cache
def _desks() -> tuple[Desk, ...]:
    return tuple(load_desks())


@functools.cache
def _by_province() -> dict[str, Desk]:
    return {code: desk for desk in _desks() for code in desk.provinces}


def all_desks() -> list[Desk]:
    return list(_desks())


def desk_by_id(desk_id: str) -> Desk | None:
    return next((d for d in _desks() if d.id == desk_id), None)


def desk_for_province(code: str) -> Desk | None:
    """The desk serving a province code; None outside Lombardy."""
    if not isinstance(code, str):
        return None
    return _by_province().get(code.strip().upper())


def desk_for_comune(name: str, province: str | None = None) -> Desk | None:
    """The desk for a municipality; None outside Lombardy. Raises PlaceError if the place is unclear."""
    return desk_for_province(resolve(name, province).province)
