"""Calls named in a message, from the catalogue: each call's titles and the aliases its file lists.

Adding a call file (with `aliases`) is all it takes for the chat to recognise it.
"""
from __future__ import annotations

import re

from bot.catalogue import default_catalogue


def _variants(title: str) -> set[str]:
    # "Bando Export 2024 (Unioncamere Lombardia)" is also written "Bando Export 2024".
    return {title, re.sub(r"\s*\([^)]*\)", "", title).strip()}


def lookup_entries() -> list[tuple[str, str, str]]:
    entries = []
    for call in default_catalogue():
        names = {v for title in call.title.values() for v in _variants(title)} | set(call.data.get("aliases", []))
        entries += [("call", call.id, name) for name in sorted(names)]
    return entries
