"""`python -m bot.benchmark [--skip-nlu] [--skip-latency] [--folds N] [--turns K] ...`"""
from __future__ import annotations

import argparse
import asyncio
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Callable, Sequence

import aiohttp

from bot.benchmark.assistants import ENQUIRIES_VARIABLE, AssistantError, orienta_stack, rasa_init_stack
from bot.benchmark.conversations import SCRIPTS, expected_enquiries
from bot.benchmark.load import drive, warm_up
from bot.benchmark.nlu import SEED, CrossValidationError, run_cross_validation
from bot.benchmark.nlu_reports import ReportError
from bot.benchmark.report import ORIENTA, ORIENTA_TWO, RASA_INIT, duration, format_latency, format_nlu
from bot.benchmark.stats import LatencySummary, summarise
from bot.benchmark.understanding import (UnderstandingError, conversations_score, corpus_score, diet_score,
                                         heldout_scores, reader_scores)
from bot.runtime.processes import ServiceError
from bot.runtime.stack import Stack
from bot.runtime.training import TrainingError

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "test-artifacts" / "benchmark"
READINGS = ROOT / "tests" / "corpus" / "readings.yaml"
OWN_CORPORA = (ROOT / "tests" / "corpus" / "questions.yaml", ROOT / "tests" / "corpus" / "owner_questions.yaml")
OWN_CONVERSATIONS = (ROOT / "tests" / "corpus" / "conversations.yaml", ROOT / "tests" / "corpus" / "owner_conversations.yaml")
HELD_OUT = ROOT.parent / "shared" / "eval"


def _bounded_int(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low}-{high}")
        return value
    return parse


def _levels(text: str) -> tuple[int, ...]:
    """'1,20' -> (1, 20): distinct concurrency levels, in increasing order."""
    parse = _bounded_int(1, 200)
    parts = [part.strip() for part in text.split(",")]
    if not all(parts):
        raise argparse.ArgumentTypeError(f"{text!r}: expected numbers separated by commas, e.g. 1,20")
    return tuple(sorted({parse(part) for part in parts}))


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bot.benchmark",
        description="NLU cross-validation scores and reply latency of Orienta against a stock `rasa init` "
                    "assistant. About 20 minutes on 2 cores, most of it the cross-validation; outputs under test-artifacts/benchmark/.")
    parser.add_argument("--skip-nlu", action="store_true", help="no cross-validation")
    parser.add_argument("--skip-latency", action="store_true", help="no latency measurement")
    parser.add_argument("--skip-understanding", action="store_true",
                        help="no comparison of the question reader with a DIET aspect classifier")
    parser.add_argument("--skip-corpora", action="store_true",
                        help="no question corpora put to the assistant on the real date")
    parser.add_argument("--folds", type=_bounded_int(2, 20), default=5, help="cross-validation folds (default 5)")
    parser.add_argument("--turns", type=_bounded_int(1, 100), default=20,
                        help="messages per conversation (default 20: Orienta's scripts, verdict and enquiry included)")
    parser.add_argument("--conversations", type=_bounded_int(1, 500), default=50,
                        help="conversations per assistant and concurrency level (default 50)")
    parser.add_argument("--concurrency", type=_levels, default=(1, 20, 50),
                        help="concurrent conversations, comma-separated (default 1,20,50)")
    parser.add_argument("--skip-cluster", action="store_true",
                        help="no latency of two Rasa + two action servers behind nginx (needs PostgreSQL, Redis, nginx)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.skip_nlu and args.skip_latency and args.skip_understanding and args.skip_corpora:
        parser.error("every part skipped: nothing to measure")
    return args


class BenchmarkError(RuntimeError):
    pass


def _enquiry_count(database_url: str | None) -> int | None:
    if database_url is None:
        return None
    from sqlalchemy import func, select

    from bot.store import engine
    from bot.store.models import Enquiry

    counting = engine(database_url)
    try:  # disposed: two counts per level would otherwise each leave a pool of connections open
        with counting.connect() as connection:
            return connection.scalar(select(func.count()).select_from(Enquiry))
    finally:
        counting.dispose()


def _measure(name: str, stack: Stack, args: argparse.Namespace, work_dir: Path,
             label: str | None = None, enquiries_url: str | None = None) -> list[LatencySummary]:
    """`name`'s scripts against `stack` (a Stack or a Cluster), reported as `label` (default `name`);
    with `enquiries_url`, the enquiries each level stored there are counted against the handoffs."""
    print(f"Starting {label or name} (logs: {stack.log_dir})", flush=True)
    summaries = []
    with stack:
        scripts = SCRIPTS[name]
        try:
            transcript = warm_up(stack.rest_url, scripts, args.turns)
        except (aiohttp.ClientError, asyncio.TimeoutError) as err:
            raise BenchmarkError(f"{name} did not answer the warm-up conversation ({err!r}).\n"
                                 f"{stack.log_tails()}") from None
        (work_dir / "transcript.txt").write_text("\n".join(transcript) + "\n")
        for level in args.concurrency:
            before = _enquiry_count(enquiries_url)
            result = drive(stack.rest_url, scripts, concurrency=level, conversations=args.conversations,
                           turn_count=args.turns)
            stored = None if before is None else _enquiry_count(enquiries_url) - before
            expected = None if stored is None else expected_enquiries(args.conversations, args.turns)
            summaries.append(summarise(label or name, level, result.latencies_s, len(result.errors), result.wall_s,
                                       stored, expected))
            note = f", {len(result.errors)} errors: {dict(Counter(result.errors))}" if result.errors else ""
            empty = f", {result.empty_replies} empty replies" if result.empty_replies else ""
            print(f"  {label or name}, {level} concurrent: {len(result.latencies_s)} replies in "
                  f"{duration(result.wall_s)}{note}{empty}", flush=True)
    return summaries


def _latency(args: argparse.Namespace) -> str:
    out: Path = args.out
    single = orienta_stack(ROOT, out / ORIENTA)
    summaries = _measure(ORIENTA, single, args, out / ORIENTA, enquiries_url=single.env[ENQUIRIES_VARIABLE])
    # One assistant at a time: they would otherwise share the cores and slow each other down.
    summaries += _measure(RASA_INIT, rasa_init_stack(out / "rasa-init", out / "rasa-init-run"), args,
                          out / "rasa-init-run")
    if not args.skip_cluster:
        cluster = _cluster(out / "cluster")
        summaries += _measure(ORIENTA, cluster, args, out / "cluster", label=ORIENTA_TWO,
                              enquiries_url=cluster.database_url)
    return format_latency(summaries, args.turns, args.conversations)


def _cluster(work: Path):
    """Two Rasa and two action servers behind nginx (bot/runtime/cluster.py) on a fresh database."""
    import redis
    from sqlalchemy.engine import make_url

    from bot.runtime.cluster import Cluster, default_urls, ensure_database
    from bot.runtime.training import ensure_model

    database_url, _ = default_urls()
    database_url = make_url(database_url).set(database="orienta_bench").render_as_string(hide_password=False)
    ensure_database(database_url, fresh=True)  # last run's conversations would only slow this one down
    redis.Redis(host="127.0.0.1", port=6379, db=12).flushdb()
    model = ensure_model(ROOT, log_dir=work, say=lambda line: print(line, flush=True))
    return Cluster(root=ROOT, model=model, work=work, database_url=database_url,
                   redis_url="redis://127.0.0.1:6379/12", env={"ORIENTA_TODAY": "2025-07-01"})


def _nlu(args: argparse.Namespace) -> str:
    out_dir = args.out / "nlu"
    print(f"NLU {args.folds}-fold cross-validation (one training per fold, several minutes each; log: {out_dir / 'rasa-test-nlu.log'})", flush=True)
    started = time.monotonic()
    scores = run_cross_validation(ROOT, out_dir, args.folds)
    return format_nlu(scores, args.folds, SEED, time.monotonic() - started)


def _understanding(args: argparse.Namespace) -> str:
    print("Question understanding: the reader and a DIET aspect classifier on the labelled questions", flush=True)
    reader = reader_scores(READINGS)
    diet = diet_score(ROOT, READINGS, args.out / "aspects-diet")
    return "\n".join([
        "Question understanding (tests/corpus/readings.yaml, aspect and call right)",
        f"  reader, dev questions (seen while writing the lexicons): {reader['dev']}",
        f"  reader, held-out questions:                             {reader['heldout']}",
        f"  DIET trained on the dev questions, held-out questions:  {diet}",
    ])


def _corpora(args: argparse.Namespace) -> str:
    from bot.benchmark.assistants import orienta_stack

    stack = orienta_stack(ROOT, args.out / "corpora", date=None)
    lines = ["Corpora put to the assistant on the real date (a new conversation per question)"]
    print(f"Starting orienta on the real date for the corpora (logs: {stack.log_dir})", flush=True)
    with stack:
        for path in OWN_CORPORA:
            if path.exists():
                score, misses = corpus_score(stack.base_url, path)
                lines.append(f"  {path.name}: {score}")
                lines += [f"    miss: {miss.text}" for miss in misses[:10]]
        for path in OWN_CONVERSATIONS:
            if path.exists():
                score, failed = conversations_score(stack.base_url, path)
                lines.append(f"  {path.name} (whole conversations, right verdict and figures): {score}")
                lines += [f"    failed: {persona_id}" for persona_id in failed]
        if HELD_OUT.is_dir():
            lines += [f"  held out ({HELD_OUT}): {line}" for line in heldout_scores(stack.base_url, HELD_OUT)]
        else:
            lines.append("  held-out corpora: not on this machine")
    return "\n".join(lines)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _interrupt)  # same clean path (servers stopped) as Ctrl-C
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    sections = []
    try:
        if not args.skip_nlu:
            sections.append(_nlu(args))
            print(sections[-1], flush=True)
        if not args.skip_understanding:
            sections.append(_understanding(args))
            print(sections[-1], flush=True)
        if not args.skip_corpora:
            sections.append(_corpora(args))
            print(sections[-1], flush=True)
        if not args.skip_latency:
            sections.append(_latency(args))
    except (CrossValidationError, ReportError, AssistantError, ServiceError, TrainingError, BenchmarkError,
            UnderstandingError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\ninterrupted: every server started was stopped", file=sys.stderr)
        return 130
    report = "\n\n".join(sections) + f"\n\nTotal time {duration(time.monotonic() - started)}\n"
    (args.out / "report.txt").write_text(report)
    print("\n" + report, end="")
    return 0
