"""Reading the report files `rasa test nlu` writes: intent_report.json and one
<Extractor>_report.json per entity extractor (sklearn classification reports as JSON)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

INTENT_REPORT = "intent_report.json"
# Reports in the same folder that are not about entities.
NOT_ENTITY_REPORTS = {INTENT_REPORT, "response_selection_report.json"}
SUMMARY_ROWS = {"accuracy", "micro avg", "macro avg", "weighted avg"}


class ReportError(ValueError):
    """A report is missing or not the shape Rasa writes; the message names the file."""


@dataclass(frozen=True)
class EntityScores:
    extractor: str
    micro_f1: float
    macro_f1: float
    support: int
    entities: tuple[str, ...]


@dataclass(frozen=True)
class NluScores:
    intent_macro_f1: float
    intent_accuracy: float
    examples: int
    intents: tuple[str, ...]
    entity_extractors: tuple[EntityScores, ...] = field(default_factory=tuple)


def _load(path: Path) -> dict:
    try:
        report = json.loads(path.read_text())
    except FileNotFoundError:
        raise ReportError(f"{path}: not written (did `rasa test nlu` fail? see its log)") from None
    except json.JSONDecodeError as err:
        raise ReportError(f"{path}: not JSON ({err})") from None
    if not isinstance(report, dict) or not isinstance(report.get("macro avg"), dict):
        raise ReportError(f"{path}: no 'macro avg' row, not a classification report")
    return report


def _labels(report: dict) -> tuple[str, ...]:
    return tuple(sorted(key for key in report if key not in SUMMARY_ROWS))


def _micro_f1(report: dict) -> float:
    # sklearn writes "micro avg" when only some labels are scored (Rasa leaves out "no entity"),
    # and "accuracy" instead when every label is: for single-label data they are the same number.
    if isinstance(report.get("micro avg"), dict):
        return float(report["micro avg"]["f1-score"])
    return float(report["accuracy"])


def read_intent_report(path: Path) -> tuple[float, float, int, tuple[str, ...]]:
    """(macro F1, accuracy, examples, intents) of an intent_report.json."""
    report = _load(path)
    try:
        return (float(report["macro avg"]["f1-score"]), _micro_f1(report),
                int(report["macro avg"]["support"]), _labels(report))
    except (KeyError, TypeError, ValueError) as err:
        raise ReportError(f"{path}: unexpected shape ({err!r})") from None


def read_entity_report(path: Path) -> EntityScores:
    report = _load(path)
    try:
        return EntityScores(extractor=path.name[:-len("_report.json")], micro_f1=_micro_f1(report),
                            macro_f1=float(report["macro avg"]["f1-score"]),
                            support=int(report["macro avg"]["support"]), entities=_labels(report))
    except (KeyError, TypeError, ValueError) as err:
        raise ReportError(f"{path}: unexpected shape ({err!r})") from None


def read_nlu_reports(out_dir: Path) -> NluScores:
    """The scores in a `rasa test nlu --out out_dir` folder; no entity report means no extractor
    predicted any entity (or the data has none), so the tuple of extractors is empty."""
    macro_f1, accuracy, examples, intents = read_intent_report(out_dir / INTENT_REPORT)
    entity_reports = sorted(path for path in out_dir.glob("*_report.json") if path.name not in NOT_ENTITY_REPORTS)
    return NluScores(macro_f1, accuracy, examples, intents,
                     tuple(read_entity_report(path) for path in entity_reports))
