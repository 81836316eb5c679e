"""Being told when a fitting call opens: "avvisatemi" / "alert me" starts it, "non avvisatemi più" /
"stop alerts" ends it.

Consent first (the subscription keeps the firm's facts and an address), then, outside Telegram,
the e-mail to write to; on Telegram the chat itself is the address. One question at a time, as
the handoff (`State.pending` = {"kind": "alerts", "step": ...}); "annulla" keeps nothing. The
subscription store is a service of the turn (`Turn.services.subscribe_alerts`,
`Turn.services.stop_alerts`), so this module runs without a database in the unit tests.
"""
from __future__ import annotations

import logging

from bot import contact
from bot.channels import guard
from bot.catalogue import default_catalogue
from bot.conversation import check_turns, facts, handoff, scope
from bot.conversation.state import ALERTS, FACT, State, Turn, yes_no_buttons
# The wording the user agrees to (alerts.consent.<channel>) has its version beside the store.
from bot.store.alerts import CONSENT_VERSION

log = logging.getLogger(__name__)

CONSENT, EMAIL, STOP_EMAIL, FORGET_EMAIL = "consent", "email", "stop_email", "forget_email"
TELEGRAM = "telegram"


def _chat(turn: Turn) -> str | None:
    """On Telegram the chat itself is the address: the conversation id without its channel."""
    conversation = turn.services.conversation_id
    return guard.address_of(conversation) if conversation else None


def _titles(calls: list[str], lang: str) -> str:
    catalogue = default_catalogue()
    return ", ".join(catalogue.get(c).title.get(lang) or catalogue.get(c).title["it"] for c in calls)


def _families(calls: list[str]) -> list[str]:
    """A call asked for means its series: the next edition is what the owner waits for."""
    catalogue = default_catalogue()
    return list(dict.fromkeys(catalogue.get(c).family for c in calls if scope.known_call(c)))


def start(turn: Turn, call_ids=()) -> None:
    """Offer the alerts for the calls named (or the one discussed), else for any fitting call."""
    if turn.services.subscribe_alerts is None:
        turn.say("chat.alerts.unavailable")
        return
    calls = [c for c in map(scope.known_call, call_ids) if c] or (
        [turn.state.topic_call] if scope.known_call(turn.state.topic_call) else [])
    on_telegram = turn.services.channel == TELEGRAM
    if calls:
        turn.say("chat.alerts.for_calls", calls=_titles(calls, turn.lang))
    turn.say("alerts.consent.telegram" if on_telegram else "alerts.consent.email", yes_no_buttons(turn.lang))
    turn.remember(pending={"kind": ALERTS, "step": CONSENT, "calls": calls, "resume": _resumable(turn)})


def stop(turn: Turn) -> None:
    """End every subscription of this chat (Telegram) or of the e-mail given."""
    if turn.services.stop_alerts is None:
        turn.say("chat.alerts.unavailable")
        return
    if turn.services.channel == TELEGRAM:
        turn.remember(pending={"kind": ALERTS, "step": STOP_EMAIL, "resume": _resumable(turn)})
        _stop(turn, TELEGRAM, _chat(turn))
        return
    address = contact.email(turn.message.text)
    if address:
        turn.remember(pending={"kind": ALERTS, "step": STOP_EMAIL, "resume": _resumable(turn)})
        _stop(turn, "email", address)
        return
    turn.say("chat.alerts.ask_stop_email")
    turn.remember(pending={"kind": ALERTS, "step": STOP_EMAIL, "resume": _resumable(turn)})


def _resumable(turn: Turn) -> dict | None:
    """The check's question the alerts interrupted, asked again once they are done."""
    pending = turn.state.pending or {}
    if pending.get("kind") == ALERTS:
        return pending.get("resume")
    return pending if pending.get("kind") == FACT and isinstance(pending.get("key"), str) else None


def _done(turn: Turn) -> None:
    """The alerts settled: the check's question they interrupted comes back."""
    resume = (turn.state.pending or {}).get("resume")
    turn.remember(pending=None)
    if resume:
        check_turns.ask(turn, resume["key"])


def forget(turn: Turn) -> None:
    """"Cancellate i miei dati": the firm's facts leave this conversation and the alert
    subscriptions of this chat (Telegram) or of the e-mail given are erased, with what they sent."""
    turn.state = State()
    if turn.services.forget_alerts is None:
        turn.say("chat.forget.erased")
        _erase(turn)
        return
    if turn.services.channel == TELEGRAM:
        _forget(turn, TELEGRAM, _chat(turn))
        return
    address = contact.email(turn.message.text)
    if address:
        _forget(turn, "email", address)
        return
    turn.say("chat.forget.facts")
    turn.say("chat.forget.ask_email")
    turn.remember(pending={"kind": ALERTS, "step": FORGET_EMAIL})


def _forget(turn: Turn, channel: str, address: str | None) -> None:
    turn.remember(pending=None)
    try:
        erased = turn.services.forget_alerts(channel, address) if address else 0
    except Exception:
        log.exception("could not erase alert subscriptions")
        turn.say("chat.alerts.down")
        return
    turn.say("chat.forget.done" if erased else "chat.forget.erased")
    _erase(turn)


def _erase(turn: Turn) -> None:
    """The conversation goes too: the enquiries sent from it lose their contact details, and
    the tracker store erases its events once this turn is saved (bot/store/rasa_tracker.py)."""
    forget_enquiries, conversation = turn.services.forget_enquiries, turn.services.conversation_id
    if forget_enquiries is not None and conversation:
        try:
            count = forget_enquiries(conversation)
        except Exception:
            log.exception("could not erase the enquiries' contact details")
            turn.say("chat.alerts.down")
            return
        if count:
            turn.say("chat.forget.enquiries", count=count)
    turn.remember(erase_conversation=True)


def _stop(turn: Turn, channel: str, address: str | None) -> None:
    try:
        ended = turn.services.stop_alerts(channel, address) if address else 0
    except Exception:  # the database is down: say so, never crash the conversation
        log.exception("could not end alert subscriptions")
        turn.say("chat.alerts.down")
    else:
        turn.say("chat.alerts.stopped" if ended else "chat.alerts.none_to_stop")
    _done(turn)


def take(turn: Turn) -> None:
    """The answer to the alerts' current question."""
    pending, message = turn.state.pending or {}, turn.message
    step, text = pending.get("step") or CONSENT, (message.text if not message.is_payload else "")
    if handoff.cancels(text):
        if step == FORGET_EMAIL:  # the facts are gone already: the conversation goes with them
            turn.remember(pending=None)
            turn.say("chat.forget.no_email")
            _erase(turn)
            return
        turn.say("chat.alerts.cancelled")
        _done(turn)
        return
    if step == FORGET_EMAIL:
        address = contact.email(text)
        if address is None:
            if message.intent in ("deny", "dont_know"):
                turn.remember(pending=None)
                turn.say("chat.forget.no_email")
                _erase(turn)
                return
            turn.say("chat.alerts.invalid_email")
            return
        _forget(turn, "email", address)
        return
    if step == STOP_EMAIL:
        address = contact.email(text)
        if address is None:
            turn.say("chat.alerts.invalid_email")
            return
        _stop(turn, "email", address)
        return
    if step == CONSENT:
        consent = handoff.consent_of(message.intent, text)
        if consent is None:
            turn.say("chat.alerts.consent_unclear", yes_no_buttons(turn.lang))
            return
        if not consent:
            turn.say("chat.alerts.declined")
            _done(turn)
            return
        if turn.services.channel == TELEGRAM:
            _subscribe(turn, TELEGRAM, _chat(turn), pending.get("calls") or [])
            return
        turn.say("chat.alerts.ask_email")
        turn.remember(pending={**pending, "step": EMAIL})
        return
    address = contact.email(text)
    if address is None:
        turn.say("chat.alerts.invalid_email")
        return
    _subscribe(turn, "email", address, pending.get("calls") or [])


def _subscribe(turn: Turn, channel: str, address: str | None, calls: list[str]) -> None:
    try:
        if not address:
            raise ValueError("no address")
        turn.services.subscribe_alerts(channel=channel, address=address, language=turn.lang,
                                       profile=facts.profile(turn.state.facts),
                                       families=_families(calls), consent_version=CONSENT_VERSION)
    except ValueError as err:  # the store refused a value: say so, keep nothing
        log.warning("alert subscription refused: %s", err)
        turn.say("chat.alerts.refused")
    except Exception:
        log.exception("could not store an alert subscription")
        turn.say("chat.alerts.down")
    else:
        turn.say("chat.alerts.subscribed_telegram" if channel == TELEGRAM else "chat.alerts.subscribed_email",
                 address=address)
    _done(turn)
