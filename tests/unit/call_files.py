"""Editing a copy of the call files as an advisor would (the `calls_dir` fixture, conftest.py)."""
from __future__ import annotations

from pathlib import Path

import yaml


def edited(path: Path, change) -> Path:
    """`path` with `change(data)` applied to its YAML, written back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
