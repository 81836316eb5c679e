"""The server stacks running right now, so a failing test can show their logs (tests/conftest.py)."""
from __future__ import annotations

from bot.runtime.stack import Stack

LIVE_STACKS: list[Stack] = []
