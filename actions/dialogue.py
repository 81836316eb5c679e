"""The chat's action: every turn, whatever its intent, goes to bot.conversation.routing, the one
table that decides what the bot says (the unit tests call the same table)."""
from __future__ import annotations

import asyncio
from typing import Text

from rasa_sdk import Action

from actions.common import events_of, send, turn_of
from bot.conversation import routing


class ActionTurn(Action):
    def name(self) -> Text:
        return "action_turn"

    async def run(self, dispatcher, tracker, domain):
        # In a worker thread: the engine and the database calls would otherwise hold the action
        # server's event loop, and with it every other conversation, for as long as a turn takes.
        turn = await asyncio.to_thread(_played, tracker)
        send(dispatcher, turn)
        return events_of(turn, tracker)


def _played(tracker):
    turn = turn_of(tracker)
    routing.handle(turn)
    return turn


class ActionDefaultFallback(ActionTurn):
    """Rasa's fallback (a message the classifier is unsure of) goes through the same table."""

    def name(self) -> Text:
        return "action_default_fallback"
