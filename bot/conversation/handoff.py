"""Talking to a person: consent first, then the contact details, then an enquiry routed to the
desk of the firm's province. The same dialogue mechanism as the check: one question at a time
(`State.pending` = {"kind": "handoff", "step": ...}), each answer read as typed ("Mario Rossi"
is no intent), "annulla" / "cancel" at any step keeps nothing.

Without consent no personal data is kept: the enquiry is stored anonymously (the profile, the
verdicts and the desk, no contact and no conversation id), so the user gets a reference to quote
when they contact the desk themselves. The store itself is a service of the turn
(`Turn.services.save_enquiry`), so this module runs without a database in the unit tests.
"""
from __future__ import annotations

import logging
import re

from bot import contact
from bot.conversation import facts, scope
from bot.conversation.intents import ask_payload
from bot.conversation.state import HANDOFF, Turn, yes_no_buttons
from bot.geo.desks import desk_for_province
from bot.nlu.acts import normalised
from bot.texts import t

log = logging.getLogger(__name__)

CONSENT, NAME, REACH, COMPANY, PROVINCE = "consent", "name", "reach", "company", "province"
# The consent sentence is chat.handoff.ask_handoff_consent in bot/texts/*/chat.yaml; change this
# whenever it changes, so each enquiry says which wording its user agreed to.
CONSENT_VERSION = "handoff-2026-12-02"
OUTSIDE = "outside"  # the province answer when the firm is not in Lombardy or does not say
_YES = re.compile(r"^(?:si|sì|yes|ok|okay|certo|sure|va bene|d accordo|acconsento|i agree|agree|yes please|si grazie)$")
_NO = re.compile(r"^(?:no|nope|no grazie|no thanks|non acconsento|i don t agree|i do not agree|preferisco di no|no thank you)$")
_CANCEL = re.compile(r"^(?:annulla|annullare|lascia perdere|lasciamo perdere|stop|basta|cancel|never mind|forget it|esci|exit)\b")


def start(turn: Turn, found: facts.Found | None = None) -> None:
    """Ask consent; a place in the same message ("we're in Lecco") is kept, and its desk named
    first, so the owner knows who will call back."""
    place = {key: found.facts[key] for key in ("province", "comune") if found and key in found.facts}
    if place:
        from bot.conversation import check_turns  # check_turns' replies are the turn's, as for any fact

        check_turns.take(turn, place, quiet=True)
    desk = desk_for_province(facts.get(turn.state.facts, "province"))
    if desk is not None:
        comune, province = facts.get(turn.state.facts, "comune"), facts.get(turn.state.facts, "province")
        where = (t(turn.lang, "answers.place.comune", comune=comune, province=province) if comune
                 else t(turn.lang, "answers.place.province", province=province))
        turn.say("chat.handoff.desk", place=where, chamber=desk.chamber, provinces=", ".join(desk.provinces))
    turn.remember(contact={}, pending={"kind": HANDOFF, "step": CONSENT})
    turn.say("chat.handoff.ask_handoff_consent", yes_no_buttons(turn.lang))


def consent_of(intent: str | None, text: str) -> bool | None:
    """Yes, no, or unclear (None), from the classifier's intent and the words."""
    words = normalised(text)
    if intent == "affirm" and not _NO.match(words) or _YES.match(words):
        return True
    if intent in ("deny", "dont_know") or _NO.match(words):
        return False
    return None


def cancels(text: str) -> bool:
    return bool(_CANCEL.match(normalised(text)))


def cancel(turn: Turn) -> None:
    """"Annulla": nothing is stored, and the tracker store blanks what was typed since the
    consent question (bot/store/rasa_tracker.py), so no contact detail stays in the conversation."""
    turn.remember(contact=None, pending=None, redact_contact=True)
    turn.say("chat.handoff.cancelled")


def _step(turn: Turn) -> str:
    return (turn.state.pending or {}).get("step") or CONSENT


def _ask(turn: Turn, step: str) -> None:
    key = {CONSENT: "handoff_consent", NAME: "contact_name", REACH: "contact_reach", COMPANY: "company",
           PROVINCE: "handoff_province"}[step]
    turn.say(f"chat.handoff.ask_{key}", yes_no_buttons(turn.lang) if step == CONSENT else ())
    turn.remember(pending={"kind": HANDOFF, "step": step})


def _next(turn: Turn, collected: dict) -> None:
    """The next missing step, or the enquiry when nothing is missing."""
    turn.remember(contact=collected)
    steps = [NAME, REACH, COMPANY] if collected.get("consent") else []
    if not facts.get(turn.state.facts, "province"):
        steps.append(PROVINCE)
    missing = next((step for step in steps if step not in collected), None)
    if missing:
        _ask(turn, missing)
    else:
        _submit(turn, collected)


def take(turn: Turn) -> None:
    """The answer to the handoff's current question."""
    step, message = _step(turn), turn.message
    collected = dict(turn.state.contact or {})
    text = message.text if not message.is_payload else ""
    if step == CONSENT:
        consent = consent_of(message.intent, text)
        if consent is None:
            turn.say("chat.handoff.consent_unclear", yes_no_buttons(turn.lang))
            return
        collected["consent"] = consent
    elif step == NAME:
        if not _store(turn, collected, NAME, contact.read_name(text)):
            return
    elif step == REACH:
        reach = contact.read_reach(text)
        if not _store(turn, collected, REACH, {"email": reach.email, "phone": reach.phone} if reach else None):
            return
    elif step == COMPANY:
        if not _store(turn, collected, COMPANY, contact.read_company(text)):
            return
    elif step == PROVINCE and not _place(turn, collected):
        return
    _next(turn, collected)


def _store(turn: Turn, collected: dict, step: str, value) -> bool:
    if value is None:
        key = {NAME: "invalid_contact_name", REACH: "invalid_contact_reach", COMPANY: "invalid_company"}[step]
        turn.say(f"chat.handoff.{key}")
        return False
    collected[step] = value
    return True


def _place(turn: Turn, collected: dict) -> bool:
    message = turn.message
    if message.intent in ("dont_know", "deny"):
        collected[PROVINCE] = OUTSIDE
        return True
    found = facts.from_entities(message.entities, today=turn.today).facts
    place = {k: found[k] for k in ("province", "comune") if k in found}
    if not place:
        reading = facts.read_place(message.text)
        if reading.problem:
            turn.say("chat.handoff.invalid_handoff_province")
            return False
        place = dict(reading.value)
    applied = facts.apply(turn.state.facts, place)
    if applied.refused:
        turn.say("chat.handoff.invalid_handoff_province")
        return False
    turn.remember(facts=applied.data)  # where the firm is belongs to its profile too
    collected[PROVINCE] = applied.data["province"]
    return True


def _verdicts(turn: Turn) -> dict:
    check_scope = turn.state.check_scope or scope.ALL_CALLS
    result = scope.assessment(facts.profile(turn.state.facts), check_scope, turn.today)
    return {"today": result.today.isoformat(), "scope": check_scope,
            "calls": [{"id": v.call.id, "status": v.status.status, "eligible": v.eligible} for v in result.verdicts]}


def _submit(turn: Turn, collected: dict) -> None:
    consent = collected.get("consent") is True
    province = facts.get(turn.state.facts, "province") or collected.get(PROVINCE)
    desk = desk_for_province(province) if province and province != OUTSIDE else None
    reach = collected.get(REACH) or {}
    personal = {"contact_name": collected.get(NAME), "company": collected.get(COMPANY),
                "contact_email": reach.get("email"), "contact_phone": reach.get("phone"),
                "conversation_id": turn.services.conversation_id, "consent_version": CONSENT_VERSION} if consent else {}
    turn.remember(contact=None, pending=None)
    save = turn.services.save_enquiry
    try:
        if save is None:
            raise RuntimeError("no enquiry store")
        reference = save(channel=turn.services.channel, language=turn.lang, profile=facts.profile(turn.state.facts),
                         verdicts=_verdicts(turn), desk_id=desk.id if desk else None, consent=consent, **personal)
    except ValueError as err:  # the store refused a value (EnquiryError): say so, keep nothing
        log.warning("enquiry refused: %s", err)
        turn.say("chat.handoff.refused")
        return
    except Exception:  # the database is down: say so, never crash the conversation
        log.exception("could not store an enquiry")
        turn.say("chat.handoff.unavailable")
        return
    where = {"reference": reference, "chamber": desk.chamber if desk else ""}
    if desk is None:
        key = "chat.handoff.stored_no_desk" if consent else "chat.handoff.anonymous_no_desk"
    else:
        key = "chat.handoff.stored" if consent else "chat.handoff.anonymous"
    turn.say(key, **where)
    if desk is not None and not desk.contacts_verified:
        turn.say("chat.handoff.contacts_unverified")
    # what the owner can do now, as after any answer (a person was just asked for: not offered again)
    turn.say("chat.anything_else", ((t(turn.lang, "chat.button.check"), "/check_eligibility"),
                                    (t(turn.lang, "chat.button.open_now"), ask_payload("what_now"))))
