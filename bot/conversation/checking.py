"""Gathering facts and running the eligibility check in a conversation.

Facts come from any message (several at once, at any time). The check asks only what is still
missing and still matters, one question at a time in the engine's order, then gives the verdict;
a fact changed afterwards is a correction, and the bot says what it changed.
"""
from __future__ import annotations

from typing import Any, Iterable

from bot import fmt
from bot.answers import render_assessment, render_changes
from bot.catalogue import default_catalogue
from bot.conversation import check, facts
from bot.conversation.intents import button_payload
from bot.conversation.state import FACT, LOAN_YEARS, Turn, yes_no_buttons
from bot.texts import t


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
    return ()


def ask(turn: Turn, key: str) -> None:
    """The question for one fact, with quick replies when the answer is a choice."""
    turn.say(f"chat.ask.{slug(key)}", fact_buttons(key, turn.lang))
    turn.remember(pending={"kind": FACT, "key": key})


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
    return ", ".join(t(lang, f"chat.fact.{slug(key)}", value=shown_value(key, value, lang))
                     for key, value in found.items())


def _scope_for_changes(turn: Turn) -> str:
    return turn.state.check_scope or check.ALL_CALLS


def _refused(turn: Turn, refusal: facts.Refusal) -> None:
    turn.say(f"chat.invalid.{slug(refusal.key)}", value=refusal.value)


def take(turn: Turn, updates: dict[str, Any]) -> facts.Applied:
    """Apply the facts of this message; say what was refused, noted or changed."""
    before = turn.state.facts
    applied = facts.apply(before, updates)
    turn.remember(facts=applied.data)
    for refusal in applied.refused:
        _refused(turn, refusal)
    if applied.changed or (turn.state.verdict_given and applied.added):
        scope = _scope_for_changes(turn)
        old = check.assessment(facts.profile(before), scope, turn.today)
        new = check.assessment(facts.profile(applied.data), scope, turn.today)
        call_id = None if scope == check.ALL_CALLS else scope
        turn.say_text(render_changes(old, new, turn.lang, call_id=call_id))
    elif len(applied.added) > 1 or (applied.added and turn.asking not in applied.added):
        turn.say("chat.noted", facts=describe(applied.added, turn.lang))
    return applied


def skip(turn: Turn, items: Iterable[str]) -> None:
    turn.remember(skipped=tuple(dict.fromkeys((*turn.state.skipped, *items))))


def start(turn: Turn, scope: str, *, announce: bool = True) -> None:
    """Start (or restart) the check for one call or for every call."""
    turn.remember(check_scope=scope, verdict_given=False, pending=None, check_declined=False)
    step = check.next_step(facts.profile(turn.state.facts), scope, turn.today, turn.state.skipped)
    if step.ask and announce:
        if scope == check.ALL_CALLS:
            turn.say("chat.check.start_all")
        else:
            turn.say("chat.check.start_call", call=call_title(scope, turn.lang))
    proceed(turn)


def proceed(turn: Turn, prefer: Iterable[str] = ()) -> None:
    """Ask the next fact the check needs (`prefer`red first, e.g. one just refused), or give the verdict."""
    scope = turn.state.check_scope
    if scope is None:
        return
    step = check.next_step(facts.profile(turn.state.facts), scope, turn.today, turn.state.skipped)
    needed = check.still_needed(step.result, scope, turn.state.skipped)
    again = next((key for key in prefer if key in needed), None)
    if again or step.ask:
        ask(turn, again or step.ask)
        return
    turn.remember(pending=None)
    if not turn.state.verdict_given:
        verdict(turn, step.result)


def verdict(turn: Turn, result) -> None:
    scope = turn.state.check_scope or check.ALL_CALLS
    turn.say_reply(render_assessment(result, turn.lang, call_id=None if scope == check.ALL_CALLS else scope))
    turn.remember(verdict_given=True, pending=None)
    headline = next((v for v in result.verdicts if v.call.id == check.HEADLINE_CALL), None)
    if headline is not None and headline.funding is not None and headline.eligible is not False:
        offer_loan_years(turn, source="profile")
    else:
        turn.say("chat.after_verdict")


def offer_loan_years(turn: Turn, source: str) -> None:
    terms = check.loan_terms() or {}
    low, high = terms.get("min_years"), terms.get("max_years")
    if not (isinstance(low, int) and isinstance(high, int)):
        return
    buttons = tuple((t(turn.lang, "chat.button.years", years=years),
                     button_payload("loan_plan", call_id=check.HEADLINE_CALL, years=years))
                    for years in range(low, high + 1))
    turn.say("chat.loan.offer_years", buttons)
    turn.remember(pending={"kind": LOAN_YEARS, "source": source})


def call_title(call_id: str, lang: str) -> str:
    return default_catalogue().get(call_id).title[lang]
