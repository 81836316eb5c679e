"""The benchmark's printed report (bot/benchmark/report.py)."""
import pytest

from bot.benchmark.nlu_reports import EntityScores, NluScores
from bot.benchmark.report import duration, format_latency, format_nlu
from bot.benchmark.stats import LatencySummary

SCORES = NluScores(intent_macro_f1=0.934, intent_accuracy=0.95, examples=200,
                   intents=("affirm", "deny", "greet"),
                   entity_extractors=(EntityScores("OrientaEntityExtractor", 0.881, 0.912, 40, ("a", "b")),))


def _summary(assistant, concurrency, p50, p95):
    return LatencySummary(assistant, concurrency, replies=240, errors=0, p50_ms=p50, p95_ms=p95,
                          replies_per_s=12.5)


def test_durations_read_as_seconds_minutes_and_hours():
    assert duration(42.4) == "42s"
    assert duration(185) == "3m 05s"
    assert duration(3723) == "1h 02m 03s"


def test_the_nlu_section_gives_folds_seed_examples_and_time():
    first_line = format_nlu(SCORES, folds=5, seed=2025, elapsed_s=200).splitlines()[0]
    assert first_line == "NLU 5-fold cross-validation (seed 2025): 200 examples, 3 intents, 3m 20s"


def test_the_intent_macro_f1_is_set_against_the_target():
    assert "intent macro-F1  0.934   target >= 0.90: met" in format_nlu(SCORES, 5, 2025, 1)


def test_an_entity_micro_f1_under_the_target_says_not_met():
    text = format_nlu(SCORES, 5, 2025, 1)
    assert "OrientaEntityExtractor: micro-F1 0.881   macro-F1 0.912   target >= 0.90 (micro): NOT met" in text


def test_without_entity_reports_the_section_says_so():
    scores = NluScores(0.9, 0.9, 10, ("greet",))
    assert "no entity report" in format_nlu(scores, 5, 2025, 1)


def test_the_latency_table_has_one_row_per_assistant_and_concurrency():
    text = format_latency([_summary("orienta", 1, 120.4, 250.0), _summary("rasa-init", 1, 40.0, 50.0)],
                          turns=12, conversations=20)
    lines = text.splitlines()
    assert lines[1].split() == ["assistant", "concurrent", "replies", "errors", "p50", "ms", "p95", "ms", "replies/s",
                                "enquiries"]
    assert lines[3].split() == ["orienta", "1", "240", "0", "120", "250", "12.5", "-"]
    assert lines[4].split() == ["rasa-init", "1", "240", "0", "40", "50", "12.5", "-"]


def test_the_ratio_is_orienta_over_rasa_init_per_concurrency():
    text = format_latency([_summary("orienta", 1, 120.0, 250.0), _summary("rasa-init", 1, 40.0, 50.0),
                           _summary("orienta", 20, 900.0, 1500.0), _summary("rasa-init", 20, 300.0, 1000.0)],
                          turns=12, conversations=20)
    ratio_rows = text.split("Orienta / rasa init")[1].splitlines()[3:]
    assert [row.split() for row in ratio_rows] == [["1", "3.00x", "5.00x"], ["20", "3.00x", "1.50x"]]


def test_without_the_stock_assistant_there_is_no_ratio():
    assert "Orienta / rasa init" not in format_latency([_summary("orienta", 1, 1.0, 2.0)], 12, 20)


def test_a_level_without_replies_shows_dashes_not_zero():
    text = format_latency([LatencySummary("orienta", 20, 0, 240, None, None, None)], 12, 20)
    assert text.splitlines()[3].split() == ["orienta", "20", "0", "240", "-", "-", "-", "-"]


@pytest.mark.parametrize(("stored", "expected", "shown"), [
    (50, 50, ["50/50"]), (48, 50, ["48/50", "(2", "LOST)"]), (7, None, ["7/?"]), (0, 0, ["0/0"]),
])
def test_the_enquiries_stored_are_shown_against_the_handoffs(stored, expected, shown):
    summary = LatencySummary("orienta-2-workers", 50, 1000, 0, 20.0, 40.0, 60.0, stored, expected)
    assert format_latency([summary], 20, 50).splitlines()[3].split()[7:] == shown
