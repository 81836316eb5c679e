"""A conversation played through bot.conversation.routing.handle(), as the Rasa action plays it
(actions/dialogue.py), without Rasa: every message gets the entities the NLU would give.

Typed text gets bot.nlu.extract()'s entities (what OrientaEntityExtractor adds in Rasa) and the
intent the test names (the classifier's); a payload ("/ask{...}", a button) gets the intent and
entities Rasa reads from it. The reply language is chosen as the action chooses it."""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Callable

from bot.conversation import routing
from bot.nlu import language
from bot.conversation.state import ANSWER_KINDS, Message, Services, State, Turn
from bot.nlu import extract

_PAYLOAD = re.compile(r"^/(?P<intent>\w+)(?P<entities>\{.*\})?$", re.DOTALL)


def payload(text: str) -> tuple[str, list[dict[str, Any]]]:
    """The intent and entities Rasa reads from `/intent{"name": value, ...}`."""
    found = _PAYLOAD.match(text.strip())
    assert found, f"not a payload: {text!r}"
    values = json.loads(found["entities"]) if found["entities"] else {}
    return found["intent"], [{"entity": name, "value": value} for name, value in values.items()]


class Chat:
    def __init__(self, lang: str = "it", today: dt.date = dt.date(2026, 12, 2),
                 save_enquiry: Callable[..., str] | None = None, channel: str = "rest"):
        self.lang, self.today, self.state = lang, today, State()
        self.services = Services(save_enquiry=save_enquiry, channel=channel, conversation_id="chat-1")
        self.said: list = []
        self.buttons: list[tuple[str, str]] = []

    def say(self, text: str, intent: str | None = None, confidence: float = 1.0) -> str:
        """Send a message; a payload carries its own intent. Returns the bot's reply, one line per message."""
        if text.lstrip().startswith("/"):
            intent, entities = payload(text)
        else:
            assert intent, "typed text needs the intent the classifier would give"
            entities = [entity.as_rasa() for entity in extract(text)]
        self.lang = self._language(text, intent, entities)
        turn = Turn(self.lang, self.today, Message(text, intent, tuple(entities), confidence), self.state, self.services)
        routing.handle(turn)
        self.state, self.said = turn.state, turn.said
        self.buttons = [button for said in turn.said for button in said.buttons]
        return "\n".join(said.text for said in turn.said)

    def _language(self, text: str, intent: str, entities: list[dict]) -> str:
        """As actions/common.conversation_language: asked by name, else chosen on the message."""
        if intent == "switch_language":
            asked = language.requested(text) or language.entity_language(entities)
            if asked:
                return asked
        answering = (self.state.pending or {}).get("kind") in ANSWER_KINDS
        return language.choose(text, detected=language.entity_language(entities), previous=self.lang,
                               channel_hint=None, answering=answering)
