"""The conversation around the form: greeting, goodbye, not understood, and the verdict."""
from __future__ import annotations

from typing import Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import facts, render
from actions.common import conversation_language, remember_language, say
from bot.profile import ProfileError


class ActionGreet(Action):
    def name(self) -> Text:
        return "action_greet"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        lang = conversation_language(tracker)
        say(dispatcher, lang, "chat.greet")
        return remember_language(tracker, lang)


class ActionGoodbye(Action):
    def name(self) -> Text:
        return "action_goodbye"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        lang = conversation_language(tracker)
        say(dispatcher, lang, "chat.goodbye")
        return remember_language(tracker, lang)


class ActionDefaultFallback(Action):
    """Replaces Rasa's default fallback: ask to rephrase, and forget the message not understood."""

    def name(self) -> Text:
        return "action_default_fallback"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        lang = conversation_language(tracker)
        say(dispatcher, lang, "chat.fallback")
        # After the revert, or the revert would undo the language too.
        return [UserUtteranceReverted(), SlotSet("language", lang)]


class ActionVnmVerdict(Action):
    """The engine's verdict on Verso Nuovi Mercati for the facts gathered, then a fresh start."""

    def name(self) -> Text:
        return "action_vnm_verdict"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        lang = conversation_language(tracker)
        try:
            assessment = facts.vnm_verdict(tracker.slots)
        except ProfileError as err:
            say(dispatcher, lang, "chat.verdict.bad_fact", field=err.field)
            return [AllSlotsReset(), SlotSet("language", lang)]
        for message in render.verdict_messages(assessment, facts.VNM_CALL_ID, lang):
            dispatcher.utter_message(text=message)
        say(dispatcher, lang, "chat.another")
        # The next check starts from nothing: another company, or the same one corrected.
        return [AllSlotsReset(), SlotSet("language", lang)]
