"""One call against one profile: its status, each criterion's result, the verdict and the money."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bot import fmt, sme, texts
from bot.catalogue import Call, is_stale
from bot.funding import Funding, FundingInputError, MissingFacts, compute
from bot.profile import Profile
from bot.rules.criteria import FAIL, PASS, UNKNOWN, Check, Context, evaluate
from bot.status import ANNOUNCED, CLOSED, OPEN, UPCOMING, CallStatus, call_status

SME_AUDIENCE = "sme"


@dataclass(frozen=True)
class Verdict:
    call: Call
    status: CallStatus
    checks: tuple[Check, ...]
    funding: Funding | None
    funding_problem: Exception | None
    today: dt.date | None = None  # the day judged on (for the staleness of the call's data)

    @property
    def eligible(self) -> bool | None:
        """True when every criterion passes, False when any fails, None when facts are missing."""
        results = {check.result for check in self.checks}
        if FAIL in results:
            return False
        if UNKNOWN in results:
            return None
        return True

    @property
    def missing(self) -> list[str]:
        """Input keys that would settle this call (none once a criterion has failed)."""
        if self.eligible is False:
            return []
        keys = [key for check in self.checks if check.result == UNKNOWN for key in check.missing]
        if isinstance(self.funding_problem, MissingFacts):
            keys += self.funding_problem.keys
        if self.funding is not None and self.funding.grant_share is not None:
            keys += self.funding.grant_share.missing  # facts that could earn a grant share
        return list(dict.fromkeys(keys))

    def next_step(self) -> dict[str, str] | None:
        state, eligible = self.status.status, self.eligible
        if state == ANNOUNCED:
            return texts.both("next.announced")
        if eligible is False:
            return texts.both("next.not_eligible")
        if eligible is None:
            return texts.both("next.undetermined")
        if state == OPEN:
            return texts.both("next.open_eligible")
        if state == UPCOMING:
            opens = self.status.opens
            return {lang: texts.t(lang, "next.upcoming_eligible", opens=fmt.date(lang, opens)) for lang in texts.LANGUAGES}
        if state == CLOSED:
            return texts.both("next.closed_eligible")
        return None

    def conditions(self) -> list[dict[str, str]]:
        return [
            {lang: texts.t(lang, "condition.to_confirm", text=item["text"][lang]) for lang in texts.LANGUAGES}
            for item in self.call.data.get("conditions", [])
        ]

    def rate(self) -> dict[str, Any] | None:
        """The loan's rate and, when it is a share of the EU reference rate, the date it was read."""
        terms = self.call.loan
        if not terms:
            return None
        basis = terms.get("rate_basis")
        if not basis:
            return {"rate_pct": terms["rate_pct"], "basis": "fixed"}
        return {"rate_pct": terms["rate_pct"], "basis": basis["kind"], "share_pct": basis["share_pct"],
                "share_options_pct": basis.get("share_options_pct"), "read_on": basis["read_on"],
                "note": basis.get("note")}

    def to_dict(self) -> dict[str, Any]:
        status = self.status
        problem = self.funding_problem
        return {
            "id": self.call.id,
            "title": dict(self.call.title),
            "scope": self.call.scope["level"],
            "managing_body": dict(self.call.data["managing_body"]["text"]),
            "status": status.status,
            "subject_to_funds": status.subject_to_funds,
            "opens": status.opens.isoformat() if status.opens else None,
            "closes": status.closes.isoformat() if status.closes else None,
            "days_left": status.days_left,
            "last_verified": self.call.data["last_verified"],
            "stale": is_stale(self.call, self.today) if self.today else None,
            "eligible": self.eligible,
            "checks": [check.to_dict() for check in self.checks],
            "conditions": self.conditions(),
            "missing": self.missing,
            "next_step": self.next_step(),
            "funding": self.funding.to_dict() if self.funding else None,
            "rate": self.rate(),
            "funding_error": (
                {"field": problem.field, "it": problem.message_it, "en": problem.message_en}
                if isinstance(problem, FundingInputError) else None
            ),
        }


def _funding(call: Call, profile: Profile, size_class: str | None) -> tuple[Funding | None, Exception | None]:
    try:
        return compute(call.funding, call.loan, profile, size_class), None
    except (MissingFacts, FundingInputError) as problem:
        return None, problem


def _audience_check(call: Call) -> Check:
    return Check("audience", FAIL, texts.both("rules.audience.fail"))


def judge(call: Call, profile: Profile, today: dt.date) -> Verdict:
    size = sme.size_range(profile)
    funding, problem = _funding(call, profile, size.settled)
    ctx = Context(profile=profile, size=size, funding=funding, funding_problem=problem, scope=call.data.get("scope"))
    checks = [evaluate(criterion, ctx) for criterion in call.criteria]
    if call.audience != SME_AUDIENCE:
        checks.insert(0, _audience_check(call))
    return Verdict(call, call_status(call, today), tuple(checks), funding, problem, today)


__all__ = ["Verdict", "judge", "PASS", "FAIL", "UNKNOWN"]
