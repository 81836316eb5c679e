"""One turn of the conversation, without Rasa: the message as understood, what the bot remembers
(one field per Rasa slot), the services it may call and what it says back.

The Rasa action builds a Turn from the tracker, hands it to bot.conversation.routing.handle(),
then sends `turn.said` and stores `turn.state` back in the slots. Keeping the dialogue logic
here lets the unit tests play whole exchanges without a server, through the same table.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from typing import Any, Callable, Iterable, Mapping

from bot.conversation.intents import chat_payload
from bot.texts import t, tn

Buttons = tuple[tuple[str, str], ...]  # (title, payload)


@dataclass(frozen=True)
class Say:
    text: str
    buttons: Buttons = ()


@dataclass(frozen=True)
class Message:
    """The user's message as the NLU read it."""

    text: str = ""
    intent: str | None = None
    entities: tuple[Mapping[str, Any], ...] = ()
    confidence: float = 1.0

    @property
    def is_payload(self) -> bool:
        """A button press or a forced intent ("/ask{...}"): its intent and entities are all it says."""
        return self.text.lstrip().startswith("/")


# Pending: what the bot's last question waits for, e.g. {"kind": "fact", "key": "employees"}.
FACT, OFFER_CHECK, OFFER_HUMAN, SIMULATE_AMOUNT, LOAN_YEARS, LOAN_MONTHS, DESK_PLACE, HANDOFF, OFFER_TOPICS, ALERTS = (
    "fact", "offer_check", "offer_human", "simulate_amount", "loan_years", "loan_months", "desk_place", "handoff",
    "offer_topics", "alerts")
# Kinds whose answer is a value typed by the user: a short answer then never switches language.
ANSWER_KINDS = {FACT, SIMULATE_AMOUNT, DESK_PLACE, LOAN_YEARS, LOAN_MONTHS, HANDOFF, ALERTS}


@dataclass(frozen=True)
class State:
    """The conversation's memory; each field is the Rasa slot of the same name."""

    facts: dict = field(default_factory=dict)  # the profile's raw input (bot.conversation.facts)
    pending: dict | None = None
    check_scope: str | None = None  # a call id or "all" once a check started
    verdict_given: bool = False
    skipped: tuple = ()  # facts the user could not give ("non so"), or "fairs"
    check_declined: bool = False
    simulation: dict | None = None  # {"amount", "years", "months"} of the no-profile simulation
    loan_choice: dict | None = None  # {"years", "months"} chosen for the profile's loan plan
    misses: int = 0  # messages not understood in a row
    topic_call: str | None = None  # the call the conversation is about: a follow-up question means it
    contact: dict | None = None  # the handoff in progress: consent, name, reach, company
    erase_conversation: bool = False  # "delete my data" done: the tracker store erases the conversation
    # The contact form was cancelled: the tracker store blanks it. A one-turn signal, so read as
    # False: set again at the next cancel, it is a new SlotSet the store sees.
    redact_contact: bool = False

    @classmethod
    def from_slots(cls, slots: Mapping[str, Any]) -> "State":
        """Read the slots defensively: a slot holds what an action stored, or nothing."""
        def typed(name: str, kind: type, default: Any) -> Any:
            value = slots.get(name)
            return value if isinstance(value, kind) else default

        misses = slots.get("misses")
        return cls(
            facts=typed("facts", dict, {}),
            pending=typed("pending", dict, None),
            check_scope=typed("check_scope", str, None),
            verdict_given=typed("verdict_given", bool, False),
            skipped=tuple(item for item in typed("skipped", list, []) if isinstance(item, str)),
            check_declined=typed("check_declined", bool, False),
            simulation=typed("simulation", dict, None),
            loan_choice=typed("loan_choice", dict, None),
            misses=int(misses) if isinstance(misses, (int, float)) and not isinstance(misses, bool) else 0,
            topic_call=typed("topic_call", str, None),
            contact=typed("contact", dict, None),
            erase_conversation=typed("erase_conversation", bool, False),
        )  # redact_contact is never read back: see the field

    def slots(self) -> dict[str, Any]:
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        values["skipped"] = list(self.skipped)
        return values


@dataclass(frozen=True)
class Services:
    """What a turn may call outside the conversation (the enquiry store); tests pass their own."""

    save_enquiry: Callable[..., str] | None = None  # keyword arguments of bot.store.enquiries.create_enquiry
    # subscribe_alerts(channel=, address=, language=, profile=, families=, consent_version=);
    # stop_alerts(channel, address) -> how many subscriptions ended (bot.alerts)
    subscribe_alerts: Callable[..., object] | None = None
    stop_alerts: Callable[[str, str], int] | None = None
    forget_alerts: Callable[[str, str], int] | None = None  # erase them and what they sent
    forget_enquiries: Callable[[str], int] | None = None  # conversation id -> enquiries anonymised
    summary_link: Callable[[str], str] | None = None  # bot.summary_links.link_for: conversation id -> link
    channel: str = "unknown"
    conversation_id: str | None = None


@dataclass
class Turn:
    """A message being answered: the handlers read `message` and `state`, and add to `said`."""

    lang: str
    today: dt.date
    message: Message
    state: State
    services: Services = field(default_factory=Services)
    said: list[Say] = field(default_factory=list)
    settled: list[str] = field(default_factory=list)  # criteria the facts just given settled (check_turns)

    def say(self, key: str, buttons: Iterable[tuple[str, str]] = (), **values: Any) -> None:
        self.said.append(Say(t(self.lang, key, **values), tuple(buttons)))

    def say_count(self, key: str, count, buttons: Iterable[tuple[str, str]] = (), **values: Any) -> None:
        self.said.append(Say(tn(self.lang, key, count, **values), tuple(buttons)))

    def say_text(self, text: str, buttons: Iterable[tuple[str, str]] = ()) -> None:
        if text:
            self.said.append(Say(text, tuple(buttons)))

    def say_reply(self, reply: Any, extra_buttons: Iterable[tuple[str, str]] = ()) -> None:
        """A bot.answers Reply: its text and buttons."""
        buttons = tuple((b.title, chat_payload(b.payload)) for b in reply.buttons) + tuple(extra_buttons)
        self.say_text(reply.text, buttons)

    def remember(self, **changes: Any) -> None:
        self.state = replace(self.state, **changes)

    @property
    def pending_kind(self) -> str | None:
        return (self.state.pending or {}).get("kind")

    @property
    def asking(self) -> str | None:
        """The fact the last question asked for, if it was a fact."""
        pending = self.state.pending or {}
        return pending.get("key") if pending.get("kind") == FACT else None


def yes_no_buttons(lang: str) -> Buttons:
    return ((t(lang, "chat.button.yes"), "/affirm"), (t(lang, "chat.button.no"), "/deny"))
