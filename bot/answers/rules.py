"""Answers about who may apply: every requirement, or the one asked (size, operating site,
exports, track record, craft register, areas), with the call's notes on it and, when the firm's
facts are known, the engine's verdict on that requirement ("45%: over the 40% limit").

Also the rules told by the call's notes: one application per firm, cumulation, target markets.
A rule the sources do not give is said to be unknown, with the advice to check the call text.
"""
from __future__ import annotations

from typing import Callable, Mapping

from bot.answers.ask import Ask
from bot.answers.criteria_words import criterion_sentence, requirements
from bot.answers.reply import Reply, reply
from bot.answers.say import Say, status_of, status_sentence
from bot.answers.spending import tagged
from bot.catalogue import Call
from bot.rules.criteria import FAIL, PASS
from bot.rules.eligibility import judge
from bot.status import CLOSED

Selector = Callable[[Mapping], bool]


def _within(test: Selector) -> Selector:
    """A criterion is about the question when it, or one of its alternatives (any_of), is:
    SIMEST's "exports at least 5% or a supplier of..." answers the export question."""
    return lambda c: test(c) or any(_within(test)(option) for option in c.get("options", ()))


# Which criteria of a call each requirement question is about.
CRITERIA: dict[str, Selector] = {
    "size_rule": _within(lambda c: c["type"] == "sme_size"),
    "site_rule": _within(lambda c: c["type"] in ("lombardy_site", "chamber_territory")),
    "export_rule": _within(lambda c: c.get("fact") == "export_share_pct"),
    "intra_eu": _within(lambda c: c.get("fact") == "export_share_pct"),
    "track_record": _within(lambda c: c.get("fact") in ("approved_balance_sheets", "years_active")),
    "craft_rule": _within(lambda c: c.get("fact") == "craft_enterprise"),
    "areas_rule": _within(lambda c: c["type"] == "possible_provinces"),
}
MARKETS = _within(lambda c: c["type"] == "target_market")


def who(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    lines = [say("heading.who", call=say.title(call)), *requirements(say, call)]
    lines += [say.text(note["text"]) for note in tagged(call, "who")]
    return reply(lines)


def _checks_of(ask: Ask, call: Call, ids: set[str]):
    verdict = judge(call, ask.profile, ask.today)
    return [check for check in verdict.checks if check.criterion in ids and check.result in (PASS, FAIL)]


def _verdict_lead(say: Say, call: Call, checks, today) -> str | None:
    if not checks:
        return None
    failed = any(check.result == FAIL for check in checks)
    closed = status_of(call, today).status == CLOSED
    key = ("rule.no" if failed else "rule.yes") + ("_closed" if closed else "")
    return say(key, call=say.title(call))


def _requirement(aspect: str) -> Callable[[Ask], Reply]:
    def answer(ask: Ask) -> Reply:
        say, call = ask.say, ask.call()
        chosen = [c for c in call.criteria if CRITERIA[aspect](c)]
        notes = [say.text(note["text"]) for note in tagged(call, aspect)]
        if not chosen and not notes:
            lines = [say(f"rule.none.{aspect}", call=say.title(call)), say("heading.who", call=say.title(call)),
                     *requirements(say, call)]
            return reply(lines)
        checks = _checks_of(ask, call, {c["id"] for c in chosen})
        lines = [_verdict_lead(say, call, checks, ask.today)]
        lines += [say(f"rule.lead.{aspect}", call=say.title(call), rule=criterion_sentence(say, call, c)) for c in chosen]
        lines += notes
        lines += [say(f"check.{check.result}", reason=check.reason[say.lang]) for check in checks]
        if aspect == "track_record":
            lines.append(_young_firm_hint(ask, call))
        if checks and status_of(call, ask.today).status == CLOSED:
            lines.append(status_sentence(say, call, status_of(call, ask.today)))
        return reply(lines)

    answer.__name__ = aspect
    return answer


def _young_firm_hint(ask: Ask, call: Call) -> str | None:
    """A firm younger than the balance sheets asked rarely has them approved yet."""
    needed = next((c["limit"] for c in call.criteria if c.get("fact") == "approved_balance_sheets"), None)
    years = ask.profile.years_active
    if needed is None or years is None or ask.profile.approved_balance_sheets is not None or years >= needed:
        return None
    return ask.say("rule.young_firm", years=ask.say.number(years), needed=needed)


size_rule = _requirement("size_rule")
site_rule = _requirement("site_rule")
export_rule = _requirement("export_rule")
intra_eu = _requirement("intra_eu")
track_record = _requirement("track_record")
craft_rule = _requirement("craft_rule")
areas_rule = _requirement("areas_rule")


def _noted(aspect: str, fallback: str) -> Callable[[Ask], Reply]:
    """An answer told by the call's notes tagged with `aspect`, or 'not found' when none is."""
    def answer(ask: Ask) -> Reply:
        say, call = ask.say, ask.call()
        notes = [say.text(note["text"]) for note in tagged(call, aspect)]
        if not notes:
            return reply([say(fallback, call=say.title(call)), say("check_official")])
        return reply([say("heading.call", call=say.title(call)), *notes])

    answer.__name__ = aspect
    return answer


applications_limit = _noted("applications_limit", "notes.applications_unknown")
cumulation = _noted("cumulation", "notes.cumulation_unknown")
_markets_noted = _noted("target_markets", "notes.markets_unknown")


def target_markets(ask: Ask) -> Reply:
    """The markets a measure is limited to (its target_market criterion), with the notes on them."""
    say, call = ask.say, ask.call()
    chosen = [c for c in call.criteria if MARKETS(c)]
    if not chosen:
        return _markets_noted(ask)
    checks = _checks_of(ask, call, {c["id"] for c in chosen})
    lines = [_verdict_lead(say, call, checks, ask.today)]
    lines += [say("rule.lead.target_markets", call=say.title(call), rule=criterion_sentence(say, call, c)) for c in chosen]
    lines += [say.text(note["text"]) for note in tagged(call, "target_markets")]
    lines += [say(f"check.{check.result}", reason=check.reason[say.lang]) for check in checks]
    return reply(lines)


def supports_markets(call: Call) -> bool:
    return any(MARKETS(c) for c in call.criteria) or bool(tagged(call, "target_markets"))


def aid_regime(ask: Ask) -> Reply:
    say, call = ask.say, ask.call()
    regime = call.data.get("aid_regime")
    if not regime:
        return reply([say("regime.unknown", call=say.title(call)), say("check_official")])
    return reply([say("regime.call", call=say.title(call), text=say.text(regime["text"]))])
