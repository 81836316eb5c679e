"""Percentiles and latency summaries of the benchmark (bot/benchmark/stats.py)."""
import pytest

from bot.benchmark.stats import percentile, ratio, summarise


def test_the_median_of_an_odd_count_is_the_middle_value():
    assert percentile([30, 10, 20], 50) == 20


def test_the_median_of_an_even_count_is_halfway_between_the_middle_values():
    assert percentile([10, 20, 30, 40], 50) == 25


def test_p95_interpolates_between_the_two_closest_ranks():
    # 21 values 0..20: rank (21 - 1) * 0.95 = 19 exactly; 11 values 0..100 step 10: rank 9.5 -> 95.
    assert percentile(list(range(21)), 95) == 19
    assert percentile([10 * i for i in range(11)], 95) == pytest.approx(95)


def test_the_extremes_are_the_minimum_and_the_maximum():
    assert percentile([5, 1, 9], 0) == 1
    assert percentile([5, 1, 9], 100) == 9


def test_one_value_is_every_percentile():
    assert percentile([42.0], 95) == 42.0


def test_no_values_have_no_percentile():
    assert percentile([], 50) is None


def test_a_percentile_outside_0_100_is_refused():
    with pytest.raises(ValueError):
        percentile([1, 2], 101)


def test_a_summary_reports_milliseconds_and_counts_errors_apart():
    summary = summarise("orienta", 20, [0.1, 0.2, 0.3], errors=2, wall_s=1.5)
    assert (summary.replies, summary.errors) == (3, 2)
    assert summary.p50_ms == pytest.approx(200)
    assert summary.replies_per_s == pytest.approx(2.0)


def test_a_summary_of_only_errors_has_no_percentiles():
    summary = summarise("orienta", 1, [], errors=4, wall_s=3.0)
    assert (summary.p50_ms, summary.p95_ms, summary.replies) == (None, None, 0)


def test_a_ratio_with_a_missing_or_zero_denominator_is_unknown():
    assert ratio(300.0, 100.0) == 3.0
    assert ratio(300.0, None) is None
    assert ratio(None, 100.0) is None
    assert ratio(300.0, 0.0) is None
