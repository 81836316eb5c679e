"""bot/runtime/rasa_main.py: the Rasa server's two remembered lookups answer as Rasa's own do."""
import pytest
from jsonschema import ValidationError

from bot.runtime import rasa_main


def _reply(events):
    return {"events": events, "responses": [{"text": "Ciao", "buttons": [{"title": "Sì", "payload": "/affirm"}]}]}


def test_a_valid_action_reply_passes_and_the_validator_is_built_once():
    rasa_main._action_reply_validator.cache_clear()
    assert rasa_main.validate_action_result(None, _reply([{"event": "slot", "name": "x", "value": {"a": 1}}]))
    assert rasa_main.validate_action_result(None, _reply([]))
    assert rasa_main._action_reply_validator.cache_info().misses == 1


@pytest.mark.parametrize("reply", [
    {"events": "not a list"},
    _reply([{"event": "slot", "value": 1}]),          # a slot event without its name
    _reply([{"name": "x", "value": 1}]),              # no event type
    _reply([{"event": "slot", "name": 5, "value": 1}]),
])
def test_an_invalid_action_reply_is_refused_with_rasas_message(reply):
    with pytest.raises(ValidationError) as raised:
        rasa_main.validate_action_result(None, reply)
    assert "Failed to validate Action server response" in raised.value.message


def test_the_same_replies_pass_and_fail_as_with_jsonschema_validate():
    import jsonschema
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    for reply in (_reply([{"event": "user", "text": "ciao", "parse_data": {"intent": {"name": "greet"}}}]),
                  _reply([{"event": "user", "parse_data": {"intent": {"name": 3}}}]),
                  _reply([{"event": "bot", "text": "x"}, {"event": "action", "name": "action_listen"}])):
        try:
            jsonschema.validate(reply, schema)
            expected = True
        except ValidationError:
            expected = False
        try:
            got = rasa_main.validate_action_result(None, reply)
        except ValidationError:
            got = False
        assert got == expected


def test_event_classes_are_found_by_name_and_unknown_names_are_not_remembered():
    from rasa.shared.core import events
    from rasa.shared.core.events import Event, SlotSet, UserUttered

    rasa_main.apply()
    rasa_main.apply()  # twice: still one wrapper
    stored = [SlotSet("a", 1).as_dict(), UserUttered("ciao").as_dict()] * 3
    assert [type(e) for e in events.deserialise_events(stored)] == [SlotSet, UserUttered] * 3
    assert Event.resolve_by_type("nonsense", SlotSet) is SlotSet
    with pytest.raises(ValueError):
        Event.resolve_by_type("nonsense")
    assert "nonsense" not in rasa_main._event_classes
    assert rasa_main._event_classes["slot"] is SlotSet


def _conversation():
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    domain = Domain.from_yaml("""
version: "3.1"
intents: [greet, inform]
slots:
  language: {type: text, influence_conversation: false, mappings: [{type: custom}]}
actions: [action_turn]
""")
    events = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
              UserUttered("ciao", {"name": "greet", "confidence": 0.9}, input_channel="rest"),
              ActionExecuted("action_turn"), BotUttered("Buongiorno"), SlotSet("language", "it"),
              ActionExecuted("action_listen"),
              UserUttered("siamo 12", {"name": "inform", "confidence": 0.8}, input_channel="telegram")]
    return DialogueStateTracker.from_events("anna", events, domain.slots), domain


def test_the_action_server_gets_the_latest_turn_and_the_whole_state():
    from rasa.core.actions.action import RemoteAction
    from rasa_sdk import Tracker

    tracker, domain = _conversation()
    action = RemoteAction("action_turn", None)
    ours = rasa_main.action_call_format(action, tracker, domain)
    assert [e["event"] for e in ours["tracker"]["events"]] == ["user"]
    assert ours["tracker"]["events"][0]["text"] == "siamo 12"
    full = tracker.current_state()
    assert {k: v for k, v in ours["tracker"].items() if k != "events"} == {k: v for k, v in full.items() if k != "events"}
    assert (ours["next_action"], ours["sender_id"], "domain" in ours) == ("action_turn", "anna", True)
    seen = Tracker.from_dict(ours["tracker"])
    assert seen.get_latest_input_channel() == "telegram"
    assert seen.get_slot("language") == "it" and seen.latest_message["text"] == "siamo 12"


def test_a_conversation_without_a_user_message_sends_all_its_events():
    from rasa.shared.core.events import ActionExecuted

    assert len(rasa_main.latest_turn_events([ActionExecuted("action_session_start")])) == 1
    assert rasa_main.latest_turn_events([]) == []
