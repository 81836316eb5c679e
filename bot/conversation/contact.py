"""Reading the contact details a user gives for a call back: name, e-mail or phone, company.

The store checks them again before writing (bot/store/enquiries.py); reading them here lets the
bot re-ask at once with a clear reason instead of failing at the end. No Rasa here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Same limits as the enquiry store.
MAX_NAME, MAX_COMPANY = 120, 200
MAX_NAME_WORDS = 6
_EMAIL = re.compile(r"[^@\s<>(),;:]+@[^@\s.<>(),;:]+(?:\.[^@\s.<>(),;:]+)+")
_PHONE = re.compile(r"\+?[0-9][0-9 ()./-]{4,}[0-9]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Reach:
    email: str | None = None
    phone: str | None = None


def _clean(text: str | None) -> str | None:
    if not isinstance(text, str) or text.lstrip().startswith("/"):
        return None  # a button or forced intent is never a contact detail
    text = " ".join(text.split())
    return text or None


def read_name(text: str | None) -> str | None:
    """A person's name: letters (with spaces, apostrophes, hyphens, dots), at most 120 characters."""
    text = _clean(text)
    if text is None or len(text) > MAX_NAME or _CONTROL.search(text):
        return None
    if re.search(r"[\d@?!<>{}\[\]=/\\]", text) or not re.search(r"[^\W\d_]{2}", text):
        return None
    return text if len(text.split()) <= MAX_NAME_WORDS else None  # a sentence is not a name


def read_reach(text: str | None) -> Reach | None:
    """An e-mail address or a phone number (6 to 15 digits), found in the text."""
    text = _clean(text)
    if text is None or len(text) > 300:
        return None
    email = _EMAIL.search(text)
    if email:
        return Reach(email=email.group(0).rstrip("."))
    phone = _PHONE.search(text)
    if phone and 6 <= sum(c.isdigit() for c in phone.group(0)) <= 15:
        return Reach(phone=phone.group(0).strip())
    return None


def read_company(text: str | None) -> str | None:
    """The company's name: any single line of at most 200 characters with a letter or digit."""
    text = _clean(text)
    if text is None or len(text) > MAX_COMPANY or _CONTROL.search(text) or not re.search(r"\w", text):
        return None
    return text
