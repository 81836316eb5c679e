"""vnm_form: one question per fact, every answer read and checked before it is kept.

Shape of RasaHQ's formbot: one FormValidationAction, one validate_<slot> per slot. Each
validator is idempotent (it may see the stored value again) and never trusts a value just
because it is in a slot: the same reader checks typed text and stored values.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import REQUESTED_SLOT
from rasa_sdk.types import DomainDict

from actions import facts, render
from actions.common import conversation_language, remember_language, say
from bot.profile import ProfileError
from bot.texts import t


def _refusal(reading: facts.Reading, lang: str) -> str:
    values = dict(reading.values)
    if "options" in values:
        values["options"] = render.choices(lang, values["options"])
    return t(lang, reading.problem, **values)


class ValidateVnmForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_vnm_form"

    async def required_slots(self, domain_slots: List[Text], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> List[Text]:
        try:
            return facts.still_to_ask(tracker.slots, set(tracker.slots_to_validate()))
        except ProfileError:
            return domain_slots  # never stop asking because of a value the validators will refuse

    async def next_requested_slot(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> Dict[Text, Any]:
        # rasa_sdk names the next question only when required_slots differs from the domain's
        # list; naming it always keeps the asking order in one place (facts.FACTS).
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker, domain)
        return SlotSet(REQUESTED_SLOT, next((s for s in required if tracker.slots.get(s) is None), None))

    def _validated(self, slot: str, value: Any, dispatcher: CollectingDispatcher,
                   tracker: Tracker) -> Dict[Text, Any]:
        if value is None:  # a slot just cleared (e.g. by a refusal earlier in this turn): nothing to check
            return {slot: None}
        lang = conversation_language(tracker)
        reading = facts.read_answer(slot, value)
        if not reading.accepted:
            dispatcher.utter_message(text=_refusal(reading, lang))
            return {slot: None}
        if facts.BY_SLOT[slot].kind == "loan_choice":
            objection = facts.engine_objection(slot, {**tracker.slots, **reading.slots})
            if objection:
                dispatcher.utter_message(text=render.localized(objection, lang))
                return {slot: None}
        return reading.slots

    def validate_employees(self, value, dispatcher, tracker, domain):
        return self._validated("employees", value, dispatcher, tracker)

    def validate_turnover_eur(self, value, dispatcher, tracker, domain):
        return self._validated("turnover_eur", value, dispatcher, tracker)

    def validate_balance_sheet_eur(self, value, dispatcher, tracker, domain):
        return self._validated("balance_sheet_eur", value, dispatcher, tracker)

    def validate_operating_site(self, value, dispatcher, tracker, domain):
        return self._validated("operating_site", value, dispatcher, tracker)

    def validate_export_share_pct(self, value, dispatcher, tracker, domain):
        return self._validated("export_share_pct", value, dispatcher, tracker)

    def validate_approved_balance_sheets(self, value, dispatcher, tracker, domain):
        return self._validated("approved_balance_sheets", value, dispatcher, tracker)

    def validate_vnm_consultancy(self, value, dispatcher, tracker, domain):
        return self._validated("vnm_consultancy", value, dispatcher, tracker)

    def validate_vnm_initiatives(self, value, dispatcher, tracker, domain):
        return self._validated("vnm_initiatives", value, dispatcher, tracker)

    def validate_vnm_training(self, value, dispatcher, tracker, domain):
        return self._validated("vnm_training", value, dispatcher, tracker)

    def validate_loan_years(self, value, dispatcher, tracker, domain):
        return self._validated("loan_years", value, dispatcher, tracker)

    def validate_preamortisation_months(self, value, dispatcher, tracker, domain):
        return self._validated("preamortisation_months", value, dispatcher, tracker)


class AskFact(Action, ABC):
    """action_ask_<slot>: the form's question for one fact, in the conversation's language."""

    @property
    @abstractmethod
    def slot(self) -> str: ...

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict):
        lang = conversation_language(tracker)
        say(dispatcher, lang, f"chat.ask.{self.slot}")
        return remember_language(tracker, lang)


class AskEmployees(AskFact):
    slot = "employees"


class AskTurnover(AskFact):
    slot = "turnover_eur"


class AskBalanceSheet(AskFact):
    slot = "balance_sheet_eur"


class AskOperatingSite(AskFact):
    slot = "operating_site"


class AskExportShare(AskFact):
    slot = "export_share_pct"


class AskApprovedBalanceSheets(AskFact):
    slot = "approved_balance_sheets"


class AskConsultancy(AskFact):
    slot = "vnm_consultancy"


class AskInitiatives(AskFact):
    slot = "vnm_initiatives"


class AskTraining(AskFact):
    slot = "vnm_training"


class AskLoanYears(AskFact):
    slot = "loan_years"


class AskPreamortisation(AskFact):
    slot = "preamortisation_months"
