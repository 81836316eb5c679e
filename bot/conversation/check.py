"""The eligibility check: which fact to ask next, and when the verdict is ready.

The order is the engine's (`Assessment.missing`: the facts that settle the most live calls
first). A check covers one call, or every call ("any call that fits me"); for every call only
facts that still matter for a call one can still apply to (open, upcoming or announced) are
asked: a closed call is judged on what is known. No Rasa here.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from bot.assess import Assessment, assess
from bot.catalogue import Catalogue, default_catalogue
from bot.profile import Profile
from bot.status import ANNOUNCED, OPEN, UPCOMING

ALL_CALLS = "all"
HEADLINE_CALL = "verso-nuovi-mercati-2025"
_LIVE = {OPEN, UPCOMING, ANNOUNCED}


def call_ids(scope: str) -> list[str] | None:
    return None if scope == ALL_CALLS else [scope]


def assessment(profile: Profile, scope: str, today: dt.date, catalogue: Catalogue | None = None) -> Assessment:
    return assess(profile, today=today, call_ids=call_ids(scope), catalogue=catalogue)


def _skipped(key: str, skipped: Iterable[str]) -> bool:
    # "fairs" skips every fairs.* fact (the firm does not exhibit at fairs).
    return any(key == item or key.startswith(item + ".") for item in skipped)


def still_needed(result: Assessment, scope: str, skipped: Iterable[str] = ()) -> list[str]:
    """The facts to ask, in the engine's order, leaving out those the user could not give."""
    skipped = tuple(skipped)
    if scope == ALL_CALLS:
        live = {key for verdict in result.verdicts if verdict.status.status in _LIVE for key in verdict.missing}
        wanted = [key for key in result.missing if key in live]
    else:
        wanted = result.verdict(scope).missing  # empty once the call is ruled out
        wanted = [key for key in result.missing if key in wanted]
    return [key for key in wanted if not _skipped(key, skipped)]


@dataclass(frozen=True)
class Step:
    """Ask `ask` next, or (ask is None) give the verdict on `result`."""

    result: Assessment
    ask: str | None


def next_step(profile: Profile, scope: str, today: dt.date, skipped: Iterable[str] = (),
              catalogue: Catalogue | None = None) -> Step:
    result = assessment(profile, scope, today, catalogue)
    needed = still_needed(result, scope, skipped)
    return Step(result, needed[0] if needed else None)


def known_call(call_id: str | None, catalogue: Catalogue | None = None) -> str | None:
    """`call_id` if the catalogue holds it (the NLU or a forced payload may name anything)."""
    if not isinstance(call_id, str):
        return None
    return call_id if call_id in (catalogue or default_catalogue()).ids() else None


def loan_terms(call_id: str = HEADLINE_CALL, catalogue: Catalogue | None = None) -> dict | None:
    """The call's loan terms from its file (years allowed, pre-amortisation), or None."""
    call = (catalogue or default_catalogue()).get(call_id)
    return dict(call.loan) if call.loan else None
