"""Fixtures of the unit tests."""
from __future__ import annotations

import shutil

import pytest

from bot.catalogue import CALLS_DIR


@pytest.fixture
def calls_dir(tmp_path):
    """A copy of the real catalogue an advisor can edit (tests/unit/call_files.edited)."""
    target = tmp_path / "calls"
    shutil.copytree(CALLS_DIR, target)
    return target
