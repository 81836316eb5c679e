"""Which subscriptions a call matches, for the console's catalogue page: those whose wishes cover
it and whose firm it does not rule out, and how many of them it has not been told to yet."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import sessionmaker

from bot.alerts.matching import Wishes, alerts_for
from bot.catalogue import Catalogue
from bot.profile import ProfileError, parse_profile
from bot.rules.matching import match
from bot.store.alerts import active_subscriptions, sent_to


@dataclass(frozen=True)
class CallAudience:
    matched: int  # active subscriptions the call fits
    due: int  # of those, the ones an alert would go to today


def audiences(sessions: sessionmaker, catalogue: Catalogue, today: dt.date) -> dict[str, CallAudience]:
    """For every call: the subscriptions it matches and those due an alert today."""
    matched = {call.id: 0 for call in catalogue}
    due = dict(matched)
    with sessions() as session:
        for subscription in active_subscriptions(session):
            try:
                profile = parse_profile(subscription.profile)
            except ProfileError:
                continue  # reported by the alerts run itself
            wishes = Wishes(subscription.any_call, tuple(subscription.call_ids), tuple(subscription.families))
            covered = [call.id for call in catalogue if wishes.cover(call)]
            if not covered:
                continue
            for verdict in match(catalogue, profile, today, covered):
                if verdict.eligible is not False:
                    matched[verdict.call.id] += 1
            already = sent_to(session, subscription.channel, subscription.address)
            for alert in alerts_for(catalogue, profile, wishes, today, already, since=subscription.created_at.date()):
                due[alert.call.id] += 1
    return {call_id: CallAudience(matched[call_id], due[call_id]) for call_id in matched}
