"""Which intent asks which bot.answers topic, and the payload of a button that asks it again.

bot.answers words its buttons as `/ask_topic{"topic": "loan_plan", "years": 4, ...}` (the topic
plus answer()'s own keyword arguments). The chat sends each as the intent of that topic
(`/ask_loan_plan{"years": 4, ...}`), so a button press takes the same path as the question
typed in words, and Rasa needs no intent without training examples.
"""
from __future__ import annotations

import json
from typing import Any

TOPIC_BY_INTENT = {
    "ask_call_overview": "call_overview", "ask_call_status": "call_status", "ask_call_funds": "call_funds",
    "ask_call_costs": "call_costs", "ask_call_split": "call_split", "ask_call_loan": "call_loan",
    "ask_call_procedure": "call_procedure", "ask_call_apply": "call_apply",
    "ask_call_documents": "call_documents", "ask_call_who": "call_who", "ask_list_calls": "list_calls",
    "ask_de_minimis": "de_minimis", "ask_sme_definition": "sme_definition",
    "ask_lombardia_point": "lombardia_point", "ask_pid": "pid", "ask_een": "een", "ask_desk": "desk",
    "ask_simulation": "simulate", "ask_loan_plan": "loan_plan", "ask_fair_quote": "fair_quote",
}
INTENT_BY_TOPIC = {topic: intent for intent, topic in TOPIC_BY_INTENT.items()}
ANSWERS_BUTTON_INTENT = "ask_topic"
MAX_PAYLOAD_CHARS = 1000


def button_payload(topic: str, **values: Any) -> str:
    """`/ask_<topic>{...}`: asks `topic` again with these inputs (None values left out)."""
    entities = {k: v for k, v in values.items() if v is not None}
    body = json.dumps(entities, ensure_ascii=False, separators=(",", ":")) if entities else ""
    return f"/{INTENT_BY_TOPIC[topic]}{body}"


def chat_payload(payload: str) -> str:
    """A bot.answers button payload as the chat sends it; any other payload unchanged."""
    prefix = f"/{ANSWERS_BUTTON_INTENT}"
    if not payload.startswith(prefix) or len(payload) > MAX_PAYLOAD_CHARS:
        return payload
    try:
        values = json.loads(payload[len(prefix):] or "{}")
    except ValueError:
        return payload
    if not isinstance(values, dict) or values.get("topic") not in INTENT_BY_TOPIC:
        return payload
    return button_payload(values.pop("topic"), **values)
