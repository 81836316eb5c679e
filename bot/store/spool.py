"""No enquiry lost when the database is down: it waits in a spool folder and is written later.

`save_or_spool` stores an enquiry; if the database cannot be reached (OperationalError, e.g.
PostgreSQL restarting), the enquiry goes to a JSON file in the spool folder (owner-only, one file
per enquiry, written whole) under the reference the user is given, and the user's reply is the
same. `flush` writes the spooled enquiries into the database and removes their files; it runs
before each enquiry saved and when the assistant starts (`make run`).

The spool holds what the enquiry holds (contact details only with consent), no more; a file the
store refuses (EnquiryError) is set aside as .refused for an operator, never retried forever.
"""
from __future__ import annotations

import json
import logging
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from sqlalchemy.exc import OperationalError

from bot.config import REPO_ROOT
from bot.store.enquiries import EnquiryError, create_enquiry, json_ready, new_reference, profile_snapshot

SPOOL_DIR = REPO_ROOT / "var" / "enquiry-spool"
log = logging.getLogger(__name__)


def spool_dir() -> Path:
    configured = (os.environ.get("ORIENTA_ENQUIRY_SPOOL") or "").strip()
    return Path(configured) if configured else SPOOL_DIR


def _write(folder: Path, reference: str, values: dict[str, Any]) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = folder / f".{reference}.tmp"
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(values, out, ensure_ascii=False)
    partial.replace(folder / f"{reference}.json")  # a reader never sees half a file


def spool(folder: Path, values: dict[str, Any], now: datetime | None = None) -> str:
    """Keep an enquiry for later; its reference."""
    now = now or datetime.now(timezone.utc)
    reference = new_reference()
    record = {**values, "profile": profile_snapshot(values.get("profile")),
              "verdicts": json_ready(values.get("verdicts") or {}, "verdicts"), "now": now.isoformat()}
    _write(folder, reference, record)
    return reference


def flush(sessions: Callable, folder: Path) -> int:
    """Write every spooled enquiry into the database; how many were written."""
    if not folder.is_dir():
        return 0
    written = 0
    for path in sorted(folder.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
            now = datetime.fromisoformat(record.pop("now"))
        except (ValueError, KeyError, TypeError, AttributeError):
            log.error("spooled enquiry %s unreadable: set aside", path.stem)
            path.rename(path.with_suffix(".refused"))
            continue
        try:
            with sessions() as session, session.begin():
                create_enquiry(session, reference=path.stem, now=now, **record)
        except EnquiryError as err:
            log.error("spooled enquiry %s refused (%s): set aside", path.stem, err)
            path.rename(path.with_suffix(".refused"))
            continue
        path.unlink()
        written += 1
    return written


def save_or_spool(sessions: Callable, folder: Path, **values: Any) -> str:
    """Store the enquiry (after any spooled ones) and give its reference; spool it if the
    database is down."""
    try:
        flush(sessions, folder)
    except OperationalError:
        pass  # the database is down: this enquiry is checked (EnquiryError) and spooled below
    try:
        with sessions() as session, session.begin():
            return create_enquiry(session, **values).reference
    except OperationalError as err:
        log.warning("enquiry store unreachable (%s): enquiry spooled", type(err.orig).__name__)
        return spool(folder, values)
