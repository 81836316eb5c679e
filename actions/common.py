"""What every Orienta action shares: the reply language and how a sentence is sent."""
from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.language import conversation_language  # noqa: F401 - re-exported for the actions
from bot.texts import t


def remember_language(tracker: Tracker, lang: str) -> list[dict[str, Any]]:
    """Store the language so the next short answer ("12") is answered in it too."""
    return [] if tracker.get_slot("language") == lang else [SlotSet("language", lang)]


def say(dispatcher: CollectingDispatcher, lang: str, key: str, **values: Any) -> None:
    dispatcher.utter_message(text=t(lang, key, **values))
