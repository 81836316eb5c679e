"""Rasa's SQL tracker store, able to forget a conversation (the only Rasa-importing module of bot/store).

"Cancellate i miei dati" / "delete my data" must erase the conversation itself, not only the
firm's facts: the tracker's events hold every message. An action cannot delete them, because
the Rasa server saves the tracker after the action and would write them back. So the action
sets the slot ERASE_SLOT, and this store, when it is asked to save a tracker carrying it,
deletes every stored event of the conversation instead and saves nothing: the reply confirming
the erasure is the last trace, on the user's screen only. The next message starts afresh.

endpoints.yml names it as the tracker store's `type` (SQLite by default, PostgreSQL the same).
"""
from __future__ import annotations

import logging

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SlotSet

ERASE_SLOT = "erase_conversation"
RECENT_EVENTS = 50  # the erasure's SlotSet is among the events of the turn being saved

logger = logging.getLogger(__name__)


def asks_erasure(events) -> bool:
    recent = list(events)[-RECENT_EVENTS:]
    return any(isinstance(event, SlotSet) and event.key == ERASE_SLOT and event.value is True for event in recent)


class ErasingSQLTrackerStore(SQLTrackerStore):
    async def save(self, tracker) -> None:
        if not asks_erasure(tracker.events):
            await super().save(tracker)
            return
        with self.session_scope() as session:
            erased = (session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == tracker.sender_id)
                      .delete(synchronize_session=False))
            session.commit()
        logger.info("conversation erased at the user's request (%d events)", erased)
