"""Reading the report files of `rasa test nlu` (bot/benchmark/nlu_reports.py)."""
import json

import pytest

from bot.benchmark.nlu_reports import ReportError, read_nlu_reports


def _row(f1, support):
    return {"precision": f1, "recall": f1, "f1-score": f1, "support": support}


INTENT_REPORT = {
    "greet": {**_row(1.0, 10), "confused_with": {}},
    "inform": {**_row(0.8, 20), "confused_with": {"deny": 2}},
    "accuracy": 0.9,
    "macro avg": _row(0.9, 30),
    "weighted avg": _row(0.87, 30),
    "micro avg": _row(0.9, 30),
}
ENTITY_REPORT = {
    "employees": _row(1.0, 8),
    "turnover_eur": _row(0.5, 4),
    "micro avg": _row(0.8, 12),
    "macro avg": _row(0.75, 12),
    "weighted avg": _row(0.83, 12),
}


@pytest.fixture
def reports(tmp_path):
    (tmp_path / "intent_report.json").write_text(json.dumps(INTENT_REPORT))
    return tmp_path


def test_the_intent_macro_f1_and_the_intents_are_read(reports):
    scores = read_nlu_reports(reports)
    assert scores.intent_macro_f1 == 0.9
    assert scores.examples == 30
    assert scores.intents == ("greet", "inform")


def test_every_extractor_report_gives_its_micro_and_macro_f1(reports):
    (reports / "OrientaEntityExtractor_report.json").write_text(json.dumps(ENTITY_REPORT))
    (extractor,) = read_nlu_reports(reports).entity_extractors
    assert extractor.extractor == "OrientaEntityExtractor"
    assert (extractor.micro_f1, extractor.macro_f1, extractor.support) == (0.8, 0.75, 12)
    assert extractor.entities == ("employees", "turnover_eur")


def test_without_a_micro_average_the_accuracy_is_the_micro_f1(reports):
    report = {key: value for key, value in ENTITY_REPORT.items() if key != "micro avg"}
    (reports / "DIETClassifier_report.json").write_text(json.dumps({**report, "accuracy": 0.7}))
    assert read_nlu_reports(reports).entity_extractors[0].micro_f1 == 0.7


def test_the_response_selection_report_is_not_taken_for_an_entity_extractor(reports):
    (reports / "response_selection_report.json").write_text(json.dumps(INTENT_REPORT))
    assert read_nlu_reports(reports).entity_extractors == ()


def test_a_missing_intent_report_names_the_file(tmp_path):
    with pytest.raises(ReportError, match="intent_report.json"):
        read_nlu_reports(tmp_path)


def test_a_report_that_is_not_a_classification_report_is_refused(reports):
    (reports / "Broken_report.json").write_text('{"f1": 1}')
    with pytest.raises(ReportError, match="Broken_report.json"):
        read_nlu_reports(reports)
