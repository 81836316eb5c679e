"""Percentiles and the per-run latency summary: plain arithmetic, no third-party code."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100) by linear interpolation between the closest ranks
    (numpy's default method); None for no values, since there is nothing to report."""
    if not 0 <= q <= 100:
        raise ValueError(f"percentile {q} is outside 0-100")
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    below, above = math.floor(position), math.ceil(position)
    weight = position - below
    return ordered[below] + (ordered[above] - ordered[below]) * weight


@dataclass(frozen=True)
class LatencySummary:
    """Reply latencies of one assistant at one concurrency level, in milliseconds."""

    assistant: str
    concurrency: int
    replies: int          # requests answered with HTTP 200 (the only ones timed)
    errors: int           # HTTP errors and timeouts: counted, not timed
    p50_ms: float | None
    p95_ms: float | None
    replies_per_s: float | None  # answered requests over the wall-clock time of the level
    enquiries: int | None = None           # stored in the database during the level (None: not counted)
    expected_enquiries: int | None = None  # the handoffs the scripts made (None: not known)


def summarise(assistant: str, concurrency: int, latencies_s: Sequence[float], errors: int,
              wall_s: float, enquiries: int | None = None, expected_enquiries: int | None = None) -> LatencySummary:
    millis = [value * 1000 for value in latencies_s]
    return LatencySummary(assistant, concurrency, len(millis), errors,
                          percentile(millis, 50), percentile(millis, 95), ratio(len(millis), wall_s),
                          enquiries, expected_enquiries)


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator / denominator, or None when either is missing or the denominator is zero."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator
