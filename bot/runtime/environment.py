"""The environment the Rasa processes run in: quiet, no telemetry, our settings."""
from __future__ import annotations

import os
from typing import Mapping

QUIET = {
    "TF_CPP_MIN_LOG_LEVEL": "2",          # TensorFlow's C++ start-up chatter
    "RASA_TELEMETRY_ENABLED": "false",    # nothing leaves the machine
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    "PYTHONUNBUFFERED": "1",              # logs reach the file as they happen
}


def rasa_env(overrides: Mapping[str, str | None] | None = None) -> dict[str, str]:
    """os.environ plus QUIET plus `overrides`; an override of None removes the variable."""
    env = {**os.environ, **QUIET}
    for key, value in (overrides or {}).items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env
