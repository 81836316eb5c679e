"""Advisor accounts: creation with a one-time password, login with lockout, sessions, audit.

Passwords are hashed with argon2id (argon2-cffi's defaults, RFC 9106's second recommended
profile). A login that names an unknown e-mail still runs one hash, so timing does not tell
which addresses have accounts. Five wrong passwords in a row lock the account for 15 minutes.
Session cookies carry a random token; only its SHA-256 is stored.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot import contact
from bot.console.models import AuditEntry, ConsoleSession, ConsoleUser
from bot.geo.desks import desk_by_id
from bot.store.models import utc_now

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
SESSION_LIFETIME = timedelta(hours=10)  # a working day; then log in again
MIN_PASSWORD_LENGTH = 12
_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a real password, only spent time")


class AccountError(ValueError):
    """A refused account operation; `field` names the input at fault."""

    def __init__(self, field_name: str, problem: str):
        super().__init__(f"{field_name}: {problem}")
        self.field, self.problem = field_name, problem


@dataclass(frozen=True)
class LoginResult:
    user: ConsoleUser | None
    locked: bool = False

    @property
    def ok(self) -> bool:
        return self.user is not None


def one_time_password() -> str:
    # 16 characters from a 31-letter alphabet ~ 79 bits; readable over the phone.
    alphabet = "23456789abcdefghjkmnpqrstuvwxyz"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def normal_email(email: str) -> str:
    if not isinstance(email, str) or contact.email(email.strip()) is None:
        raise AccountError("email", f"{email!r} is not an e-mail address")
    return email.strip().lower()


def create_user(session: Session, email: str, desk_id: str | None = None, admin: bool = False) -> tuple[ConsoleUser, str]:
    """A new account and its one-time password (to be changed at first login); flushed."""
    email = normal_email(email)
    if admin == (desk_id is not None):
        raise AccountError("desk", "give either a desk (an advisor) or --admin, not both or neither")
    if desk_id is not None and desk_by_id(desk_id) is None:
        raise AccountError("desk", f"{desk_id!r} is not a known desk (see bot/geo/desks.yaml)")
    if session.scalars(select(ConsoleUser.id).where(ConsoleUser.email == email)).first() is not None:
        raise AccountError("email", f"an account for {email} already exists")
    password = one_time_password()
    user = ConsoleUser(email=email, desk_id=desk_id, is_admin=admin, password_hash=_hasher.hash(password),
                       must_change_password=True, failed_logins=0, created_at=utc_now())
    session.add(user)
    session.flush()
    audit(session, user, "account_created", detail={"desk": desk_id, "admin": admin})
    return user, password


def check_login(session: Session, email: str, password: str, now: datetime | None = None) -> LoginResult:
    """The account if the password is right and it is not locked; counts failures; flushed."""
    now = now or utc_now()
    try:
        email = normal_email(email)
    except AccountError:
        email = ""
    user = session.scalars(select(ConsoleUser).where(ConsoleUser.email == email)).one_or_none() if email else None
    if user is None:
        _verify(_DUMMY_HASH, password)
        return LoginResult(None)
    if user.locked_until is not None and user.locked_until > now:
        _verify(_DUMMY_HASH, password)  # the same time, and no way to guess through a lock
        audit(session, user, "login_locked")
        return LoginResult(None, locked=True)
    if not _verify(user.password_hash, password):
        user.failed_logins += 1
        locked = user.failed_logins >= MAX_FAILURES
        if locked:
            user.locked_until, user.failed_logins = now + LOCKOUT, 0
        audit(session, user, "login_failed", detail={"locked": locked})
        session.flush()
        return LoginResult(None, locked=locked)
    user.failed_logins, user.locked_until = 0, None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    audit(session, user, "login")
    session.flush()
    return LoginResult(user)


def change_password(session: Session, user: ConsoleUser, current: str, new: str, repeat: str) -> None:
    if not _verify(user.password_hash, current):
        raise AccountError("current", "is not your current password")
    if new != repeat:
        raise AccountError("repeat", "the two new passwords differ")
    if len(new) < MIN_PASSWORD_LENGTH:
        raise AccountError("new", f"must be at least {MIN_PASSWORD_LENGTH} characters long")
    if new == current:
        raise AccountError("new", "must differ from the one-time password")
    user.password_hash, user.must_change_password = _hasher.hash(new), False
    audit(session, user, "password_changed")
    session.flush()


def open_session(session: Session, user: ConsoleUser, now: datetime | None = None) -> tuple[str, ConsoleSession]:
    """A new session: the cookie's token (returned once) and the stored row with its CSRF token."""
    now = now or utc_now()
    token = secrets.token_urlsafe(32)
    row = ConsoleSession(token_hash=_digest(token), csrf_token=secrets.token_urlsafe(32), user_id=user.id,
                         created_at=now, expires_at=now + SESSION_LIFETIME)
    session.add(row)
    session.execute(delete(ConsoleSession).where(ConsoleSession.expires_at < now))  # housekeeping
    session.flush()
    return token, row


def find_session(session: Session, token: str | None, now: datetime | None = None) -> tuple[ConsoleSession, ConsoleUser] | None:
    if not token or len(token) > 100:
        return None
    row = session.scalars(select(ConsoleSession).where(ConsoleSession.token_hash == _digest(token))).one_or_none()
    if row is None or row.expires_at <= (now or utc_now()):
        return None
    return row, session.get(ConsoleUser, row.user_id)


def close_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(ConsoleSession).where(ConsoleSession.token_hash == _digest(token)))


def csrf_ok(row: ConsoleSession, submitted: str | None) -> bool:
    return isinstance(submitted, str) and secrets.compare_digest(row.csrf_token.encode(), submitted.encode())


def audit(session: Session, user: ConsoleUser | None, action: str, enquiry_id: int | None = None,
          detail: dict | None = None) -> None:
    session.add(AuditEntry(at=utc_now(), user_id=user.id if user else None, actor=user.email if user else "-",
                           action=action, enquiry_id=enquiry_id, detail=detail or {}))


def all_users(session: Session) -> list[ConsoleUser]:
    return list(session.scalars(select(ConsoleUser).order_by(ConsoleUser.email)))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password or "")
    except (VerificationError, InvalidHashError):
        return False


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
