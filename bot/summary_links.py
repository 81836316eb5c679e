"""Links to a conversation's orientation summary that only that conversation can open.

`link_for(sender_id, base_url)` gives `{base_url}/summary/<token>`; the console's route
`/summary/<token>` opens it. The token carries the conversation id and an expiry, signed with
HMAC-SHA256: without the secret nobody can make a token for another conversation, and a
changed byte is refused. The secret is ORIENTA_SECRET, or else a random one generated once
into var/orienta-secret (permissions 0600) and shared by every process on this machine.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import time
from pathlib import Path

from bot.config import REPO_ROOT

SECRET_FILE = REPO_ROOT / "var" / "orienta-secret"
LIFETIME_SECONDS = 90 * 24 * 3600  # a firm may reopen its summary for about three months
_PURPOSE = b"orienta-summary-v1"


def secret(path: Path = SECRET_FILE) -> bytes:
    configured = (os.environ.get("ORIENTA_SECRET") or "").strip()
    if configured:
        return configured.encode()
    try:
        return path.read_bytes().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    try:  # O_EXCL: if two processes race, one writes and both read the same secret
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(fd, "wb") as out:
        out.write(secrets.token_urlsafe(48).encode())
    return path.read_bytes().strip()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(payload: bytes, key: bytes) -> str:
    return _b64(hmac.new(key, _PURPOSE + b"\0" + payload, hashlib.sha256).digest())


def sign(sender_id: str, now: float | None = None, key: bytes | None = None) -> str:
    if not isinstance(sender_id, str) or not sender_id or len(sender_id) > 255:
        raise ValueError("sender_id must be a non-empty text of at most 255 characters")
    expires = int((now if now is not None else time.time()) + LIFETIME_SECONDS)
    payload = f"{expires}:{sender_id}".encode()
    return f"{_b64(payload)}.{_signature(payload, key or secret())}"


def verify(token: str, now: float | None = None, key: bytes | None = None) -> str | None:
    """The conversation id a genuine, unexpired token names; None for anything else."""
    if not isinstance(token, str) or len(token) > 800 or token.count(".") != 1:
        return None
    body, signature = token.split(".")
    try:
        payload = _unb64(body)
    except (ValueError, TypeError):
        return None
    if not hmac.compare_digest(signature, _signature(payload, key or secret())):
        return None
    expires, _, sender_id = payload.decode("utf-8", "replace").partition(":")
    if not expires.isdigit() or int(expires) < (now if now is not None else time.time()) or not sender_id:
        return None
    return sender_id


def link_for(sender_id: str, base_url: str | None = None) -> str:
    """The summary link to give the user of conversation `sender_id`; `base_url` is the console's
    address as the user reaches it (default: ORIENTA_CONSOLE_URL, else http://127.0.0.1:5090)."""
    if base_url is None:
        from bot.config import settings

        base_url = settings().console_url
    return f"{base_url.rstrip('/')}/summary/{sign(sender_id)}"
