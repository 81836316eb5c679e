"""Calls named in a message, from the catalogue: each call's titles and the aliases its file lists.

Adding a call file (with `aliases`) is all it takes for the chat to recognise it.
"""
from __future__ import annotations

from bot.catalogue import default_catalogue


def lookup_entries() -> list[tuple[str, str, str]]:
    entries = []
    for call in default_catalogue():
        for name in [*call.title.values(), *call.data.get("aliases", [])]:
            entries.append(("call", call.id, name))
    return entries
