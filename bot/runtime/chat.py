"""Talking to the assistant over its REST channel: a small client and a terminal chat."""
from __future__ import annotations

import json
import urllib.request
import uuid
from typing import Callable


def send(rest_url: str, sender: str, text: str, timeout: float = 60.0) -> list[str]:
    """POST one user message; the bot's replies, in order (text messages only)."""
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(rest_url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        replies = json.loads(response.read().decode())
    return [reply["text"] for reply in replies if "text" in reply]


def curl_example(rest_url: str) -> str:
    return (f"curl -s -X POST {rest_url} -H 'Content-Type: application/json' "
            "-d '{\"sender\": \"me\", \"message\": \"posso partecipare al bando Verso Nuovi Mercati?\"}'")


def terminal_chat(rest_url: str, ask: Callable[[str], str] = input, show: Callable[[str], None] = print) -> None:
    """Read lines, print the replies, until an empty line, /quit or end of input."""
    sender = f"terminal-{uuid.uuid4().hex[:8]}"
    show("Scrivi un messaggio / type a message (empty line or /quit to leave).")
    while True:
        try:
            text = ask("> ").strip()
        except EOFError:
            break
        if not text or text == "/quit":
            break
        for reply in send(rest_url, sender, text):
            show(f"Orienta: {reply}")
