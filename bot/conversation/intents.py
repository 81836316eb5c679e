"""The payloads of the chat's buttons, and what a payload may carry.

Every button sends a Rasa intent payload: `/ask{"aspect": "loan_plan", "years": 4}` asks an
aspect again (bot.answers words these), `/affirm`, `/deny`, `/dont_know` answer an offer, and
`/inform{"exhibitor": "new"}` gives a fact. Anyone may type such a payload, so the dialogue
checks every value it carries as it would check words.
"""
from __future__ import annotations

import json
from typing import Any

ASK_INTENT = "ask"
MAX_PAYLOAD_CHARS = 1000


def ask_payload(aspect: str, **values: Any) -> str:
    """`/ask{"aspect": ..., ...}`: asks `aspect` again with these inputs (None values left out)."""
    entities = {"aspect": aspect, **{k: v for k, v in values.items() if v is not None}}
    return f"/{ASK_INTENT}{json.dumps(entities, ensure_ascii=False, separators=(',', ':'))}"


def chat_payload(payload: str) -> str:
    """A payload as the chat sends it: over-long ones are cut to nothing harmful ("/ask")."""
    return payload if len(payload) <= MAX_PAYLOAD_CHARS else f"/{ASK_INTENT}"
