"""An enquiry's verdicts recomputed on today's date with the engine (bot/assess.py), set beside
what the user was told (the snapshot the chat stored in `enquiries.verdicts`)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bot.assess import Assessment, assess
from bot.catalogue import Catalogue
from bot.console.queue import stored_calls
from bot.profile import ProfileError, parse_profile
from bot.rules.eligibility import Verdict
from bot.store.models import Enquiry


@dataclass(frozen=True)
class CallView:
    call_id: str
    title: str
    now: Verdict | None          # today's verdict (None: the call left the catalogue)
    told: dict[str, Any] | None  # {"status", "eligible"} as stored when the user was answered

    @property
    def changed(self) -> bool:
        if self.now is None or self.told is None:
            return self.told is not None
        return (self.now.status.status, self.now.eligible) != (self.told.get("status"), self.told.get("eligible"))


@dataclass(frozen=True)
class EnquiryAssessment:
    assessment: Assessment | None
    problem: str | None
    calls: list[CallView]
    told_on: str | None


def recompute(enquiry: Enquiry, catalogue: Catalogue, today: dt.date, lang: str = "it") -> EnquiryAssessment:
    told = {c["id"]: c for c in stored_calls(enquiry)}
    try:
        result = assess(parse_profile(enquiry.profile or {}), today=today, catalogue=catalogue)
    except ProfileError as err:  # a snapshot an older engine accepted and this one does not
        return EnquiryAssessment(None, str(err), [CallView(i, i, None, c) for i, c in told.items()],
                                 (enquiry.verdicts or {}).get("today"))
    views = [CallView(v.call.id, v.call.title.get(lang) or v.call.id, v, told.get(v.call.id)) for v in result.verdicts]
    views += [CallView(i, i, None, c) for i, c in told.items() if i not in {v.call_id for v in views}]
    return EnquiryAssessment(result, None, views, (enquiry.verdicts or {}).get("today"))
