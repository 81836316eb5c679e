"""One run of the alerts: what is due, then either printed (dry run) or sent and recorded.

Each alert is recorded in its own transaction right after the channel accepted it, so a run
stopped half-way never sends the same alert again, and one that failed is simply not recorded:
the next run tries it again. One failure never stops the other sends.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable

from sqlalchemy import inspect
from sqlalchemy.orm import sessionmaker

from bot.alerts.delivery import DeliveryError, EmailSender, TelegramSender
from bot.alerts.matching import Wishes, alerts_for, channel_posts
from bot.alerts.messages import EMAIL, TELEGRAM, alert_message, post_text
from bot.alerts.settings import AlertSettings
from bot.catalogue import Catalogue
from bot.profile import ProfileError, parse_profile
from bot.store.alerts import active_subscriptions, posted_on, record_post, record_sent, sent_to

ALERT_TABLES = ("alert_subscriptions", "sent_alerts", "channel_posts")


class StoreNotReady(RuntimeError):
    pass


@dataclass(frozen=True)
class Delivery:
    """One message due: to a subscriber (subscription_id set) or to the public channel."""

    channel: str  # "telegram" or "email"
    address: str
    language: str
    call_id: str
    kind: str
    subject: str
    text: str
    subscription_id: int | None = None

    @property
    def label(self) -> str:
        return f"{self.channel} {self.address} {self.call_id} [{self.kind}]"


@dataclass
class Report:
    dry_run: bool
    due: list[Delivery] = field(default_factory=list)
    sent: list[Delivery] = field(default_factory=list)
    failed: list[tuple[Delivery | None, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def due_deliveries(sessions: sessionmaker, catalogue: Catalogue, today: dt.date,
                   settings: AlertSettings, report: Report, only_call: str | None = None) -> list[Delivery]:
    """Every message due today, subscribers first, then the public channel's posts; with
    `only_call` (the console's "send this call's alerts"), that call's alerts to subscribers only."""
    due: list[Delivery] = []
    with sessions() as session:
        for subscription in active_subscriptions(session):
            try:
                profile = parse_profile(subscription.profile)
            except ProfileError as err:  # a snapshot older than a change of the profile's fields
                report.failed.append((None, f"subscription {subscription.id}: its profile no longer reads: {err}"))
                continue
            wishes = Wishes(subscription.any_call, tuple(subscription.call_ids), tuple(subscription.families))
            already = sent_to(session, subscription.channel, subscription.address)
            since = subscription.created_at.date()
            for alert in alerts_for(catalogue, profile, wishes, today, already, since=since):
                if only_call is not None and alert.call.id != only_call:
                    continue
                message = alert_message(alert, subscription.language, subscription.channel)
                due.append(Delivery(subscription.channel, subscription.address, subscription.language,
                                    alert.call.id, alert.kind, message.subject, message.text, subscription.id))
        if settings.channel and only_call is None:
            lang = settings.channel_language
            for post in channel_posts(catalogue, today, posted_on(session, settings.channel)):
                due.append(Delivery(TELEGRAM, settings.channel, lang, post.call.id, post.kind, "",
                                    post_text(post, lang, settings.bot_username)))
    return due


async def run_alerts(sessions: sessionmaker, catalogue: Catalogue, today: dt.date, settings: AlertSettings,
                     dry_run: bool, say: Callable[[str], None] = print, only_call: str | None = None) -> Report:
    _check_store(sessions)
    report = Report(dry_run)
    report.due = due_deliveries(sessions, catalogue, today, settings, report, only_call)
    for _, problem in report.failed:
        say(f"FAILED {problem}")
    if dry_run:
        for delivery in report.due:
            say(f"would send {delivery.label}" + (f": {delivery.subject}" if delivery.subject else ""))
            say("    " + delivery.text.replace("\n", "\n    "))
        say(f"dry run on {today.isoformat()}: {len(report.due)} to send; nothing sent, nothing recorded")
        return report
    email = EmailSender(settings.smtp)
    async with TelegramSender(settings.telegram_token, settings.telegram_api_url) as telegram:
        for delivery in report.due:
            try:
                if delivery.channel == EMAIL:
                    await email.send(delivery.address, delivery.subject, delivery.text, delivery.language)
                else:
                    await telegram.send(delivery.address, delivery.text)
            except DeliveryError as err:
                report.failed.append((delivery, str(err)))
                say(f"FAILED {delivery.label}: {err} (not recorded: the next run tries again)")
                continue
            _record(sessions, delivery)
            report.sent.append(delivery)
            say(f"sent {delivery.label}")
    say(f"alerts on {today.isoformat()}: {len(report.sent)} sent, {len(report.failed)} failed")
    return report


def _record(sessions: sessionmaker, delivery: Delivery) -> None:
    with sessions.begin() as session:
        if delivery.subscription_id is None:
            record_post(session, delivery.address, delivery.call_id, delivery.kind)
        else:
            record_sent(session, delivery.subscription_id, delivery.call_id, delivery.kind)


def _check_store(sessions: sessionmaker) -> None:
    engine = sessions.kw["bind"]
    with engine.connect() as connection:
        missing = [name for name in ALERT_TABLES if not inspect(connection).has_table(name)]
    if missing:
        raise StoreNotReady(f"the store has no {', '.join(missing)} table: migrate it first (python -m bot.store)")
