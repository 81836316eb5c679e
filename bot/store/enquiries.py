"""The enquiry repository: the only way the application writes enquiries.

Every input is validated here, before it reaches the database. Personal data (contact details,
company, free text) is accepted only with the user's consent, and erased if it is withdrawn.
The caller owns the transaction: these functions add and flush, the caller commits.

JSON snapshots keep money exact: a Decimal is stored as its plain decimal string
("85000.50"), never as a JSON number that a reader would parse into a binary float. Integers
and booleans stay JSON numbers and booleans. `bot.profile.parse_profile` accepts the
stored profile back as it is, so a snapshot round-trips to an equal Profile.
"""
from __future__ import annotations

import dataclasses
import json
import re
import secrets
from datetime import datetime
from decimal import Decimal
from typing import Any, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import contact
from bot.geo.desks import desk_by_id
from bot.store.models import LANGUAGES, PERSONAL_FIELDS, STATUSES, Enquiry, utc_now

# Readable aloud and unambiguous on a phone: no 0/O, 1/I/L. 31**8 ~ 8.5e11 references.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 8
MAX_LENGTHS = {
    "conversation_id": 255,
    "contact_name": 120,
    "contact_email": 254,  # RFC 5321 path limit
    "contact_phone": 40,
    "company": 200,
    "message": 2000,
}
MAX_JSON_CHARS = 65_536  # a profile or a verdict list is a few KB; more is a bug or abuse
MAX_LIST_LIMIT = 500
_CHANNEL = re.compile(r"^[a-z][a-z0-9_-]{0,19}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # tab and newline are fine in a message


class EnquiryError(ValueError):
    """An input the store refuses; `field` names it."""

    def __init__(self, field_name: str, problem: str):
        super().__init__(f"{field_name}: {problem}")
        self.field = field_name
        self.problem = problem


class ConsentError(EnquiryError):
    """Personal data offered without the user's consent."""


class EnquiryNotFound(LookupError):
    pass


_VERSION = re.compile(r"[A-Za-z0-9._-]{1,40}")


def create_enquiry(
    session: Session,
    *,
    channel: str,
    language: str,
    conversation_id: str | None = None,
    profile: Any = None,
    verdicts: Mapping[str, Any] | None = None,
    desk_id: str | None = None,
    consent: bool = False,
    consent_at: datetime | None = None,
    consent_version: str | None = None,
    contact_name: str | None = None,
    contact_email: str | None = None,
    contact_phone: str | None = None,
    company: str | None = None,
    message: str | None = None,
    status: str = "new",
    now: datetime | None = None,
    reference: str | None = None,
) -> Enquiry:
    """Validate and add a new enquiry with a fresh public reference (or `reference`, the one a
    spooled enquiry already gave its user, if still unused); flushed, not committed."""
    now = _aware("now", now or utc_now())
    personal = {
        "contact_name": _text("contact_name", contact_name, single_line=True),
        "contact_email": _email(contact_email),
        "contact_phone": _phone(contact_phone),
        "company": _text("company", company, single_line=True),
        "message": _text("message", message, single_line=False),
    }
    if not isinstance(consent, bool):
        raise EnquiryError("consent", "must be true or false")
    if not consent:
        given = [name for name in PERSONAL_FIELDS if personal[name] is not None]
        if given:
            raise ConsentError(given[0], "personal data can be stored only with the user's consent")
        if consent_at is not None:
            raise ConsentError("consent_at", "must be empty when consent is false")
        if consent_version is not None:
            raise ConsentError("consent_version", "must be empty when consent is false")
    elif consent_version is not None and (not isinstance(consent_version, str)
                                         or not _VERSION.fullmatch(consent_version)):
        raise EnquiryError("consent_version", "must name the consent text shown (1-40 letters, digits, . _ -)")
    values = dict(
        created_at=now,
        updated_at=now,
        channel=_channel(channel),
        language=_choice("language", language, LANGUAGES),
        conversation_id=_text("conversation_id", conversation_id, single_line=True),
        profile=profile_snapshot(profile),
        verdicts=_json("verdicts", verdicts or {}),
        desk_id=_desk_id(desk_id),
        consent=consent,
        consent_at=_aware("consent_at", consent_at or now) if consent else None,
        consent_version=consent_version if consent else None,
        status=_choice("status", status, STATUSES),
        **personal,
    )
    # Only now, with every input valid, touch the database.
    given = reference if isinstance(reference, str) and re.fullmatch(
        f"[{REFERENCE_ALPHABET}]{{{REFERENCE_LENGTH}}}", reference) else None
    if given and session.scalars(select(Enquiry.id).where(Enquiry.reference == given)).first() is not None:
        given = None
    enquiry = Enquiry(reference=given or _unused_reference(session), **values)
    session.add(enquiry)
    session.flush()
    return enquiry


def get_by_reference(session: Session, reference: str) -> Enquiry | None:
    """The enquiry a user quotes, forgiving case, spaces and hyphens ("k7qm-3pza")."""
    if not isinstance(reference, str):
        return None
    wanted = re.sub(r"[\s-]", "", reference).upper()
    if len(wanted) != REFERENCE_LENGTH:
        return None
    return session.scalars(select(Enquiry).where(Enquiry.reference == wanted)).one_or_none()


def list_enquiries(
    session: Session, desk_id: str | None = None, status: str | None = None, limit: int = 50
) -> list[Enquiry]:
    """Newest first, optionally only one desk's and/or one status."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIST_LIMIT:
        raise EnquiryError("limit", f"must be a whole number from 1 to {MAX_LIST_LIMIT}")
    query = select(Enquiry).order_by(Enquiry.created_at.desc(), Enquiry.id.desc()).limit(limit)
    if desk_id is not None:
        query = query.where(Enquiry.desk_id == desk_id)
    if status is not None:
        query = query.where(Enquiry.status == _choice("status", status, STATUSES))
    return list(session.scalars(query))


def set_status(session: Session, reference: str, status: str, now: datetime | None = None) -> Enquiry:
    """Move an enquiry to new / in_progress / closed; flushed, not committed."""
    status = _choice("status", status, STATUSES)
    enquiry = _existing(session, reference)
    enquiry.status = status
    enquiry.updated_at = _aware("now", now or utc_now())
    session.flush()
    return enquiry


def withdraw_consent(session: Session, reference: str, now: datetime | None = None) -> Enquiry:
    """Erase the personal data of an enquiry (GDPR art. 7(3)); the anonymous facts remain."""
    enquiry = _existing(session, reference)
    for name in PERSONAL_FIELDS:
        setattr(enquiry, name, None)
    enquiry.consent, enquiry.consent_at, enquiry.consent_version = False, None, None
    enquiry.updated_at = _aware("now", now or utc_now())
    session.flush()
    return enquiry


def forget_conversation(session: Session, conversation_id: str, now: datetime | None = None) -> int:
    """Withdraw the consent of every enquiry sent from the conversation (its user asked to be
    forgotten): the contact details and the link to the chat go, the anonymous facts remain
    for the desk. Returns how many enquiries had personal data."""
    if not isinstance(conversation_id, str) or not conversation_id:
        return 0
    enquiries = session.scalars(select(Enquiry).where(Enquiry.conversation_id == conversation_id)).all()
    for enquiry in enquiries:
        withdraw_consent(session, enquiry.reference, now)
        enquiry.conversation_id = None
    session.flush()
    return len(enquiries)


def profile_snapshot(profile: Any) -> dict:
    """A Profile (or its raw mapping) as JSON-ready data: unknown facts left out, money as strings."""
    if profile is None:
        return {}
    if dataclasses.is_dataclass(profile) and not isinstance(profile, type):
        profile = _without_none(dataclasses.asdict(profile))
    if not isinstance(profile, Mapping):
        raise EnquiryError("profile", "must be a Profile or a mapping")
    return _json("profile", profile)


def json_ready(value: Any, where: str = "value") -> Any:
    """Plain JSON data; Decimal (and float, via its shortest repr) become decimal strings."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, (Decimal, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else value
        if not number.is_finite():
            raise EnquiryError(where, "must be a finite number")
        return format(number, "f")
    if isinstance(value, Mapping):
        if not all(isinstance(k, str) for k in value):
            raise EnquiryError(where, "keys must be texts")
        return {k: json_ready(v, f"{where}.{k}") for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [json_ready(v, f"{where}[{i}]") for i, v in enumerate(value)]
    raise EnquiryError(where, f"cannot be stored as JSON ({type(value).__name__})")


def new_reference() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def _unused_reference(session: Session) -> str:
    # Collisions are vanishingly rare; the unique constraint is the final guard against races.
    for _ in range(5):
        reference = new_reference()
        if session.scalars(select(Enquiry.id).where(Enquiry.reference == reference)).first() is None:
            return reference
    raise RuntimeError("could not draw an unused enquiry reference")


def _existing(session: Session, reference: str) -> Enquiry:
    enquiry = get_by_reference(session, reference)
    if enquiry is None:
        raise EnquiryNotFound(f"no enquiry with reference {reference!r}")
    return enquiry


def _without_none(data: Any) -> Any:
    if isinstance(data, dict):
        cleaned = {k: _without_none(v) for k, v in data.items() if v is not None}
        return {k: v for k, v in cleaned.items() if v != {}}
    return data


def _json(name: str, value: Any) -> dict:
    if not isinstance(value, Mapping):
        raise EnquiryError(name, "must be a mapping")
    data = json_ready(value, name)
    if len(json.dumps(data)) > MAX_JSON_CHARS:
        raise EnquiryError(name, f"is larger than {MAX_JSON_CHARS} characters of JSON")
    return data


def _text(name: str, value: str | None, single_line: bool) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise EnquiryError(name, "must be a text")
    value = value.strip()
    if not value:
        return None  # an empty form field means "not given"
    if len(value) > MAX_LENGTHS[name]:
        raise EnquiryError(name, f"is longer than {MAX_LENGTHS[name]} characters")
    if _CONTROL.search(value) or (single_line and "\n" in value):
        raise EnquiryError(name, "contains control characters")
    return value


def _email(value: str | None) -> str | None:
    value = _text("contact_email", value, single_line=True)
    if value is not None and contact.email(value) is None:
        raise EnquiryError("contact_email", f"{value!r} is not an e-mail address")
    return value


def _phone(value: str | None) -> str | None:
    value = _text("contact_phone", value, single_line=True)
    if value is not None and contact.phone(value) is None:
        raise EnquiryError("contact_phone", f"{value!r} is not a phone number")
    return value


def _channel(value: str) -> str:
    if not isinstance(value, str) or not _CHANNEL.match(value):
        raise EnquiryError("channel", "must be a short lower-case name such as rest, socketio, telegram or cli")
    return value


def _choice(name: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise EnquiryError(name, f"must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _desk_id(value: str | None) -> str | None:
    if value is not None and (not isinstance(value, str) or desk_by_id(value) is None):
        raise EnquiryError("desk_id", f"{value!r} is not a known desk")
    return value


def _aware(name: str, value: datetime) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise EnquiryError(name, "must be a timezone-aware datetime")
    return value
