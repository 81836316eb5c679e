"""The chat's actions: each one hands the turn to bot.conversation, which decides what to say."""
from __future__ import annotations

from typing import Text

from rasa_sdk.events import SlotSet

from actions.common import TurnAction
from actions.handoff import HANDOFF_SLOTS
from bot.conversation import replies, topics
from bot.conversation.intents import TOPIC_BY_INTENT
from bot.conversation.state import Turn


class ActionGreet(TurnAction):
    def name(self) -> Text:
        return "action_greet"

    def handle(self, turn: Turn) -> None:
        replies.greet(turn)


class ActionGoodbye(TurnAction):
    def name(self) -> Text:
        return "action_goodbye"

    def handle(self, turn: Turn) -> None:
        replies.goodbye(turn)

    def run(self, dispatcher, tracker, domain):
        # A goodbye also abandons a half-given contact: nothing of it is kept.
        return [*super().run(dispatcher, tracker, domain), *_forget_contact(tracker)]


class ActionThank(TurnAction):
    def name(self) -> Text:
        return "action_thank"

    def handle(self, turn: Turn) -> None:
        replies.thank(turn)


class ActionTakeAnswer(TurnAction):
    """inform, correct, affirm, deny, dont_know: facts and the answer to the last question."""

    def name(self) -> Text:
        return "action_take_answer"

    def handle(self, turn: Turn) -> None:
        replies.take_answer(turn)


class ActionCheckEligibility(TurnAction):
    """check_eligibility (one call, the headline one by default) and find_calls (every call)."""

    def name(self) -> Text:
        return "action_check_eligibility"

    def handle(self, turn: Turn) -> None:
        replies.check_eligibility(turn, every_call=turn.message.intent == "find_calls")


class ActionAnswerQuestion(TurnAction):
    """Every ask_* intent, typed in words or sent by an answer's button."""

    def name(self) -> Text:
        return "action_answer_question"

    def handle(self, turn: Turn) -> None:
        topic = TOPIC_BY_INTENT.get(turn.message.intent or "")
        if topic:
            topics.answer_question(turn, topic)
        else:  # only reachable by a forced intent the rules do not send here
            replies.misunderstood(turn, "fallback")


class ActionSummary(TurnAction):
    def name(self) -> Text:
        return "action_summary"

    def handle(self, turn: Turn) -> None:
        replies.summary(turn)


class ActionRestart(TurnAction):
    """Forget the profile and every question in progress; keep the language."""

    def name(self) -> Text:
        return "action_restart"

    def handle(self, turn: Turn) -> None:
        replies.restart(turn)

    def run(self, dispatcher, tracker, domain):
        events = super().run(dispatcher, tracker, domain)
        return [*events, *_forget_contact(tracker)]


class ActionSwitchLanguage(TurnAction):
    def name(self) -> Text:
        return "action_switch_language"

    def handle(self, turn: Turn) -> None:
        replies.switch_language(turn)


class ActionOutOfScope(TurnAction):
    """Off topic or rude: a short reply and the way back; a person after two misses."""

    understood = False

    def name(self) -> Text:
        return "action_out_of_scope"

    def handle(self, turn: Turn) -> None:
        replies.misunderstood(turn, "insult" if turn.message.intent == "insult" else "out_of_scope")


class ActionDefaultFallback(TurnAction):
    """Replaces Rasa's default fallback (NLU and dialogue): a short answer to a pending question
    is still taken; otherwise ask to rephrase."""

    understood = False

    def name(self) -> Text:
        return "action_default_fallback"

    def handle(self, turn: Turn) -> None:
        replies.misunderstood(turn, "fallback")


def _forget_contact(tracker) -> list:
    return [SlotSet(slot, None) for slot in HANDOFF_SLOTS if tracker.get_slot(slot) is not None]
