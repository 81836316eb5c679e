"""An admin's new or edited call file: checked against the schema (every error by field), then
published into the catalogue folder, which the console reloads at once.

A file is written beside its final name and moved into place (atomic on one file system), and
the whole folder must still load (e.g. one headline call at most), else the previous file is put
back: a bad upload never leaves the chat or the console with a catalogue that does not load.
"""
from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.catalogue import CatalogueError, call_errors, load_catalogue

MAX_CALL_BYTES = 200_000
_FILE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\.yaml$")


@dataclass(frozen=True)
class Problem:
    field: str
    problem: str


def check(file_name: str, content: bytes) -> list[Problem]:
    """What is wrong with this upload (empty: it can be published)."""
    if not _FILE_NAME.match(file_name or ""):
        return [Problem("(file name)", "must be the call id in lower case with hyphens, ending in .yaml")]
    if len(content) > MAX_CALL_BYTES:
        return [Problem("(file)", f"is larger than {MAX_CALL_BYTES} bytes")]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / file_name
        path.write_bytes(content)
        return [Problem(err.field or "(file)", err.problem) for err in call_errors(path)]


def publish(folder: Path, file_name: str, content: bytes) -> list[Problem]:
    """Write the call into `folder` if it is valid and the folder still loads; the problems otherwise."""
    problems = check(file_name, content)
    if problems:
        return problems
    target = folder / file_name
    previous = target.read_bytes() if target.exists() else None
    _write(target, content)
    try:
        load_catalogue(folder)
    except CatalogueError as err:
        if previous is None:
            target.unlink()
        else:
            _write(target, previous)
        return [Problem(err.field or "(catalogue)", f"{Path(err.path).name}: {err.problem}")]
    return []


def _write(target: Path, content: bytes) -> None:
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=".upload-", suffix=".yaml.tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(content)
    os.chmod(temporary, 0o644)
    os.replace(temporary, target)
