"""What the Orienta action does with Rasa: the tracker turned into a bot.conversation Turn, and
the Turn's replies and memory turned back into Rasa messages and slot events."""
from __future__ import annotations

import functools
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot import clock
from bot.nlu import language
from bot.conversation.state import ANSWER_KINDS, Message, Services, State, Turn


def _latest(tracker: Tracker) -> dict[str, Any]:
    return tracker.latest_message or {}


def message_of(tracker: Tracker) -> Message:
    latest = _latest(tracker)
    entities = tuple(e for e in latest.get("entities") or [] if isinstance(e, dict))
    intent = latest.get("intent") or {}
    confidence = intent.get("confidence")
    return Message(text=str(latest.get("text") or ""), intent=intent.get("name"), entities=entities,
                   confidence=float(confidence) if isinstance(confidence, (int, float)) else 1.0)


def conversation_language(tracker: Tracker) -> str:
    """The language to answer the latest message in."""
    latest = _latest(tracker)
    text = latest.get("text")
    previous = tracker.get_slot("language")
    if (latest.get("intent") or {}).get("name") == "switch_language":
        # "in English please", or a channel's command: /switch_language{"language": "en"}
        asked = language.requested(text) or language.entity_language(latest.get("entities"))
        if asked:
            return asked
    pending = tracker.get_slot("pending")
    answering = isinstance(pending, dict) and pending.get("kind") in ANSWER_KINDS
    channel_hint = language.hint(latest.get("metadata")) or language.hint(
        tracker.get_slot("session_started_metadata"))
    return language.choose(text, detected=language.entity_language(latest.get("entities")),
                           previous=previous, channel_hint=channel_hint, answering=answering)


def channel_of(tracker: Tracker) -> str:
    name = (tracker.get_latest_input_channel() or "").lower()
    return name if name.isascii() and name.isidentifier() and len(name) <= 20 else "unknown"


@functools.cache
def _sessions():
    """One session factory per action-server process (ORIENTA_DATABASE_URL, created on first use)."""
    from bot.store import session_factory

    return session_factory()


def save_enquiry(**values: Any) -> str:
    """Store an enquiry (bot.store.enquiries.create_enquiry's arguments) and give its reference;
    with the database down it is spooled and written later (bot/store/spool.py)."""
    from bot.store.spool import save_or_spool, spool_dir

    return save_or_spool(_sessions(), spool_dir(), **values)


def turn_of(tracker: Tracker) -> Turn:
    services = Services(save_enquiry=save_enquiry, channel=channel_of(tracker), conversation_id=tracker.sender_id,
                        subscribe_alerts=subscribe_alerts, stop_alerts=stop_alerts,
                        forget_alerts=forget_alerts, forget_enquiries=forget_enquiries,
                        summary_link=summary_link)
    return Turn(lang=conversation_language(tracker), today=clock.today(), message=message_of(tracker),
                state=State.from_slots(tracker.slots), services=services)


def send(dispatcher: CollectingDispatcher, turn: Turn) -> None:
    for said in turn.said:
        buttons = [{"title": title, "payload": payload} for title, payload in said.buttons]
        dispatcher.utter_message(text=said.text, buttons=buttons or None)


def events_of(turn: Turn, tracker: Tracker) -> list[dict[str, Any]]:
    """SlotSet for every slot the turn changed (and the language)."""
    before = {**State.from_slots(tracker.slots).slots(), "language": tracker.get_slot("language")}
    wanted = {**turn.state.slots(), "language": turn.lang}
    return [SlotSet(name, value) for name, value in wanted.items() if before.get(name) != value]


def subscribe_alerts(*, families: list[str], consent_version: str, **values: Any) -> None:
    """Store an alert subscription (bot.store.alerts.subscribe): the series named, else any fitting call."""
    from bot.store.alerts import subscribe

    with _sessions()() as session, session.begin():
        subscribe(session, families=families, any_call=not families, consent=True,
                  consent_version=consent_version, **values)


def stop_alerts(channel: str, address: str) -> int:
    """End every alert subscription of the address; how many there were."""
    from bot.store.alerts import unsubscribe

    with _sessions()() as session, session.begin():
        return unsubscribe(session, channel, address)


def summary_link(conversation_id: str) -> str:
    """The printable summary of this conversation, served by the advisor console."""
    from bot.summary_links import link_for

    return link_for(conversation_id)


def forget_alerts(channel: str, address: str) -> int:
    """Erase every alert subscription of the address and what was sent to it; how many there were."""
    from bot.store.alerts import forget

    with _sessions()() as session, session.begin():
        return forget(session, channel, address)


def forget_enquiries(conversation_id: str) -> int:
    """Erase the contact details of the enquiries sent from the conversation; how many there were."""
    from bot.store.enquiries import forget_conversation

    with _sessions()() as session, session.begin():
        return forget_conversation(session, conversation_id)
