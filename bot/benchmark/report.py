"""The printed report: NLU scores against their target, latency table, Orienta / rasa init ratio."""
from __future__ import annotations

from typing import Sequence

from bot.benchmark.nlu_reports import NluScores
from bot.benchmark.stats import LatencySummary, ratio

F1_TARGET = 0.90  # issue 3: intent macro-F1 and entity F1 at least this
ORIENTA, RASA_INIT = "orienta", "rasa-init"
ORIENTA_TWO = "orienta-2-workers"  # bot/runtime/cluster.py: two Rasa + two action servers behind nginx


def duration(seconds: float) -> str:
    """'42s', '3m 05s', '1h 02m 03s'."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m {secs:02d}s"
    if minutes:
        return f"{minutes}m {secs:02d}s"
    return f"{secs}s"


def _verdict(value: float) -> str:
    return "met" if value >= F1_TARGET else "NOT met"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Left-aligned first column, right-aligned numbers, columns as wide as their widest cell."""
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i])
                         for i, cell in enumerate(cells)).rstrip()

    return [line(header), line(["-" * width for width in widths]), *(line(row) for row in rows)]


def format_nlu(scores: NluScores, folds: int, seed: int, elapsed_s: float) -> str:
    lines = [f"NLU {folds}-fold cross-validation (seed {seed}): {scores.examples} examples, "
             f"{len(scores.intents)} intents, {duration(elapsed_s)}",
             f"  intent macro-F1  {scores.intent_macro_f1:.3f}   target >= {F1_TARGET:.2f}: "
             f"{_verdict(scores.intent_macro_f1)}   (accuracy {scores.intent_accuracy:.3f})"]
    if not scores.entity_extractors:
        lines.append("  entities: no entity report (no extractor predicted an entity, or the data has none)")
    for entity in scores.entity_extractors:
        lines.append(f"  entities, {entity.extractor}: micro-F1 {entity.micro_f1:.3f}   macro-F1 "
                     f"{entity.macro_f1:.3f}   target >= {F1_TARGET:.2f} (micro): {_verdict(entity.micro_f1)}   "
                     f"({entity.support} entities of {len(entity.entities)} types)")
    return "\n".join(lines)


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _times(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _enquiries(summary: LatencySummary) -> str:
    """'50/50': stored / made by the scripts; a shortfall is an enquiry lost."""
    if summary.enquiries is None:
        return "-"
    expected = "?" if summary.expected_enquiries is None else str(summary.expected_enquiries)
    lost = (summary.expected_enquiries or 0) - summary.enquiries
    return f"{summary.enquiries}/{expected}" + (f" ({lost} LOST)" if lost > 0 else "")


def format_latency(summaries: Sequence[LatencySummary], turns: int, conversations: int) -> str:
    """One row per assistant and concurrency, then the Orienta / rasa init ratio per concurrency."""
    rows = [[s.assistant, str(s.concurrency), str(s.replies), str(s.errors), _ms(s.p50_ms), _ms(s.p95_ms),
             "-" if s.replies_per_s is None else f"{s.replies_per_s:.1f}", _enquiries(s)]
            for s in summaries]
    lines = [f"Reply latency over the REST webhook (loopback), {conversations} conversations of {turns} turns "
             "per row; enquiries: stored in the database / handoffs the scripts made",
             *_table(["assistant", "concurrent", "replies", "errors", "p50 ms", "p95 ms", "replies/s",
                      "enquiries"], rows)]
    by_key = {(s.assistant, s.concurrency): s for s in summaries}
    levels = sorted({s.concurrency for s in summaries})
    ratios = [[str(level), _times(ratio(by_key[(ORIENTA, level)].p50_ms, by_key[(RASA_INIT, level)].p50_ms)),
               _times(ratio(by_key[(ORIENTA, level)].p95_ms, by_key[(RASA_INIT, level)].p95_ms))]
              for level in levels if (ORIENTA, level) in by_key and (RASA_INIT, level) in by_key]
    if ratios:
        lines += ["", "Orienta / rasa init (higher = Orienta slower)",
                  *_table(["concurrent", "p50 ratio", "p95 ratio"], ratios)]
    throughput = [[str(level), _times(ratio(by_key[(ORIENTA_TWO, level)].replies_per_s,
                                            by_key[(RASA_INIT, level)].replies_per_s))]
                  for level in levels if (ORIENTA_TWO, level) in by_key and (RASA_INIT, level) in by_key]
    if throughput:
        lines += ["", "Orienta on two workers (2 Rasa + 2 action servers behind nginx) / rasa init on one, "
                      "replies/s (higher = Orienta faster)",
                  *_table(["concurrent", "replies/s ratio"], throughput)]
    return "\n".join(lines)
