"""NLU cross-validation: `rasa test nlu --cross-validation` on data/nlu.yml with config.yml,
seeded so two runs on the same data print the same figures."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bot.benchmark.nlu_reports import NluScores, read_nlu_reports
from bot.runtime.environment import rasa_env
from bot.runtime.processes import tail

SEED = 2025  # the random_seed of config.yml's DIETClassifier and TEDPolicy
CROSS_VALIDATION_TIMEOUT = 3 * 3600.0  # a bound, not an estimate: 5 folds of 790 examples took 18 min

# Rasa splits the folds with sklearn's StratifiedKFold(shuffle=True) and no random_state, i.e.
# numpy's global generator, and no command-line option reaches it. So the child seeds Python's
# and numpy's generators, then runs Rasa's command line exactly as `python -m rasa` would.
_SEEDED_RASA = (
    "import random, runpy, sys, numpy\n"
    "random.seed(int(sys.argv[1])); numpy.random.seed(int(sys.argv[1]))\n"
    "sys.argv = ['rasa'] + sys.argv[2:]\n"
    "runpy.run_module('rasa', run_name='__main__', alter_sys=True)\n"
)


class CrossValidationError(RuntimeError):
    pass


def cross_validation_command(out_dir: Path, folds: int, seed: int = SEED) -> list[str]:
    return [sys.executable, "-c", _SEEDED_RASA, str(seed),
            "test", "nlu", "--nlu", "data/nlu.yml", "--config", "config.yml",
            "--cross-validation", "--folds", str(folds), "--out", str(out_dir), "--no-plot"]


def run_cross_validation(root: Path, out_dir: Path, folds: int, seed: int = SEED) -> NluScores:
    """Run the cross-validation into a fresh out_dir (its log: out_dir/rasa-test-nlu.log) and read
    the reports it writes."""
    if out_dir.exists():
        shutil.rmtree(out_dir)  # reports of an earlier run must not be read as this run's
    out_dir.mkdir(parents=True)
    log_path = out_dir / "rasa-test-nlu.log"
    env = rasa_env({
        "PYTHONHASHSEED": str(seed),   # set and dict orders inside Rasa
        "TF_DETERMINISTIC_OPS": "1",   # TensorFlow picks deterministic kernels
        # endpoints.yml is read by `rasa test` too: a scratch tracker store, an unused port.
        "ORIENTA_TRACKER_DB": str(out_dir / "tracker.db"),
        "ORIENTA_ACTIONS_PORT": "9",
    })
    with open(log_path, "wb") as log:
        try:
            result = subprocess.run(cross_validation_command(out_dir, folds, seed), cwd=root, env=env,
                                    stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                    timeout=CROSS_VALIDATION_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise CrossValidationError(f"rasa test nlu still running after {CROSS_VALIDATION_TIMEOUT:.0f}s; "
                                       f"log {log_path}") from None
    if result.returncode != 0:
        raise CrossValidationError(f"rasa test nlu failed (exit {result.returncode}). "
                                   f"Log {log_path}:\n{tail(log_path)}")
    return read_nlu_reports(out_dir)
