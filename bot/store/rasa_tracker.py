"""Rasa's SQL tracker store, able to forget a conversation (the only Rasa-importing module of bot/store).

"Cancellate i miei dati" / "delete my data" must erase the conversation itself, not only the
firm's facts: the tracker's events hold every message. An action cannot delete them, because
the Rasa server saves the tracker after the action and would write them back. So the action
sets the slot ERASE_SLOT, and this store, when it is asked to save a tracker carrying it,
deletes every stored event of the conversation instead and saves nothing: the reply confirming
the erasure is the last trace, on the user's screen only. The next message starts afresh.

"Annulla" during the contact form works the same way with REDACT_SLOT: what was typed and said
since the consent question (and the contact slot) is blanked in the stored events, so a name or
a phone number typed and then withdrawn does not stay in the conversation.

endpoints.yml names it as the tracker store's `type` (SQLite by default, PostgreSQL the same).
"""
from __future__ import annotations

import logging

import json

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import BotUttered, Event, SlotSet, UserUttered

ERASE_SLOT = "erase_conversation"
REDACT_SLOT = "redact_contact"
REDACTED = "[…]"
RECENT_EVENTS = 50  # the erasure's SlotSet is among the events of the turn being saved

logger = logging.getLogger(__name__)


def asks_erasure(events) -> bool:
    recent = list(events)[-RECENT_EVENTS:]
    return any(isinstance(event, SlotSet) and event.key == ERASE_SLOT and event.value is True for event in recent)


def _starts_contact_form(event) -> bool:
    value = event.value if isinstance(event, SlotSet) and event.key == "pending" else None
    return isinstance(value, dict) and value.get("kind") == "handoff" and value.get("step") == "consent"


def redaction_bounds(events: list, new: list) -> tuple[int, int] | None:
    """(first, end) of the events to blank when a new event asks it: from the consent question
    of the contact form to the request; None when nothing asks."""
    asked = [i for i in range(len(events) - len(new), len(events))
             if isinstance(events[i], SlotSet) and events[i].key == REDACT_SLOT and events[i].value is True]
    if not asked:
        return None
    end = asked[-1]
    first = next((i for i in range(end - 1, -1, -1) if _starts_contact_form(events[i])), None)
    return None if first is None else (first, end)


def redacted(event):
    """The event without what the user typed or the bot said back, and without the contact slot."""
    if isinstance(event, (UserUttered, BotUttered)):
        data = event.as_dict()
        data["text"] = REDACTED
        if isinstance(data.get("parse_data"), dict):
            data["parse_data"] = {**data["parse_data"], "text": REDACTED, "entities": []}
        data.pop("entities", None)
        if event.type_name == "bot":
            data["data"] = {}
        return Event.from_parameters(data)
    if isinstance(event, SlotSet) and event.key == "contact" and event.value is not None:
        return SlotSet("contact", None, timestamp=event.timestamp)
    return event


class ErasingSQLTrackerStore(SQLTrackerStore):
    def _row(self, sender_id: str, event):
        data = event.as_dict()
        return self.SQLEvent(sender_id=sender_id, type_name=event.type_name, timestamp=data.get("timestamp"),
                             intent_name=(data.get("parse_data") or {}).get("intent", {}).get("name"),
                             action_name=data.get("name"), data=json.dumps(data))

    async def _save_redacted(self, tracker, first: int, end: int) -> None:
        """Save the tracker with events first..end-1 blanked, rewriting those already stored."""
        events = list(tracker.events)
        with self.session_scope() as session:
            stored = len(events) - len(list(self._additional_events(session, tracker)))
            ids = [row.id for row in session.query(self.SQLEvent.id)
                   .filter(self.SQLEvent.sender_id == tracker.sender_id)
                   .order_by(self.SQLEvent.id.desc()).limit(stored)][::-1]
            rewrite_from = min(first, len(ids))
            if rewrite_from < len(ids):
                (session.query(self.SQLEvent)
                 .filter(self.SQLEvent.sender_id == tracker.sender_id, self.SQLEvent.id >= ids[rewrite_from])
                 .delete(synchronize_session=False))
            for index in range(rewrite_from, len(events)):
                event = events[index]
                session.add(self._row(tracker.sender_id, redacted(event) if first <= index < end else event))
            session.commit()
        logger.info("contact form withdrawn: its messages were blanked")

    async def save(self, tracker) -> None:
        if not asks_erasure(tracker.events):
            with self.session_scope() as session:
                # Counted once per turn: SQLTrackerStore.save would count the stored events again.
                new = list(self._additional_events(session, tracker))
            bounds = redaction_bounds(list(tracker.events), new)
            if bounds is not None:
                await self._save_redacted(tracker, *bounds)
                return
            await self.stream_events(tracker)
            with self.session_scope() as session:
                session.add_all([self._row(tracker.sender_id, event) for event in new])
                session.commit()
            return
        with self.session_scope() as session:
            erased = (session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == tracker.sender_id)
                      .delete(synchronize_session=False))
            session.commit()
        logger.info("conversation erased at the user's request (%d events)", erased)
