"""The alert repository: who asked to be told when a call fits, and what they were already told.

The chat calls three functions: `subscribe` (with the user's consent, which is required: the
address is personal data), `unsubscribe` ("stop alerts" / "non avvisarmi più": every active
subscription of that address ends) and `forget` (the address and its history are erased).
`python -m bot alerts` reads the rest. As in bot/store/enquiries.py, inputs are validated
before the database is touched and the caller owns the transaction (add and flush, no commit).

One address has at most one active subscription: subscribing again replaces it (the newest
facts and wishes win), and what was sent to the address before is not sent again.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot import contact
from bot.catalogue import Catalogue, default_catalogue
from bot.store.enquiries import EnquiryError, profile_snapshot
from bot.store.models import (ALERT_CHANNELS, ALERT_KINDS, LANGUAGES, POST_KINDS, AlertSubscription, ChannelPost,
                              SentAlert, utc_now)

TELEGRAM, EMAIL = ALERT_CHANNELS
# The consent sentences the chat shows are alerts.consent.<channel> in bot/texts/*/alerts.yaml;
# change this whenever they change, so each subscription says which wording its user agreed to.
CONSENT_VERSION = "alerts-2026-12-02"
MAX_CONSENT_VERSION = 40
MAX_WANTED = 50  # call ids or families in one subscription; the catalogue holds far fewer
_CHAT_ID = re.compile(r"-?[0-9]{1,20}")  # Telegram chat ids are 64-bit integers
_VERSION = re.compile(r"[A-Za-z0-9._-]{1,40}")


class AlertError(ValueError):
    """An input the alert store refuses; `field` names it."""

    def __init__(self, field_name: str, problem: str):
        super().__init__(f"{field_name}: {problem}")
        self.field = field_name
        self.problem = problem


class AlertConsentError(AlertError):
    """A subscription offered without the user's consent."""


def subscribe(
    session: Session,
    *,
    channel: str,
    address: str,
    language: str,
    profile: Any = None,
    any_call: bool = False,
    call_ids: Iterable[str] = (),
    families: Iterable[str] = (),
    consent: bool = False,
    consent_version: str | None = None,
    consent_at: datetime | None = None,
    now: datetime | None = None,
    catalogue: Catalogue | None = None,
) -> AlertSubscription:
    """Validate and add a subscription, ending the address's earlier one; flushed, not committed.

    `consent_version` names the consent text the user agreed to (CONSENT_VERSION for the
    sentences alerts.consent.<channel>), so what they were told can be shown later. Call ids and families must be in the catalogue.
    """
    now = _aware("now", now or utc_now())
    if consent is not True:
        raise AlertConsentError("consent", "an alert address can be stored only with the user's consent")
    if not isinstance(consent_version, str) or not _VERSION.fullmatch(consent_version.strip()):
        raise AlertConsentError("consent_version", f"must name the consent text shown (1-{MAX_CONSENT_VERSION} "
                                                   "letters, digits, '.', '_' or '-')")
    channel = _channel(channel)
    address = normalised_address(channel, _address_text(channel, address))
    if not isinstance(any_call, bool):
        raise AlertError("any_call", "must be true or false")
    catalogue = catalogue or default_catalogue()
    wanted_calls = _known("call_ids", call_ids, catalogue.ids())
    wanted_families = _known("families", families, catalogue.families())
    if not any_call and not wanted_calls and not wanted_families:
        raise AlertError("any_call", "ask for every fitting call, or name call ids or families")
    values = dict(
        created_at=now,
        channel=channel,
        address=address,
        language=_choice("language", language, LANGUAGES),
        profile=_profile(profile),
        any_call=any_call,
        call_ids=[] if any_call else wanted_calls,
        families=[] if any_call else wanted_families,
        consent_version=consent_version.strip(),
        consent_at=_aware("consent_at", consent_at or now),
    )
    # Only now, with every input valid, touch the database.
    for earlier in _active(session, channel, address):
        earlier.ended_at = now
    subscription = AlertSubscription(**values)
    session.add(subscription)
    session.flush()
    return subscription


def unsubscribe(session: Session, channel: str, address: str, now: datetime | None = None) -> int:
    """End every active subscription of the address; how many ended (0 when there was none)."""
    now = _aware("now", now or utc_now())
    channel = _channel(channel)
    ended = _active(session, channel, normalised_address(channel, _address_text(channel, address)))
    for subscription in ended:
        subscription.ended_at = now
    session.flush()
    return len(ended)


def forget(session: Session, channel: str, address: str) -> int:
    """Erase the address: its subscriptions, active or ended, and the record of what it was sent."""
    channel = _channel(channel)
    address = normalised_address(channel, _address_text(channel, address))
    ids = list(session.scalars(select(AlertSubscription.id).where(AlertSubscription.channel == channel,
                                                                 AlertSubscription.address == address)))
    # Explicit, not only ON DELETE CASCADE: SQLite enforces foreign keys only when asked to.
    forget_subscriptions(session, ids)
    return len(ids)


def ended_before(session: Session, cutoff: datetime) -> list[int]:
    """The ids of the subscriptions that ended (stopped or replaced) before `cutoff`."""
    return list(session.scalars(select(AlertSubscription.id).where(AlertSubscription.ended_at.is_not(None),
                                                                  AlertSubscription.ended_at < cutoff)))


def forget_subscriptions(session: Session, ids: list[int]) -> None:
    """Erase these subscriptions and the record of what they were sent."""
    if ids:
        session.execute(delete(SentAlert).where(SentAlert.subscription_id.in_(ids)))
        session.execute(delete(AlertSubscription).where(AlertSubscription.id.in_(ids)))
    session.flush()


def active_subscription(session: Session, channel: str, address: str) -> AlertSubscription | None:
    """The address's current subscription (e.g. to add a call to what it asked), or None."""
    channel = _channel(channel)
    found = _active(session, channel, normalised_address(channel, _address_text(channel, address)))
    return found[0] if found else None


def active_subscriptions(session: Session) -> list[AlertSubscription]:
    query = select(AlertSubscription).where(AlertSubscription.ended_at.is_(None)).order_by(AlertSubscription.id)
    return list(session.scalars(query))


def sent_to(session: Session, channel: str, address: str) -> set[tuple[str, str]]:
    """(call id, kind) of every alert the address was sent, under any of its subscriptions."""
    query = (select(SentAlert.call_id, SentAlert.kind)
             .join(AlertSubscription, SentAlert.subscription_id == AlertSubscription.id)
             .where(AlertSubscription.channel == channel, AlertSubscription.address == address))
    return {(call_id, kind) for call_id, kind in session.execute(query)}


def record_sent(session: Session, subscription_id: int, call_id: str, kind: str,
                now: datetime | None = None) -> SentAlert:
    sent = SentAlert(subscription_id=subscription_id, call_id=call_id, kind=_choice("kind", kind, ALERT_KINDS),
                     sent_at=_aware("now", now or utc_now()))
    session.add(sent)
    session.flush()
    return sent


def posted_on(session: Session, channel: str) -> set[tuple[str, str]]:
    """(call id, kind) of every post already made on a public channel."""
    query = select(ChannelPost.call_id, ChannelPost.kind).where(ChannelPost.channel == channel)
    return {(call_id, kind) for call_id, kind in session.execute(query)}


def record_post(session: Session, channel: str, call_id: str, kind: str, now: datetime | None = None) -> ChannelPost:
    post = ChannelPost(channel=channel, call_id=call_id, kind=_choice("kind", kind, POST_KINDS),
                       sent_at=_aware("now", now or utc_now()))
    session.add(post)
    session.flush()
    return post


def normalised_address(channel: str, address: str) -> str:
    """The one spelling an address is stored and looked up under (e-mails in lower case)."""
    if channel == TELEGRAM:
        if not _CHAT_ID.fullmatch(address):
            raise AlertError("address", "a Telegram chat id is a whole number")
        return str(int(address))
    normalised = contact.email(address)
    if normalised is None:
        raise AlertError("address", f"{address!r} is not an e-mail address")
    # Mail servers treat the local part without case in practice; "stop alerts" must find it.
    return normalised.lower()


def _active(session: Session, channel: str, address: str) -> list[AlertSubscription]:
    query = select(AlertSubscription).where(AlertSubscription.channel == channel,
                                            AlertSubscription.address == address,
                                            AlertSubscription.ended_at.is_(None))
    return list(session.scalars(query.order_by(AlertSubscription.id.desc())))


def _address_text(channel: str, address: Any) -> str:
    if isinstance(address, int) and not isinstance(address, bool) and channel == TELEGRAM:
        return str(address)  # Telegram hands chat ids over as numbers
    if not isinstance(address, str) or not address.strip():
        raise AlertError("address", "must be a Telegram chat id or an e-mail address")
    return address.strip()


def _known(name: str, values: Iterable[str], known: list[str]) -> list[str]:
    if isinstance(values, str):
        values = [values]
    chosen = list(dict.fromkeys(values or ()))
    if len(chosen) > MAX_WANTED:
        raise AlertError(name, f"at most {MAX_WANTED}")
    for value in chosen:
        if value not in known:
            raise AlertError(name, f"{value!r} is not in the catalogue (known: {', '.join(known)})")
    return chosen


def _profile(profile: Any) -> dict:
    try:
        return profile_snapshot(profile)
    except EnquiryError as err:
        raise AlertError("profile", err.problem) from None


def _channel(value: Any) -> str:
    return _choice("channel", value, ALERT_CHANNELS)


def _choice(name: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise AlertError(name, f"must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _aware(name: str, value: datetime) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise AlertError(name, "must be a timezone-aware datetime")
    return value
