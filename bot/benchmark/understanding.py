"""How well questions are understood, measured three ways (`make bench`):

- the reader (bot.nlu.reading) on the project's labelled questions (tests/corpus/readings.yaml):
  the aspect and the call it finds, on the examples used while writing the lexicons ("dev") and
  on those kept aside ("heldout");
- the conventional alternative, a DIET classifier trained on the dev questions with the aspect
  as the intent (what Rasa's ResponseSelector would learn), scored on the same held-out ones, so
  the two approaches are compared on wording neither has seen;
- whole corpora put to a running assistant on the real date: the project's own
  (tests/corpus/questions.yaml) and, when ../shared/eval is there, the held-out corpora through
  their own scripts (their sentences are never read into the project).
"""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.runtime.environment import rasa_env
from bot.runtime.processes import tail

SPLITS = ("dev", "heldout")
DIET_TIMEOUT = 1800.0
_DIET_CONFIG = """recipe: default.v1
language: it
assistant_id: orienta-aspects
pipeline:
  - name: WhitespaceTokenizer
  - name: RegexFeaturizer
  - name: LexicalSyntacticFeaturizer
  - name: CountVectorsFeaturizer
  - name: CountVectorsFeaturizer
    analyzer: char_wb
    min_ngram: 1
    max_ngram: 4
  - name: DIETClassifier
    epochs: 80
    random_seed: 2025
    constrain_similarities: true
    number_of_transformer_layers: 0
    entity_recognition: false
policies: []
"""


class UnderstandingError(RuntimeError):
    pass


@dataclass(frozen=True)
class Score:
    right: int
    total: int

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.right}/{self.total} = {self.share:.0%}"


def labelled(path: Path) -> dict[str, list[dict]]:
    items = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {split: [i for i in items if i.get("split", "dev") == split] for split in SPLITS}


def reader_scores(path: Path) -> dict[str, Score]:
    """The reader's aspect (and call, where one is named) on each split."""
    from bot.nlu.reading import read

    scores = {}
    for split, items in labelled(path).items():
        right = 0
        for item in items:
            reading = read(item["text"], item["lang"])
            right += reading.aspect == item["aspect"] and ("call" not in item or item["call"] in reading.call_ids)
        scores[split] = Score(right, len(items))
    return scores


def _nlu_yaml(items: list[dict]) -> str:
    by_aspect: dict[str, list[str]] = {}
    for item in items:
        by_aspect.setdefault(item["aspect"], []).append(item["text"])
    blocks = [{"intent": aspect, "examples": "".join(f"- {text}\n" for text in texts)}
              for aspect, texts in sorted(by_aspect.items())]
    return yaml.safe_dump({"version": "3.1", "nlu": blocks}, allow_unicode=True, sort_keys=False)


def _rasa(args: list[str], root: Path, out_dir: Path, log_name: str) -> None:
    env = rasa_env({"ORIENTA_TRACKER_DB": str(out_dir / "tracker.db"), "ORIENTA_ACTIONS_PORT": "9",
                    "PYTHONHASHSEED": "2025"})
    log_path = out_dir / log_name
    with open(log_path, "wb") as log:
        try:
            result = subprocess.run([sys.executable, "-m", "rasa", *args], cwd=root, env=env, stdin=subprocess.DEVNULL,
                                    stdout=log, stderr=subprocess.STDOUT, timeout=DIET_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise UnderstandingError(f"rasa {args[0]} still running after {DIET_TIMEOUT:.0f}s; log {log_path}") from None
    if result.returncode != 0:
        raise UnderstandingError(f"rasa {' '.join(args[:2])} failed (exit {result.returncode}). Log {log_path}:\n{tail(log_path)}")


def diet_score(root: Path, path: Path, out_dir: Path) -> Score:
    """A DIET classifier trained on the dev questions (aspect = intent), scored on the held-out ones."""
    out_dir.mkdir(parents=True, exist_ok=True)
    splits = labelled(path)
    train, test = out_dir / "train.yml", out_dir / "test.yml"
    train.write_text(_nlu_yaml(splits["dev"]), encoding="utf-8")
    # Held-out aspects never seen in training still count as misses: that is the point of the test.
    test.write_text(_nlu_yaml(splits["heldout"]), encoding="utf-8")
    config = out_dir / "config.yml"
    config.write_text(_DIET_CONFIG, encoding="utf-8")
    models = out_dir / "models"
    _rasa(["train", "nlu", "--config", str(config), "--nlu", str(train), "--out", str(models),
           "--fixed-model-name", "aspects"], root, out_dir, "train.log")
    results = out_dir / "results"
    _rasa(["test", "nlu", "--model", str(models / "aspects.tar.gz"), "--nlu", str(test), "--out", str(results),
           "--no-plot"], root, out_dir, "test.log")
    report = json.loads((results / "intent_report.json").read_text())
    right = sum(round(values["support"] * values["recall"]) for name, values in report.items()
                if isinstance(values, dict) and "support" in values and name not in ("macro avg", "weighted avg", "micro avg"))
    return Score(right, len(splits["heldout"]))


def corpus_score(url: str, path: Path) -> tuple[Score, list]:
    from bot.benchmark.corpus import ask_all, load

    outcomes = ask_all(url, load(path), prefix="bench")
    return Score(sum(o.ok for o in outcomes), len(outcomes)), [o for o in outcomes if not o.ok]


def conversations_score(url: str, path: Path) -> tuple[Score, list[str]]:
    """Each persona played whole (bot.benchmark.corpus.converse): the ids of those that failed."""
    from bot.benchmark.corpus import converse, load

    played = [converse(url, persona) for persona in load(path)]
    return Score(sum(c.ok for c in played), len(played)), [c.persona["id"] for c in played if not c.ok]


def heldout_scores(url: str, eval_dir: Path) -> list[str]:
    """The last line each held-out script prints (its score), run as its README says."""
    lines = []
    for script in ("run_questions.py", "run_personas.py"):
        result = subprocess.run([sys.executable, str(eval_dir / script), url, "--min", "0"] if script == "run_questions.py"
                                else [sys.executable, str(eval_dir / script), url],
                                capture_output=True, text=True, timeout=1800)
        output = [line for line in result.stdout.splitlines() if line.strip()]
        lines.append(output[-1] if output else f"{script}: no output ({result.stderr.strip()[-300:]})")
    return lines
