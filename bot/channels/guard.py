"""What every channel checks before a message reaches Rasa, decided without Rasa.

- Conversations belong to their channel: the tracker key is "<channel>:<id>", so a REST sender
  "123" is not the Telegram chat 123 and nobody reaches another channel's conversation by
  naming its id. `address_of` gives the channel's own id back (the Telegram chat to write to).
- A message is at most MAX_MESSAGE_CHARS characters: longer is refused by the channel itself,
  in both languages, before the NLU reads it.
- Each sender and each network address may send so many messages a minute (token buckets):
  a person never reaches it, a script gets a polite "slow down" instead of the server's time.
- The widget's session ids are issued by the server and signed, so a browser can keep its
  conversation across reloads but cannot pick someone else's.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import re
import time
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable

from bot.nlu.text import MAX_MESSAGE_CHARS
from bot.texts import LANGUAGES, t

MAX_SENDER_CHARS = 64
_SENDER = re.compile(r"[A-Za-z0-9_.@-]{1,%d}" % MAX_SENDER_CHARS)


def namespaced(channel: str, raw_id: str) -> str:
    return f"{channel}:{raw_id}"


def address_of(sender_id: str) -> str:
    """The channel's own id inside a namespaced sender id ("telegram:42" -> "42")."""
    channel, colon, raw = sender_id.partition(":")
    return raw if colon else sender_id


def valid_sender(value: object) -> str | None:
    """An integration's sender id as given: short, printable, no ":" (the namespace separator)."""
    return value if isinstance(value, str) and _SENDER.fullmatch(value) else None


def notice(key: str, lang: str | None = None, **values: object) -> str:
    """A channel's own sentence: in `lang` when known, else in both languages."""
    if lang in LANGUAGES:
        return t(lang, key, **values)
    return "\n\n".join(t(code, key, **values) for code in LANGUAGES)


def too_long_notice(lang: str | None = None) -> str:
    return notice("chat.too_long", lang, limit=MAX_MESSAGE_CHARS)  # the dialogue's own sentence


def is_loopback(ip: str | None) -> bool:
    try:
        return bool(ip) and ipaddress.ip_address(ip.split("%")[0]).is_loopback
    except ValueError:
        return False


def client_address(peer: str | None, headers) -> str | None:
    """The user's address: the peer's, or the X-Real-IP a proxy on loopback (nginx) adds.

    Trusted only from loopback: anyone else could write the header, and loopback is trusted anyway."""
    forwarded = (headers.get("X-Real-IP") or "").strip() if is_loopback(peer) else ""
    try:
        return str(ipaddress.ip_address(forwarded)) if forwarded else peer
    except ValueError:
        return peer


# --- rate limits -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Rate:
    """`burst` messages at once, then one every `every` seconds."""
    burst: int
    every: float

    @classmethod
    def parse(cls, text: str | None, default: "Rate") -> "Rate":
        """"30/60" = 30 at once, 30 a minute after that; "off" or "0" disables."""
        text = (text or "").strip().lower()
        if not text:
            return default
        if text in ("off", "0"):
            return cls(0, 0.0)
        count, _, seconds = text.partition("/")
        if not count.isdigit() or not seconds.replace(".", "", 1).isdigit() or int(count) < 1 or float(seconds) <= 0:
            raise ValueError(f"a rate is COUNT/SECONDS, e.g. 30/60, or off: {text!r}")
        return cls(int(count), float(seconds) / int(count))

    @property
    def enabled(self) -> bool:
        return self.burst > 0


PER_SENDER = Rate(30, 2.0)    # 30 at once, then 30 a minute: faster than anyone types or clicks
PER_ADDRESS = Rate(120, 0.5)  # one office's network behind one address: several people at once


class RateLimiter:
    """Token buckets per key, remembering at most `capacity` keys (the least recent go first)."""

    def __init__(self, rate: Rate, capacity: int = 100_000, clock: Callable[[], float] = time.monotonic):
        self.rate, self.capacity, self.clock = rate, capacity, clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, when)

    def allow(self, key: str) -> bool:
        if not self.rate.enabled:
            return True
        now = self.clock()
        tokens, when = self._buckets.pop(key, (float(self.rate.burst), now))
        tokens = min(float(self.rate.burst), tokens + (now - when) / self.rate.every)
        allowed = tokens >= 1.0
        self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
        while len(self._buckets) > self.capacity:
            self._buckets.popitem(last=False)
        return allowed


def limiters_from_env(env=os.environ) -> tuple[RateLimiter, RateLimiter]:
    """(per sender, per network address), from ORIENTA_RATE_PER_SENDER / ORIENTA_RATE_PER_ADDRESS."""
    return (RateLimiter(Rate.parse(env.get("ORIENTA_RATE_PER_SENDER"), PER_SENDER)),
            RateLimiter(Rate.parse(env.get("ORIENTA_RATE_PER_ADDRESS"), PER_ADDRESS)))


class Gate:
    """A channel's checks before Rasa reads a message: its length, then its sender's and its
    network address's rates (loopback exempt). One per channel: the limiters remember senders."""

    def __init__(self, env=os.environ):
        self.per_sender, self.per_address = limiters_from_env(env)

    def refusal(self, text: str, sender: str, address: str, lang: str | None = None) -> str | None:
        """The channel's own reply instead of a turn, or None to let the message through."""
        if len(text) > MAX_MESSAGE_CHARS:
            return too_long_notice(lang)
        if not self.per_sender.allow(sender) or (not is_loopback(address) and not self.per_address.allow(address)):
            return notice("channel.slow_down", lang)
        return None


# --- widget sessions ---------------------------------------------------------------------------

_SESSION_PURPOSE = b"orienta-widget-session-v1"
_SESSION = re.compile(r"([0-9a-f]{32})-([0-9a-f]{16})")


def _session_mac(nonce: str, key: bytes) -> str:
    return hmac.new(key, _SESSION_PURPOSE + b"\0" + nonce.encode(), hashlib.sha256).hexdigest()[:16]


def new_session_id(key: bytes) -> str:
    nonce = uuid.uuid4().hex
    return f"{nonce}-{_session_mac(nonce, key)}"


def verified_session_id(value: object, key: bytes) -> str | None:
    """`value` if this server (or one sharing its secret) issued it, else None."""
    match = _SESSION.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    return value if hmac.compare_digest(match.group(2), _session_mac(match.group(1), key)) else None
