"""`python -m bot.runtime.rasa_main run ...`: Rasa's own command line, with three fixes of its speed.

Profiling a Rasa server under load (py-spy) showed two lookups Rasa 3.6 redoes on every call,
and one message that grows with the conversation:

- every reply of the action server is checked with `jsonschema.validate`, which first checks the
  schema itself against the JSON Schema meta-schema and builds a new validator: about half of
  the Rasa server's time on a turn of Orienta, whose every turn is a custom action. Here the
  validator is built once; the reply is checked against the same schema, with the same error.
- every stored event read back walks all subclasses of Event to find its class by name (a
  tenth of a turn, more as the conversation grows). Here a name found is remembered.
- every call of the action server carries the conversation's whole history (every event since
  the first message, each user message with its intent ranking), which both servers encode and
  decode on every turn. Orienta's actions read the slots, the latest message and its channel
  (actions/common.py), so the call carries the events from the latest user message on; the
  slots, the latest message and the rest of the tracker's state are sent whole, as before.

Everything else is Rasa's `main()` unchanged. The benchmark starts the stock bot the same way.
"""
from __future__ import annotations

import functools
from typing import Any, Dict


@functools.cache
def _action_reply_validator():
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)  # once, not on every reply
    return validator_class(schema)


def validate_action_result(self, result: Dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result, with the validator built once."""
    from jsonschema.exceptions import best_match
    from rasa.shared.constants import DOCS_BASE_URL

    error = best_match(_action_reply_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (". Failed to validate Action server response from API, make sure your response "
                      f"from the Action endpoint is valid. For more information about the format visit "
                      f"{DOCS_BASE_URL}/custom-actions")
    raise error


def latest_turn_events(events) -> list:
    """The events from the latest user message on (all of them when there is none yet)."""
    from rasa.shared.core.events import UserUttered

    recent = []
    for event in reversed(events):
        recent.append(event)
        if isinstance(event, UserUttered):
            return recent[::-1]
    return list(events)


def action_call_format(self, tracker, domain) -> Dict[str, Any]:
    """RemoteAction._action_call_format, with the latest turn's events instead of all of them."""
    import rasa
    from rasa.shared.core.trackers import EventVerbosity

    state = tracker.current_state(EventVerbosity.NONE)
    state["events"] = [event.as_dict() for event in latest_turn_events(tracker.events)]
    result = {"next_action": self._name, "sender_id": tracker.sender_id, "tracker": state,
              "version": rasa.__version__}
    if not self._is_selective_domain_enabled() or domain.does_custom_action_explicitly_need_domain(self.name()):
        result["domain"] = domain.as_dict()
    return result


_event_classes: Dict[str, type] = {}


def _resolve_event_type(original):
    def resolve_by_type(type_name, default=None):
        """Event.resolve_by_type, remembering the classes found (only those: an unknown name
        still goes to Rasa's own lookup, so nothing a caller sends can grow the table)."""
        found = _event_classes.get(type_name) if isinstance(type_name, str) else None
        if found is None:
            found = original(type_name, default)
            if found is not None and found is not default:
                _event_classes[type_name] = found
        return found

    return resolve_by_type


def apply() -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.shared.core.events import Event

    RemoteAction._validate_action_result = validate_action_result
    RemoteAction._action_call_format = action_call_format
    if not getattr(Event.resolve_by_type, "remembers", False):
        resolve = _resolve_event_type(Event.resolve_by_type)
        resolve.remembers = True
        Event.resolve_by_type = staticmethod(resolve)


def main() -> None:
    from rasa.__main__ import main as rasa_main

    apply()
    rasa_main()


if __name__ == "__main__":
    main()
