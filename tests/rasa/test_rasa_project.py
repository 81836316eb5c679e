"""The Rasa project itself: its data passes Rasa's own checks, and the trained model follows
the test conversations in tests/rasa/test_stories.yml."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.runtime.environment import rasa_env

ROOT = Path(__file__).resolve().parents[2]
STORIES = Path(__file__).with_name("test_stories.yml")


def rasa(*args: str, scratch: Path) -> subprocess.CompletedProcess:
    # endpoints.yml is read by `rasa test` too: point its tracker store at a scratch file.
    env = rasa_env({"ORIENTA_TRACKER_DB": str(scratch / "tracker.db"), "ORIENTA_ACTIONS_PORT": "9"})
    return subprocess.run([sys.executable, "-m", "rasa", *args], cwd=ROOT, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=600)


def test_training_data_passes_rasa_validation_with_warnings_as_errors(tmp_path):
    result = rasa("data", "validate", "--fail-on-warnings", scratch=tmp_path)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]


def test_the_model_predicts_every_turn_of_the_test_stories(trained_model, artifacts_dir):
    out = artifacts_dir / "rasa-test-core"
    out.mkdir(exist_ok=True)
    result = rasa("test", "core", "--model", str(trained_model), "--stories", str(STORIES),
                  "--out", str(out), "--fail-on-prediction-errors", "--no-plot", scratch=out)
    failed = out / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else result.stdout[-4000:] + result.stderr[-4000:]
    assert result.returncode == 0, details
