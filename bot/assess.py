"""The whole assessment of one profile: size, desk, every call's verdict and what to ask next.

This is the engine's front door: the advisor command line prints `to_dict()` as JSON and the
chat actions read the same structure, so both always tell the same story.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bot import clock, sme
from bot.catalogue import Catalogue, default_catalogue
from bot.profile import Profile
from bot.rules.eligibility import Verdict
from bot.rules.matching import match, missing_facts


@dataclass(frozen=True)
class Assessment:
    today: dt.date
    profile: Profile
    verdicts: tuple[Verdict, ...]

    @property
    def sme_class(self) -> str | None:
        return sme.size_class(self.profile)

    def verdict(self, call_id: str) -> Verdict:
        return next(v for v in self.verdicts if v.call.id == call_id)

    @property
    def missing(self) -> list[str]:
        return missing_facts(list(self.verdicts))

    def desk(self):
        from bot.geo.desks import desk_for_province

        return desk_for_province(self.profile.province) if self.profile.province else None

    def to_dict(self) -> dict[str, Any]:
        desk = self.desk()
        return {
            "today": self.today.isoformat(),
            "sme_class": self.sme_class,
            "sme_warnings": sme.warnings(self.profile),
            "desk": desk.to_dict() if desk else None,
            "missing": self.missing,
            "calls": [verdict.to_dict() for verdict in self.verdicts],
        }


def assess(profile: Profile, today: dt.date | None = None, call_ids: list[str] | None = None,
           catalogue: Catalogue | None = None) -> Assessment:
    """Judge `profile` against the catalogue (or only `call_ids`) on `today` (default: the real date)."""
    day = today or clock.today()
    verdicts = match(catalogue or default_catalogue(), profile, day, call_ids)
    return Assessment(today=day, profile=profile, verdicts=tuple(verdicts))
