"""What every Orienta action shares: the tracker turned into a bot.conversation Turn, and the
Turn's replies and memory turned back into Rasa messages and slot events."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from bot import clock
from bot.conversation import language
from bot.conversation.state import ANSWER_KINDS, Message, State, Turn


def _latest(tracker: Tracker) -> dict[str, Any]:
    return tracker.latest_message or {}


def message_of(tracker: Tracker) -> Message:
    latest = _latest(tracker)
    entities = tuple(e for e in latest.get("entities") or [] if isinstance(e, dict))
    return Message(text=str(latest.get("text") or ""), intent=(latest.get("intent") or {}).get("name"),
                   entities=entities)


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
    answering = bool(tracker.active_loop_name) or (
        isinstance(pending, dict) and pending.get("kind") in ANSWER_KINDS)
    channel_hint = language.hint(latest.get("metadata")) or language.hint(
        tracker.get_slot("session_started_metadata"))
    return language.choose(text, detected=language.entity_language(latest.get("entities")),
                           previous=previous, channel_hint=channel_hint, answering=answering)


def turn_of(tracker: Tracker) -> Turn:
    return Turn(lang=conversation_language(tracker), today=clock.today(), message=message_of(tracker),
                state=State.from_slots(tracker.slots))


def send(dispatcher: CollectingDispatcher, turn: Turn) -> None:
    for said in turn.said:
        buttons = [{"title": title, "payload": payload} for title, payload in said.buttons]
        dispatcher.utter_message(text=said.text, buttons=buttons or None)


def events_of(turn: Turn, tracker: Tracker, *, understood: bool = True) -> list[dict[str, Any]]:
    """SlotSet for every slot the turn changed (and the language), then the follow-up action."""
    if understood:
        turn.remember(misses=0)
    before = {**State.from_slots(tracker.slots).slots(), "language": tracker.get_slot("language")}
    wanted = {**turn.state.slots(), "language": turn.lang}
    events = [SlotSet(name, value) for name, value in wanted.items() if before.get(name) != value]
    if turn.followup:
        events.append(FollowupAction(turn.followup))
    return events


class TurnAction(Action, ABC):
    """An action that hands the turn to one bot.conversation handler."""

    understood = True  # False for "not understood": the miss counter is kept

    @abstractmethod
    def handle(self, turn: Turn) -> None: ...

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        turn = turn_of(tracker)
        self.handle(turn)
        send(dispatcher, turn)
        return events_of(turn, tracker, understood=self.understood)
