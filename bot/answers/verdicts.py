"""The engine's assessment in words: the verdict on one call (or the calls ranked, open ones
first), and what changed after the user corrected a fact.

A verdict on a closed call says what it would have been ("you would have qualified, because..."),
so a firm learns where it stands for the next edition; an announced call without rules is never
presented as a fit. Reads bot.assess.Assessment and its Verdicts; every reason, next step and
figure is the engine's.
"""
from __future__ import annotations

from bot.answers.facts_words import changed_facts
from bot.answers.general import desk_lines, place_words
from bot.answers.reply import Reply, reply
from bot.answers.say import Say, assumption_lines, money_lines, status_sentence, status_short
from bot.assess import Assessment
from bot.funding import FundingInputError
from bot.rules.eligibility import Verdict
from bot.status import ANNOUNCED, CLOSED, OPEN, UPCOMING

_OUTCOME = {True: "eligible", False: "not_eligible", None: "unknown"}
_MARK = {"pass": "check.pass", "fail": "check.fail", "unknown": "check.unknown"}
_FIGURES = ("total_eligible", "grant", "loan", "own_contribution")


def _desk(say: Say, assessment: Assessment) -> list[str]:
    desk = assessment.desk()
    return desk_lines(say, desk, place_words(say, assessment.profile)) if desk else []


def _tense(verdict: Verdict) -> str:
    return {CLOSED: "closed", ANNOUNCED: "announced"}.get(verdict.status.status, "open")


def funding_lines(say: Say, verdict: Verdict) -> list[str]:
    funding, call = verdict.funding, verdict.call
    lines = [say("verdict.money"), *money_lines(say, call, funding)]
    lines += assumption_lines(say, funding.assumptions, funding.loan_plan)
    return lines


def _one(say: Say, assessment: Assessment, verdict: Verdict) -> Reply:
    call = verdict.call
    lines = [say(f"verdict.{_tense(verdict)}.{_OUTCOME[verdict.eligible]}", call=say.title(call)),
             status_sentence(say, call, verdict.status), say("verdict.criteria")]
    lines += [say(_MARK[check.result], reason=check.reason[say.lang]) for check in verdict.checks]
    lines += [condition[say.lang] for condition in verdict.conditions()]
    if verdict.funding is not None:
        lines += funding_lines(say, verdict)
    elif isinstance(verdict.funding_problem, FundingInputError):
        problem = verdict.funding_problem
        lines.append(problem.message_it if say.lang == "it" else problem.message_en)
    step = verdict.next_step()
    if step:
        lines.append(step[say.lang])
    lines += _desk(say, assessment)
    if verdict.funding is not None:
        lines.append(say("disclaimer"))
    return reply(lines)


def _short(say: Say, verdict: Verdict) -> str:
    call, outcome = verdict.call, _OUTCOME[verdict.eligible]
    status = status_short(say, call, verdict.status)
    tense = _tense(verdict)
    if verdict.eligible is False:
        failed = next(check for check in verdict.checks if check.result == "fail")
        return say(f"ranking.{tense}.not_eligible", call=say.title(call), status=status, reason=failed.reason[say.lang])
    if verdict.funding is not None and verdict.funding.grant:
        return say(f"ranking.{tense}.{outcome}_grant", call=say.title(call), status=status,
                   grant=say.money(verdict.funding.grant))
    return say(f"ranking.{tense}.{outcome}", call=say.title(call), status=status)


def _headline(assessment: Assessment) -> Verdict | None:
    return next((v for v in assessment.verdicts if v.call.data.get("headline")), None)


def render_assessment(assessment: Assessment, lang: str, call_id: str | None = None) -> Reply:
    """The verdict on `call_id` (reasons, status, money, next step, desk), or, without a call,
    the calls in three groups: open now, closed (how the firm would have fared), to watch."""
    say = Say(lang)
    if call_id is not None:
        verdict = next((v for v in assessment.verdicts if v.call.id == call_id), None)
        if verdict is None:
            raise KeyError(f"{call_id!r} was not assessed")
        return _one(say, assessment, verdict)
    verdicts = [v for v in assessment.verdicts if v.call.audience == "sme"]
    live = [v for v in verdicts if v.status.status in (OPEN, UPCOMING)]
    headline = _headline(assessment)
    closed = [v for v in verdicts if v.status.status == CLOSED and (v.eligible is True or v is headline)]
    watch = [v for v in verdicts if v.status.status == ANNOUNCED]
    lines = [say("ranking.heading", date=say.date(assessment.today))]
    if live:
        lines.append(say("ranking.open_heading"))
        lines += [_short(say, v) for v in live]
    else:
        lines.append(say("ranking.none_open"))
    if closed:
        lines.append(say("ranking.closed_heading"))
        lines += [_short(say, v) for v in closed]
    if watch:
        lines.append(say("ranking.watch_heading"))
        lines += [say("ranking.watch", call=say.title(v.call)) for v in watch]
    if headline is not None and headline.funding is not None and headline.eligible is not False:
        lines.append(say("ranking.headline_money", call=say.title(headline.call)))
        lines += money_lines(say, headline.call, headline.funding)
    lines += _desk(say, assessment)
    return reply(lines)


# --- what changed ----------------------------------------------------------------------------

def _figure_changes(say: Say, before: Verdict, after: Verdict) -> list[str]:
    old, new = before.funding, after.funding
    if old is None and new is None:
        return []
    if old is None:
        return [say("change.money_now"), *money_lines(say, after.call, new)]
    if new is None:
        return [say("change.money_gone")]
    lines = []
    for name in _FIGURES:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            lines.append(say(f"change.figure.{name}", old=say.money(a), new=say.money(b)))
    return lines


def _call_changes(say: Say, lead: str, before: Verdict, after: Verdict, always: bool) -> list[str]:
    title = say.title(after.call)
    figures = _figure_changes(say, before, after)
    tense = _tense(after)
    if before.eligible != after.eligible:
        lines = [say(f"change.{tense}.{_OUTCOME[after.eligible]}", lead=lead, call=title)]
        if after.eligible is False:
            lines += [say("check.fail", reason=c.reason[say.lang]) for c in after.checks if c.result == "fail"]
        return lines + figures
    if not figures and not always:
        return []
    return [say("change.verdict_same", lead=lead, call=title, outcome=say(f"outcome.{_OUTCOME[after.eligible]}")),
            *figures]


def render_changes(before: Assessment, after: Assessment, lang: str, call_id: str | None = None) -> str:
    """What a correction changed: the verdicts and the figures, call by call (or for `call_id`)."""
    say = Say(lang)
    facts = changed_facts(say, before.profile, after.profile)
    lead = say("change.with", facts=facts) if facts else say("change.no_fact")
    old = {verdict.call.id: verdict for verdict in before.verdicts}
    if call_id is not None:
        ids = [call_id]
    else:
        ids = [verdict.call.id for verdict in after.verdicts if verdict.call.id in old]
    lines = []
    for cid in ids:
        lines += _call_changes(say, lead, old[cid], after.verdict(cid), always=call_id is not None)
    if not lines:
        lines.append(say("change.nothing", lead=lead))
    return "\n".join(lines)
