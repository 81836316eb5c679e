"""The tracker store erases a conversation when its last turn set `erase_conversation`, and
only that conversation (bot/store/rasa_tracker.py), on SQLite as the assistant runs it."""
from __future__ import annotations

import asyncio
import sqlite3

from rasa.core.tracker_store import DialogueStateTracker
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from bot.store.rasa_tracker import ERASE_SLOT, ErasingSQLTrackerStore

DOMAIN = Domain.from_yaml(f"""
version: "3.1"
slots:
  {ERASE_SLOT}:
    type: bool
    influence_conversation: false
    mappings:
      - type: custom
""")


def _events(db, sender):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (sender,)).fetchone()[0]


def test_a_conversation_is_erased_when_asked_and_the_others_stay(tmp_path):
    db = str(tmp_path / "tracker.db")
    store = ErasingSQLTrackerStore(DOMAIN, dialect="sqlite", db=db)

    async def play():
        for sender in ("rest:anna", "rest:bruno"):
            tracker = DialogueStateTracker.from_events(sender, [
                ActionExecuted("action_listen"), UserUttered("siamo 12 dipendenti a Bergamo"), BotUttered("ok")])
            await store.save(tracker)
        tracker = await store.retrieve("rest:anna")
        tracker.update(UserUttered("cancellate i miei dati"))
        tracker.update(SlotSet(ERASE_SLOT, True))
        tracker.update(BotUttered("Fatto"))
        await store.save(tracker)
        return await store.retrieve("rest:anna")

    after = asyncio.run(play())
    assert _events(db, "rest:anna") == 0 and _events(db, "rest:bruno") == 3
    assert after is None or not any(isinstance(e, UserUttered) for e in after.events)


def test_a_slot_set_to_false_erases_nothing(tmp_path):
    db = str(tmp_path / "tracker.db")
    store = ErasingSQLTrackerStore(DOMAIN, dialect="sqlite", db=db)
    tracker = DialogueStateTracker.from_events("rest:carla", [UserUttered("ciao"), SlotSet(ERASE_SLOT, False)])
    asyncio.run(store.save(tracker))
    assert _events(db, "rest:carla") == 2


def _form(store, sender):
    """A conversation: a fact, then the contact form with a name and a phone, then 'annulla'."""
    from bot.store.rasa_tracker import REDACT_SLOT

    async def play():
        tracker = DialogueStateTracker.from_events(sender, [
            ActionExecuted("action_listen"), UserUttered("siamo 12 dipendenti"), BotUttered("Ho preso nota")])
        await store.save(tracker)
        tracker = await store.retrieve(sender)
        for event in (UserUttered("voglio un consulente"), SlotSet("pending", {"kind": "handoff", "step": "consent"}),
                      BotUttered("Acconsentite?")):
            tracker.update(event)
        await store.save(tracker)
        tracker = await store.retrieve(sender)
        for event in (UserUttered("sì"), BotUttered("Il vostro nome?"), UserUttered("Maria Rossi"),
                      SlotSet("contact", {"consent": True, "name": "Maria Rossi"}), BotUttered("Un recapito?")):
            tracker.update(event)
        await store.save(tracker)
        tracker = await store.retrieve(sender)
        for event in (UserUttered("+39 333 1234567"), BotUttered("Ragione sociale?")):
            tracker.update(event)
        await store.save(tracker)
        tracker = await store.retrieve(sender)
        for event in (UserUttered("annulla"), SlotSet("contact", None), SlotSet(REDACT_SLOT, True),
                      BotUttered("Annullato")):
            tracker.update(event)
        await store.save(tracker)
        tracker = await store.retrieve(sender)
        tracker.update(UserUttered("quali bandi ci sono?"))
        await store.save(tracker)

    asyncio.run(play())


def _stored_texts(db, sender):
    with sqlite3.connect(db) as connection:
        return [row[0] for row in connection.execute("SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender,))]


def test_a_cancelled_contact_form_leaves_no_typed_contact_and_the_rest_intact(tmp_path):
    db = str(tmp_path / "tracker.db")
    store = ErasingSQLTrackerStore(DOMAIN, dialect="sqlite", db=db)
    _form(store, "rest:maria")
    stored = "\n".join(_stored_texts(db, "rest:maria"))
    assert "Maria Rossi" not in stored and "333 1234567" not in stored
    assert "siamo 12 dipendenti" in stored and "quali bandi ci sono?" in stored  # before and after the form
    assert len(_stored_texts(db, "rest:maria")) == 3 + 3 + 5 + 2 + 4 + 1  # every event kept, blanked or not
