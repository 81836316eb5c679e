"""Ranking the calls for a profile and choosing which fact to ask next.

Order: open (or upcoming) calls the firm qualifies for; calls it would have qualified for but
that are closed (so it can watch for a new edition); then the rest — calls still undetermined,
those accepting applications first, and last the calls it does not qualify for, each with its
reasons. Calls for fair organisers are never offered to an SME.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from bot.catalogue import Catalogue
from bot.profile import Profile
from bot.rules.eligibility import SME_AUDIENCE, Verdict, judge
from bot.status import ANNOUNCED, OPEN, UPCOMING

_LIVE = {OPEN, UPCOMING, ANNOUNCED}

# Ties in "which fact settles most calls" are broken in the order a conversation flows best.
ASKING_ORDER = (
    "employees", "turnover_eur", "balance_sheet_eur", "province", "export_share_pct",
    "approved_balance_sheets", "years_active", "craft_enterprise", "investment_eur",
    "vnm_expenses.initiatives", "vnm_expenses.training", "vnm_expenses.consultancy",
    "fairs.exhibitor", "fairs.count", "fairs.eligible_expenses", "fairs.stand_sqm", "startup",
    # The national measures: what they fund, where, how much they lend, who earns the grant share.
    "plan", "target_markets", "average_revenues_eur", "certifications", "innovative_sme",
    "innovative_startup", "female_owned", "youth_owned",
)


def _rank(verdict: Verdict) -> tuple[int, int]:
    live = verdict.status.status in _LIVE
    if verdict.eligible is True:
        return (0, 0) if live and verdict.status.status != ANNOUNCED else (1, 0 if live else 1)
    if verdict.eligible is None:
        return (2, 0 if live else 1)
    return (3, 0 if live else 1)


def rank(verdicts: list[Verdict]) -> list[Verdict]:
    """Stable: calls of equal rank keep the catalogue's order."""
    return sorted(verdicts, key=_rank)


def match(catalogue: Catalogue, profile: Profile, today: dt.date, call_ids: list[str] | None = None) -> list[Verdict]:
    """Verdicts for the SME calls (or exactly the calls named, whoever they are for)."""
    if call_ids is not None:
        calls = [catalogue.get(call_id) for call_id in call_ids]
    else:
        calls = [call for call in catalogue if call.audience == SME_AUDIENCE]
    return rank([judge(call, profile, today) for call in calls])


def missing_facts(verdicts: list[Verdict]) -> list[str]:
    """Facts still needed, those settling the most live calls first, then the most calls."""
    live, every = Counter(), Counter()
    for verdict in verdicts:
        for key in verdict.missing:
            every[key] += 1
            if verdict.status.status in _LIVE:
                live[key] += 1

    def order(key: str) -> tuple[int, int, int]:
        position = ASKING_ORDER.index(key) if key in ASKING_ORDER else len(ASKING_ORDER)
        return (-live[key], -every[key], position)

    return sorted(every, key=order)
