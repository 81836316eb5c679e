"""Reading the contact details a user gives for a call back: a name, an e-mail or a phone, a
company. The one reader of contact details: the chat reads them with it, and the enquiry store
checks them again with it before writing (bot/store/enquiries.py).

E-mails are checked by email-validator (syntax only: no network lookup), phones by Google's
libphonenumber port (phonenumbers), Italian numbers by default: both know the real rules
(international forms, lengths by country) that a regular expression only approximates.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from email_validator import EmailNotValidError, validate_email

MAX_NAME, MAX_COMPANY, MAX_EMAIL, MAX_PHONE = 120, 200, 254, 40
MAX_NAME_WORDS = 6
MAX_TEXT = 300
DEFAULT_REGION = "IT"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_EMAIL_LIKE = re.compile(r"[^\s<>(),;:\"']{1,64}@[^\s<>(),;:\"']{1,255}")


@dataclass(frozen=True)
class Reach:
    email: str | None = None
    phone: str | None = None


def _clean(text: str | None) -> str | None:
    if not isinstance(text, str) or text.lstrip().startswith("/"):
        return None  # a button or forced intent is never a contact detail
    text = " ".join(text.split())
    return text or None


def email(text: str | None) -> str | None:
    """The address in its normalised form, or None when it is not a valid e-mail address."""
    if not isinstance(text, str) or len(text) > MAX_EMAIL:
        return None
    try:
        return validate_email(text.strip().rstrip("."), check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def phone(text: str | None) -> str | None:
    """The number in international form ("+39 035 123456"), or None when it is not a possible number."""
    if not isinstance(text, str) or len(text) > MAX_PHONE:
        return None
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def read_reach(text: str | None) -> Reach | None:
    """An e-mail address or a phone number found in the text."""
    text = _clean(text)
    if text is None or len(text) > MAX_TEXT:
        return None
    for candidate in _EMAIL_LIKE.findall(text):
        found = email(candidate)
        if found:
            return Reach(email=found)
    for match in phonenumbers.PhoneNumberMatcher(text, DEFAULT_REGION, leniency=phonenumbers.Leniency.POSSIBLE):
        return Reach(phone=phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))
    return None


def read_name(text: str | None) -> str | None:
    """A person's name: letters (with spaces, apostrophes, hyphens, dots), at most 120 characters."""
    text = _clean(text)
    if text is None or len(text) > MAX_NAME or _CONTROL.search(text):
        return None
    if re.search(r"[\d@?!<>{}\[\]=/\\]", text) or not re.search(r"[^\W\d_]{2}", text):
        return None
    return text if len(text.split()) <= MAX_NAME_WORDS else None  # a sentence is not a name


def read_company(text: str | None) -> str | None:
    """The company's name: any single line of at most 200 characters with a letter or digit."""
    text = _clean(text)
    if text is None or len(text) > MAX_COMPANY or _CONTROL.search(text) or not re.search(r"\w", text):
        return None
    return text
