"""The engine's assessment in words: the verdict on one call (or a ranked short list of all),
and what changed after the user corrected a fact.

Reads bot.assess.Assessment and its Verdicts; every reason, next step and figure is the engine's.
"""
from __future__ import annotations

from bot.answers.facts_words import changed_facts
from bot.answers.general import desk_lines, place_words
from bot.answers.reply import Reply, reply
from bot.answers.say import (Say, assumption_lines, breakdown_line, cut_lines, minimum_line,
                             plan_lines, split_line, status_sentence, status_short)
from bot.assess import Assessment
from bot.funding import FundingInputError
from bot.rules.eligibility import Verdict

_OUTCOME = {True: "eligible", False: "not_eligible", None: "unknown"}
_MARK = {"pass": "check.pass", "fail": "check.fail", "unknown": "check.unknown"}
_FIGURES = ("total_eligible", "grant", "loan", "own_contribution")


def _desk(say: Say, assessment: Assessment) -> list[str]:
    desk = assessment.desk()
    return desk_lines(say, desk, place_words(say, assessment.profile)) if desk else []


def _funding_lines(say: Say, verdict: Verdict) -> list[str]:
    funding, call = verdict.funding, verdict.call
    lines = [say("verdict.money"), breakdown_line(say, call, funding), split_line(say, funding)]
    lines += cut_lines(say, call, funding)
    lines.append(minimum_line(say, funding))
    if funding.loan_plan is not None:
        lines += plan_lines(say, funding.loan_plan)
    lines += assumption_lines(say, funding.assumptions, funding.loan_plan)
    return lines


def _one(say: Say, assessment: Assessment, verdict: Verdict) -> Reply:
    call = verdict.call
    lines = [say(f"verdict.{_OUTCOME[verdict.eligible]}", call=say.title(call))]
    lines += [say(_MARK[check.result], reason=check.reason[say.lang]) for check in verdict.checks]
    lines += [condition[say.lang] for condition in verdict.conditions()]
    lines.append(status_sentence(say, call, verdict.status))
    if verdict.funding is not None:
        lines += _funding_lines(say, verdict)
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
    if verdict.eligible is False:
        failed = next(check for check in verdict.checks if check.result == "fail")
        return say("ranking.not_eligible", call=say.title(call), status=status, reason=failed.reason[say.lang])
    if verdict.funding is not None and verdict.funding.grant:
        return say(f"ranking.{outcome}_grant", call=say.title(call), status=status, grant=say.money(verdict.funding.grant))
    return say(f"ranking.{outcome}", call=say.title(call), status=status)


def render_assessment(assessment: Assessment, lang: str, call_id: str | None = None) -> Reply:
    """The verdict on `call_id` (reasons, conditions, status, money, next step, desk), or, without
    a call, the assessed calls ranked as the engine ranks them, one line each."""
    say = Say(lang)
    if call_id is not None:
        verdict = next((v for v in assessment.verdicts if v.call.id == call_id), None)
        if verdict is None:
            raise KeyError(f"{call_id!r} was not assessed")
        return _one(say, assessment, verdict)
    lines = [say("ranking.heading")]
    lines += [_short(say, verdict) for verdict in assessment.verdicts]
    lines += _desk(say, assessment)
    return reply(lines)


# --- what changed ----------------------------------------------------------------------------

def _figure_changes(say: Say, before: Verdict, after: Verdict) -> list[str]:
    old, new = before.funding, after.funding
    if old is None and new is None:
        return []
    if old is None:
        return [say("change.money_now", grant=say.money(new.grant), loan=say.money(new.loan))]
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
    if before.eligible != after.eligible:
        return [say("change.verdict_changed", lead=lead, call=title,
                    old=say(f"outcome.{_OUTCOME[before.eligible]}"), new=say(f"outcome.{_OUTCOME[after.eligible]}")),
                *figures]
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

