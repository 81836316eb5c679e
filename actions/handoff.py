"""Talking to a person: consent first, then the contact details, then an enquiry routed to the
Lombardia Point of the firm's province.

handoff_form asks one question at a time (its answers are read as typed, whatever the NLU thinks
of "Mario Rossi"). Without consent no personal data is kept: the enquiry is stored anonymously
(the profile, the verdicts and the desk, no contact and no conversation id), so the user gets a
reference to quote when they contact the desk themselves.
"""
from __future__ import annotations

import functools
from abc import ABC, abstractmethod
import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.types import DomainDict

from actions.common import conversation_language, message_of
from bot import clock
from bot.conversation import check, contact, facts
from bot.conversation.state import State, yes_no_buttons
from bot.texts import t

log = logging.getLogger(__name__)

HANDOFF_SLOTS = ("handoff_consent", "contact_name", "contact_reach", "company", "handoff_province")
OUTSIDE = "outside"  # the province answer when the firm is not in Lombardy or does not say
_YES = {"sì", "si", "yes", "ok", "okay", "certo", "sure", "va bene", "d'accordo", "acconsento", "i agree"}
_NO = {"no", "nope", "no grazie", "no thanks", "non acconsento", "i don't agree"}


@functools.cache
def _sessions():
    """One session factory per action-server process (ORIENTA_DATABASE_URL, created on first use)."""
    from bot.store import session_factory

    return session_factory()


def _facts(tracker: Tracker) -> dict:
    return State.from_slots(tracker.slots).facts


def _say(dispatcher: CollectingDispatcher, tracker: Tracker, key: str, buttons=(), **values: Any) -> None:
    text = t(conversation_language(tracker), key, **values)
    dispatcher.utter_message(text=text, buttons=[{"title": a, "payload": b} for a, b in buttons] or None)


class ValidateHandoffForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_handoff_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        required = ["handoff_consent"]
        if tracker.get_slot("handoff_consent") is True:
            required += ["contact_name", "contact_reach", "company"]
        if not facts.get(_facts(tracker), "province"):
            required.append("handoff_province")
        return required

    async def next_requested_slot(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[Text, Any]:
        # rasa_sdk names the next question only when required_slots differs from the domain's
        # list; naming it always keeps the order in one place (required_slots above).
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        return SlotSet(REQUESTED_SLOT, next((s for s in required if tracker.slots.get(s) is None), None))

    def validate_handoff_consent(self, value: Any, dispatcher, tracker: Tracker, domain) -> Dict[Text, Any]:
        if isinstance(value, bool):  # validated earlier in this turn
            return {"handoff_consent": value}
        if value is None:
            return {"handoff_consent": None}
        intent = message_of(tracker).intent
        words = " ".join(str(value).casefold().strip(" .!").split())
        if intent == "affirm" or words in _YES:
            return {"handoff_consent": True}
        if intent == "deny" or words in _NO:
            return {"handoff_consent": False}
        _say(dispatcher, tracker, "chat.handoff.consent_unclear")
        return {"handoff_consent": None}

    def _read(self, slot: str, reader, value: Any, dispatcher, tracker) -> Dict[Text, Any]:
        if value is None:
            return {slot: None}
        if isinstance(value, dict):  # a reach stored earlier this turn
            return {slot: value}
        read = reader(value)
        if read is None:
            _say(dispatcher, tracker, f"chat.handoff.invalid_{slot}")
            return {slot: None}
        return {slot: read}

    def validate_contact_name(self, value, dispatcher, tracker, domain):
        return self._read("contact_name", contact.read_name, value, dispatcher, tracker)

    def validate_contact_reach(self, value, dispatcher, tracker, domain):
        def reach(text):
            found = contact.read_reach(text)
            return None if found is None else {"email": found.email, "phone": found.phone}

        return self._read("contact_reach", reach, value, dispatcher, tracker)

    def validate_company(self, value, dispatcher, tracker, domain):
        return self._read("company", contact.read_company, value, dispatcher, tracker)

    def validate_handoff_province(self, value, dispatcher, tracker, domain):
        if value is None or value == OUTSIDE:
            return {"handoff_province": value}
        message = message_of(tracker)
        if message.intent in ("dont_know", "deny"):
            return {"handoff_province": OUTSIDE}
        found = facts.from_entities(message.entities).facts
        place = {k: found[k] for k in ("province", "comune") if k in found}
        if not place:
            reading = facts.read_place(str(value))
            if reading.problem:
                _say(dispatcher, tracker, "chat.handoff.invalid_handoff_province")
                return {"handoff_province": None}
            place = reading.value
        applied = facts.apply(_facts(tracker), place)
        if applied.refused:
            _say(dispatcher, tracker, "chat.handoff.invalid_handoff_province")
            return {"handoff_province": None}
        # Where the firm is belongs to its profile too.
        return {"handoff_province": applied.data["province"], "facts": applied.data}


class AskHandoffSlot(Action, ABC):
    """action_ask_<slot>: the form's question, in the conversation's language."""

    @property
    @abstractmethod
    def slot(self) -> str: ...

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        lang = conversation_language(tracker)
        buttons = yes_no_buttons(lang) if self.slot == "handoff_consent" else ()
        _say(dispatcher, tracker, f"chat.handoff.ask_{self.slot}", buttons)
        return [] if tracker.get_slot("language") == lang else [SlotSet("language", lang)]


class AskHandoffConsent(AskHandoffSlot):
    slot = "handoff_consent"


class AskContactName(AskHandoffSlot):
    slot = "contact_name"


class AskContactReach(AskHandoffSlot):
    slot = "contact_reach"


class AskCompany(AskHandoffSlot):
    slot = "company"


class AskHandoffProvince(AskHandoffSlot):
    slot = "handoff_province"


def _channel(tracker: Tracker) -> str:
    name = (tracker.get_latest_input_channel() or "").lower()
    return name if name.isascii() and name.isidentifier() and len(name) <= 20 else "unknown"


def _verdicts(state: State) -> dict[str, Any]:
    scope = state.check_scope or check.ALL_CALLS
    result = check.assessment(facts.profile(state.facts), scope, clock.today())
    return {"today": result.today.isoformat(), "scope": scope,
            "calls": [{"id": v.call.id, "status": v.status.status, "eligible": v.eligible} for v in result.verdicts]}


class ActionSubmitEnquiry(Action):
    """Store the enquiry (with or without contact), tell the reference and what happens next."""

    def name(self) -> Text:
        return "action_submit_enquiry"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        from bot.geo.desks import desk_for_province
        from bot.store.enquiries import EnquiryError, create_enquiry

        lang = conversation_language(tracker)
        state = State.from_slots(tracker.slots)
        consent = tracker.get_slot("handoff_consent") is True
        province = facts.get(state.facts, "province") or tracker.get_slot("handoff_province")
        desk = desk_for_province(province) if province and province != OUTSIDE else None
        reach = tracker.get_slot("contact_reach") if consent else None
        reach = reach if isinstance(reach, dict) else {}
        personal = {"contact_name": tracker.get_slot("contact_name"), "company": tracker.get_slot("company"),
                    "contact_email": reach.get("email"), "contact_phone": reach.get("phone"),
                    "conversation_id": tracker.sender_id} if consent else {}
        try:
            with _sessions()() as session, session.begin():
                enquiry = create_enquiry(
                    session, channel=_channel(tracker), language=lang, profile=facts.profile(state.facts),
                    verdicts=_verdicts(state), desk_id=desk.id if desk else None, consent=consent, **personal)
                reference = enquiry.reference
        except EnquiryError as err:
            log.warning("enquiry refused: %s", err)
            _say(dispatcher, tracker, "chat.handoff.refused")
            return [SlotSet(slot, None) for slot in HANDOFF_SLOTS]
        except Exception:  # the database is down: say so, never crash the conversation
            log.exception("could not store an enquiry")
            _say(dispatcher, tracker, "chat.handoff.unavailable")
            return [SlotSet(slot, None) for slot in HANDOFF_SLOTS]
        where = {"reference": reference, "chamber": desk.chamber if desk else ""}
        if desk is None:
            key = "chat.handoff.stored_no_desk" if consent else "chat.handoff.anonymous_no_desk"
        else:
            key = "chat.handoff.stored" if consent else "chat.handoff.anonymous"
        _say(dispatcher, tracker, key, **where)
        if desk is not None and not desk.contacts_verified:
            _say(dispatcher, tracker, "chat.handoff.contacts_unverified")
        return [SlotSet(slot, None) for slot in HANDOFF_SLOTS] + [SlotSet("language", lang)]
