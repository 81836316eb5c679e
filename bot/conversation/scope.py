"""What an eligibility check covers: one call, or every call ("which calls fit us?"), which facts
it still needs, in the engine's order, and when the verdict is ready. No Rasa here.

The order is the engine's (`Assessment.missing`: the facts that settle the most calls first).
For every call, only facts that still matter are asked: those of the calls one can apply to
(open or upcoming) and of the headline call, whose next edition is what most firms wait for;
a closed call is judged on what is known, an announced one without rules is not judged.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable

from bot.assess import Assessment, assess
from bot.catalogue import Catalogue, default_catalogue
from bot.profile import Profile
from bot.status import OPEN, UPCOMING

ALL_CALLS = "all"
_APPLICABLE = {OPEN, UPCOMING}
# "Which calls fit us?" weighs the Lombard calls (the region's and the chambers'). The national
# measures (SIMEST's lines) turn on facts the chat does not ask (average revenues, a plan, target
# markets) and are always open: they are what-now's (bot.answers.now over bot.measures).
CHECKED_LEVELS = ("regional", "chamber")


def headline_call(catalogue: Catalogue | None = None) -> str | None:
    """The call a question about "the call" means: the one flagged `headline` in its file."""
    return next((call.id for call in (catalogue or default_catalogue()) if call.data.get("headline")), None)


def call_ids(scope: str, catalogue: Catalogue | None = None) -> list[str]:
    if scope != ALL_CALLS:
        return [scope]
    return [call.id for call in catalogue or default_catalogue() if call.scope["level"] in CHECKED_LEVELS]


def assessment(profile: Profile, scope: str, today: dt.date, catalogue: Catalogue | None = None) -> Assessment:
    return assess(profile, today=today, call_ids=call_ids(scope, catalogue), catalogue=catalogue)


def askable(key: str) -> bool:
    """A fact the chat has a question for (bot/texts/*/chat.yaml `chat.ask.*`)."""
    from bot.conversation.facts import KINDS  # facts reads the profile: import late

    return key in KINDS


def _skipped(key: str, skipped: Iterable[str]) -> bool:
    # "fairs" skips every fairs.* fact (the firm does not exhibit at fairs).
    return any(key == item or key.startswith(item + ".") for item in skipped)


def still_needed(result: Assessment, scope: str, skipped: Iterable[str] = ()) -> list[str]:
    """The facts to ask, in the engine's order, leaving out those the user could not give."""
    skipped = tuple(skipped)
    if scope == ALL_CALLS:
        headline = headline_call()
        live = {key for verdict in result.verdicts
                if verdict.status.status in _APPLICABLE or verdict.call.id == headline
                for key in verdict.missing}
        wanted = [key for key in result.missing if key in live]
    else:
        wanted = result.verdict(scope).missing  # empty once the call is ruled out
        wanted = [key for key in result.missing if key in wanted]
    # a named SIMEST line also turns on facts the chat cannot ask: the verdict says them unknown
    return [key for key in wanted if askable(key) and not _skipped(key, skipped)]


@dataclass(frozen=True)
class Step:
    """Ask `ask` next, or (ask is None) give the verdict on `result`."""

    result: Assessment
    ask: str | None


def next_step(profile: Profile, scope: str, today: dt.date, skipped: Iterable[str] = (), prefer: Iterable[str] = (),
              catalogue: Catalogue | None = None) -> Step:
    """The next fact to ask (one of `prefer` first, if still needed) or the verdict."""
    result = assessment(profile, scope, today, catalogue)
    needed = still_needed(result, scope, skipped)
    first = next((key for key in prefer if key in needed), None)
    return Step(result, first or (needed[0] if needed else None))


def known_call(call_id: str | None, catalogue: Catalogue | None = None) -> str | None:
    """`call_id` if the catalogue holds it (the NLU or a forced payload may name anything)."""
    if not isinstance(call_id, str):
        return None
    return call_id if call_id in (catalogue or default_catalogue()).ids() else None


def editions_of_year(aspect: str, years: Iterable[int], today: dt.date,
                     catalogue: Catalogue | None = None) -> list[str]:
    """The calls whose window spans one of `years` and whose data answers `aspect`: "nel 2022,
    che percentuale per le fiere?" is about the fairs call of 2020-2022, not today's. Only a
    single such call counts."""
    from bot.answers import HANDLERS
    from bot.nlu.calls import call_names
    from bot.status import call_status

    supports = HANDLERS[aspect].supports
    if supports is None:
        return []
    found = []
    for call in catalogue or default_catalogue():
        if call.audience != "sme" or not supports(call):
            continue
        state = call_status(call, today)
        spanned = set(call_names().years_of(call.id))
        if state.opens:
            spanned.update(range(state.opens.year, (state.closes or today).year + 1))
        if spanned & set(years):
            found.append(call.id)
    return found if len(found) == 1 else []  # several calls that year: the year alone does not choose


def loan_terms(call_id: str | None, catalogue: Catalogue | None = None) -> dict | None:
    """The call's loan terms from its file (years allowed, pre-amortisation), or None."""
    if call_id is None:
        return None
    call = (catalogue or default_catalogue()).get(call_id)
    return dict(call.loan) if call.loan else None
