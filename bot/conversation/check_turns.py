"""The eligibility check as turns of the conversation: facts taken from any message, the next
question, the verdict and what the firm can do next.

Facts come from any message (several at once, at any time). The check asks only what is still
missing and still matters, one question at a time in the engine's order (bot.conversation.scope),
and says at once what each fact given settles ("✓ export 38%, within the 40% limit"); then the
verdict, criterion by criterion, with the figures. A fact changed afterwards is a correction:
the bot recomputes and says what changed.
"""
from __future__ import annotations

import logging

from typing import Any, Iterable

from bot import fmt
from bot.answers import render_assessment, render_changes
from bot.catalogue import default_catalogue
from bot.conversation import facts, scope
from bot.conversation.intents import ask_payload
from bot.conversation.state import FACT, LOAN_YEARS, Turn, yes_no_buttons
from bot.rules.criteria import UNKNOWN
from bot.status import CLOSED, call_status
from bot.texts import t


log = logging.getLogger(__name__)


def slug(key: str) -> str:
    return key.replace(".", "_")


def fact_buttons(key: str, lang: str) -> tuple[tuple[str, str], ...]:
    kind = facts.KINDS.get(key)
    dont_know = (t(lang, "chat.button.dont_know"), "/dont_know")
    if kind == facts.YES_NO:
        return (*yes_no_buttons(lang), dont_know)
    if kind == facts.EXHIBITOR:
        return tuple((t(lang, f"chat.button.exhibitor_{value}"), f'/inform{{"exhibitor": "{value}"}}')
                     for value in ("new", "frequent", facts.NO_FAIRS))
    return (dont_know,)


def _hint(turn: Turn, key: str) -> str | None:
    """What the call being checked requires of the fact asked ("VNM asks for at least 2 ...")."""
    call_id = turn.state.check_scope
    if call_id in (None, scope.ALL_CALLS):
        return None
    call = default_catalogue().get(call_id)
    for criterion in call.criteria:
        hint = f"chat.hint.{slug(key)}.{criterion['type']}{'_strict' if criterion.get('strict') else ''}"
        if criterion.get("fact") == key and hint in _texts(turn.lang):
            return t(turn.lang, hint, call=call.title[turn.lang], limit=fmt.number(turn.lang, criterion["limit"]))
    return None


def ask(turn: Turn, key: str) -> None:
    """The question for one fact, with what the call requires of it, and quick replies."""
    hint = _hint(turn, key)
    if hint:
        turn.say_text(hint)
    turn.say(f"chat.ask.{slug(key)}", fact_buttons(key, turn.lang))
    turn.remember(pending={"kind": FACT, "key": key})


def _inferred(data: dict) -> dict[str, Any]:
    """Facts that follow from others: a firm in its first year has no approved balance sheet yet."""
    years = facts.get(data, "years_active")
    if years is not None and float(years) < 1 and facts.get(data, "approved_balance_sheets") is None:
        return {"approved_balance_sheets": "0"}
    return {}


def shown_value(key: str, value: Any, lang: str) -> str:
    kind = facts.KINDS.get(key)
    if kind == facts.MONEY:
        return fmt.money(lang, value)
    if kind == facts.PERCENT:
        return fmt.percent(lang, value)
    if kind in (facts.COUNT, facts.DECIMAL):
        return fmt.number(lang, value)
    if kind == facts.YES_NO:
        return t(lang, "chat.button.yes" if value else "chat.button.no").lower()
    if kind == facts.EXHIBITOR:
        return t(lang, f"chat.button.exhibitor_{value}").lower()
    return str(value)


def describe(found: dict[str, Any], lang: str) -> str:
    """"25 dipendenti, fatturato 4.000.000,00 €" for the facts just given."""
    from bot.texts import tn

    parts = []
    for key, value in found.items():
        if facts.KINDS.get(key) == facts.COUNT and f"chat.fact.{slug(key)}.other" in _texts(lang):
            parts.append(tn(lang, f"chat.fact.{slug(key)}", value))
        else:
            parts.append(t(lang, f"chat.fact.{slug(key)}", value=shown_value(key, value, lang)))
    return ", ".join(parts)


def _texts(lang: str) -> dict:
    from bot.texts import catalogue

    return catalogue(lang)


def _scope_for_changes(turn: Turn) -> str:
    return turn.state.check_scope or scope.ALL_CALLS


# A refused value is quoted back so the user sees what was read; a 300-digit one is cut short.
MAX_QUOTED = 24


def _refused(turn: Turn, refusal: facts.Refusal) -> None:
    value = str(refusal.value)
    quoted = value if len(value) <= MAX_QUOTED else value[:MAX_QUOTED - 1] + "…"
    turn.say(f"chat.invalid.{slug(refusal.key)}", value=quoted)


def _settled_lines(turn: Turn, before: dict, after: dict) -> list[str]:
    """The criteria of the call being checked that the facts just given settled, one line each."""
    call_id = turn.state.check_scope
    if call_id in (None, scope.ALL_CALLS):
        return []
    old = scope.assessment(facts.profile(before), call_id, turn.today).verdict(call_id)
    new = scope.assessment(facts.profile(after), call_id, turn.today).verdict(call_id)
    was = {check.criterion: check.result for check in old.checks}
    return [t(turn.lang, f"answers.check.{check.result}", reason=check.reason[turn.lang])
            for check in new.checks if was.get(check.criterion) == UNKNOWN and check.result != UNKNOWN]


def say_ranges(turn: Turn, ranges: dict[str, tuple[str, str]]) -> None:
    """A figure given as a range is judged on its prudent end: say which, so it can be corrected."""
    for key, (low, high) in ranges.items():
        chosen = high if key in facts.UPPER_IS_PRUDENT else low
        turn.say("chat.range", low=shown_value(key, low, turn.lang), high=shown_value(key, high, turn.lang),
                 chosen=shown_value(key, chosen, turn.lang))


def say_share(turn: Turn, exports: str, turnover: str, share: str) -> None:
    """An export share worked out from euros: say the sum, so a wrong figure can be corrected."""
    turn.say("chat.export_share", exports=shown_value("turnover_eur", exports, turn.lang),
             turnover=shown_value("turnover_eur", turnover, turn.lang),
             share=shown_value("export_share_pct", share, turn.lang))


def take(turn: Turn, updates: dict[str, Any], *, quiet: bool = False) -> facts.Applied:
    """Apply the facts of this message; say what was refused, noted, settled or changed."""
    before = turn.state.facts
    applied = facts.apply(before, updates)
    derived = _inferred(applied.data)
    if derived:
        applied = facts.apply(before, {**updates, **derived})
        turn.say("chat.inferred.no_balance_sheets")
    turn.remember(facts=applied.data)
    for refusal in applied.refused:
        _refused(turn, refusal)
    if applied.changed or (turn.state.verdict_given and applied.added):
        check_scope = _scope_for_changes(turn)
        old = scope.assessment(facts.profile(before), check_scope, turn.today)
        new = scope.assessment(facts.profile(applied.data), check_scope, turn.today)
        call_id = None if check_scope == scope.ALL_CALLS else check_scope
        turn.say_text(render_changes(old, new, turn.lang, call_id=call_id))
        return applied
    noted = {k: v for k, v in applied.added.items() if k != turn.asking}
    if noted and not quiet:
        turn.say("chat.noted", facts=describe(noted, turn.lang))
    turn.settled += _settled_lines(turn, before, applied.data)
    return applied


def skip(turn: Turn, items: Iterable[str]) -> None:
    turn.remember(skipped=tuple(dict.fromkeys((*turn.state.skipped, *items))))


def start(turn: Turn, check_scope: str, *, announce: bool = True, prefer: Iterable[str] = (),
          updates: dict[str, Any] | None = None) -> facts.Applied | None:
    """Start (or restart) the check for one call or for every call, with the facts of the message
    that asked for it (so what they settle is said at once)."""
    turn.remember(check_scope=check_scope, verdict_given=False, pending=None, check_declined=False,
                  topic_call=None if check_scope == scope.ALL_CALLS else check_scope)
    applied = take(turn, updates, quiet=True) if updates else None
    step = scope.next_step(facts.profile(turn.state.facts), check_scope, turn.today, turn.state.skipped)
    if step.ask and announce:
        if check_scope == scope.ALL_CALLS:
            turn.said.insert(0, _say(turn, "chat.check.start_all"))
        else:
            call = default_catalogue().get(check_scope)
            closed = call_status(call, turn.today).status == CLOSED
            key = "chat.check.start_closed" if closed else "chat.check.start_call"
            turn.said.insert(0, _say(turn, key, call=call_title(check_scope, turn.lang)))
    proceed(turn, prefer=list(prefer) + (related(applied) if applied else []))
    return applied


def _say(turn: Turn, key: str, **values):
    from bot.conversation.state import Say

    return Say(t(turn.lang, key, **values))


def related(applied: facts.Applied) -> list[str]:
    """After a firm's age, its balance sheets: the fact the age says most about."""
    return ["approved_balance_sheets"] if "years_active" in applied.added else []


def proceed(turn: Turn, prefer: Iterable[str] = ()) -> None:
    """Ask the next fact the check needs (`prefer`red first, e.g. one just refused), or give the verdict."""
    check_scope = turn.state.check_scope
    if check_scope is None:
        return
    step = scope.next_step(facts.profile(turn.state.facts), check_scope, turn.today, turn.state.skipped, prefer)
    settled, turn.settled = turn.settled, []
    if step.ask:
        if settled:  # what the facts just given settle, before the next question (the verdict says it all)
            turn.say_text("\n".join(settled))
        ask(turn, step.ask)
        return
    turn.remember(pending=None)
    if not turn.state.verdict_given:
        verdict(turn, step.result)


def reopened(turn: Turn) -> bool:
    """Whether the check needs facts again (a correction revived a call that had failed)."""
    step = scope.next_step(facts.profile(turn.state.facts), turn.state.check_scope, turn.today, turn.state.skipped)
    return step.ask is not None


def verdict(turn: Turn, result) -> None:
    check_scope = turn.state.check_scope or scope.ALL_CALLS
    call_id = None if check_scope == scope.ALL_CALLS else check_scope
    turn.say_reply(render_assessment(result, turn.lang, call_id=call_id))
    turn.remember(verdict_given=True, pending=None)
    _summary_link(turn)
    chosen = call_id or scope.headline_call()
    judged = next((v for v in result.verdicts if v.call.id == chosen), None)
    if judged is not None and judged.funding is not None and judged.eligible is not False and judged.call.loan:
        offer_loan_years(turn, call_id=judged.call.id, source="profile")
    else:
        after_verdict(turn)


def _summary_link(turn: Turn) -> None:
    """A printable summary of the check that only this conversation can open (bot.summary_links)."""
    make = turn.services.summary_link
    if make is None or not turn.services.conversation_id:
        return
    try:
        link = make(turn.services.conversation_id)
    except Exception:  # no secret readable: the verdict stands without its link
        log.exception("could not make a summary link")
        return
    turn.say("chat.summary_link", link=link)


def after_verdict(turn: Turn) -> None:
    """What the firm can do now: talk to an advisor, see what is open today, be told of new calls."""
    alerts = t(turn.lang, "chat.button.alerts")
    turn.say("chat.after_verdict", (
        (t(turn.lang, "chat.button.human"), "/human_handoff"),
        (t(turn.lang, "chat.button.open_now"), ask_payload("what_now")),
        (alerts, alerts),
    ))


def offer_loan_years(turn: Turn, call_id: str, source: str) -> None:
    terms = scope.loan_terms(call_id) or {}
    low, high = terms.get("min_years"), terms.get("max_years")
    if not (isinstance(low, int) and isinstance(high, int)):
        after_verdict(turn)
        return
    buttons = tuple((t(turn.lang, "chat.button.years", years=years),
                     ask_payload("loan_plan", call_id=call_id, years=years))
                    for years in range(low, high + 1))
    turn.say("chat.loan.offer_years", buttons + ((t(turn.lang, "chat.button.human"), "/human_handoff"),))
    turn.remember(pending={"kind": LOAN_YEARS, "source": source, "call_id": call_id})


def call_title(call_id: str, lang: str) -> str:
    return default_catalogue().get(call_id).title[lang]
