"""The advisor command line: `python -m bot assess PROFILE.json [--today YYYY-MM-DD]`,
`python -m bot assess-batch FILE.csv`, `python -m bot console serve|add-user`, and the alerts run:
`python -m bot alerts --dry-run | --send [--today YYYY-MM-DD]`.

Its output is a contract (advisors script against it): one JSON object on stdout. Bad input
exits with status 2 and one line on stderr naming the field; nothing half-computed is printed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path

from bot.catalogue import CatalogueError
from bot.config import ConfigError
from bot.profile import ProfileError, parse_profile

MAX_INPUT_BYTES = 1_000_000


class InputError(ValueError):
    pass


def _reject_constant(name: str):
    raise InputError(f"profile: {name} is not a number")


def _read_profile(source: str) -> dict:
    if source == "-":
        raw = sys.stdin.read(MAX_INPUT_BYTES + 1)
    else:
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{source}: no such file")
        if path.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(f"{source}: larger than {MAX_INPUT_BYTES} bytes")
        raw = path.read_text(encoding="utf-8", errors="strict")
    if len(raw) > MAX_INPUT_BYTES:
        raise InputError(f"{source}: larger than {MAX_INPUT_BYTES} bytes")
    try:
        return json.loads(raw, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as err:
        raise InputError(f"{source}: not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})") from None
    except RecursionError:
        raise InputError(f"{source}: nested too deeply") from None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--today: {text!r} is not a date in the form YYYY-MM-DD") from None


def _assess(args: argparse.Namespace) -> int:
    from bot.assess import assess
    from bot.catalogue import full_catalogue

    catalogue = full_catalogue()  # advisors see every call, also those the chat cannot ask about yet
    known = catalogue.ids()
    for call_id in args.call or []:
        if call_id not in known:
            raise InputError(f"--call: unknown call id {call_id!r} (known: {', '.join(known)})")
    profile = parse_profile(_read_profile(args.profile))
    result = assess(profile, today=args.today, call_ids=args.call or None, catalogue=catalogue)
    json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _assess_batch(args: argparse.Namespace) -> int:
    from bot.batch import BatchError, assess_rows, read_rows, to_csv

    path = Path(args.file)
    if not path.is_file():
        raise InputError(f"{args.file}: no such file")
    if path.stat().st_size > MAX_INPUT_BYTES:
        raise InputError(f"{args.file}: larger than {MAX_INPUT_BYTES} bytes")
    try:
        rows = read_rows(path.read_text(encoding="utf-8", errors="strict"))
    except (BatchError, UnicodeDecodeError) as err:
        raise InputError(f"{args.file}: {err}") from None
    sys.stdout.write(to_csv(assess_rows(rows, today=args.today)))
    return 0


def _calls(args: argparse.Namespace) -> int:
    from bot.catalogue import load_catalogue

    catalogue = load_catalogue(args.dir)
    for call in catalogue:
        print(f"{call.id}\t{call.title['it']}")
    return 0


def _alerts(args: argparse.Namespace) -> int:
    import asyncio

    from bot import clock
    from bot.alerts.run import StoreNotReady, run_alerts
    from bot.alerts.settings import alert_settings
    from bot.catalogue import load_catalogue
    from bot.store import session_factory

    settings = alert_settings()
    catalogue = load_catalogue(args.dir)  # read afresh: a call file added since the last run counts
    sessions = session_factory()
    try:
        report = asyncio.run(run_alerts(sessions, catalogue, args.today or clock.today(), settings,
                                        dry_run=args.dry_run, say=lambda line: print(line, flush=True)))
    except StoreNotReady as err:
        raise InputError(str(err)) from None
    finally:
        sessions.kw["bind"].dispose()
    return 0 if report.ok else 1


def _retention(args: argparse.Namespace) -> int:
    from bot.console.transcript import tracker_db_path
    from bot.store import session_factory
    from bot.store.retention import StoreNotReady, purge, retention_days, tracker_url

    days = retention_days(None if args.days is None else str(args.days))
    sessions = session_factory()
    try:
        purged = purge(sessions, tracker_url(tracker_db_path()), days, dry_run=args.dry_run)
    except StoreNotReady as err:
        raise InputError(str(err)) from None
    finally:
        sessions.kw["bind"].dispose()
    verb = "would purge" if args.dry_run else "purged"
    print(f"older than {days} days: {verb} {purged.conversations} conversations ({purged.events} events), "
          f"{purged.enquiries} closed enquiries, {purged.subscriptions} ended alert subscriptions")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m bot", description="Orienta's advisor tools.")
    commands = top.add_subparsers(dest="command", required=True)
    assess_cmd = commands.add_parser("assess", help="judge a company profile against every call")
    assess_cmd.add_argument("profile", help="a JSON file with the company's facts ('-' reads stdin)")
    assess_cmd.add_argument("--today", type=_date, default=None, help="judge as of this date (YYYY-MM-DD)")
    assess_cmd.add_argument("--call", action="append", metavar="ID", help="only this call (repeatable)")
    assess_cmd.set_defaults(run=_assess)
    batch_cmd = commands.add_parser("assess-batch", help="judge every firm of a CSV; one output row per firm and call")
    batch_cmd.add_argument("file", help="a CSV: one firm per row, columns named by the profile's facts")
    batch_cmd.add_argument("--today", type=_date, default=None, help="judge as of this date (YYYY-MM-DD)")
    batch_cmd.set_defaults(run=_assess_batch)
    calls_cmd = commands.add_parser("calls", help="check and list the call files")
    calls_cmd.add_argument("--dir", default=None, help="a folder of call files (default: the catalogue)")
    calls_cmd.set_defaults(run=_calls)
    alerts_cmd = commands.add_parser("alerts", help="tell subscribers (and the Telegram channel) of calls that fit")
    mode = alerts_cmd.add_mutually_exclusive_group(required=True)
    mode.add_argument("--dry-run", action="store_true", help="print what would be sent; send and record nothing")
    mode.add_argument("--send", action="store_true", help="send what is due and record it, so it is sent once")
    alerts_cmd.add_argument("--today", type=_date, default=None, help="run as of this date (YYYY-MM-DD)")
    alerts_cmd.add_argument("--dir", default=None, help="a folder of call files (default: ORIENTA_CALLS_DIR or the catalogue)")
    alerts_cmd.set_defaults(run=_alerts)
    retention_cmd = commands.add_parser("retention", help="purge conversations and closed enquiries older than the "
                                                          "configured age (ORIENTA_RETENTION_DAYS, default 365)")
    retention_cmd.add_argument("--days", type=int, default=None, help="this age instead of ORIENTA_RETENTION_DAYS")
    retention_cmd.add_argument("--dry-run", action="store_true", help="print the counts; delete nothing")
    retention_cmd.set_defaults(run=_retention)
    from bot.console.cli import add_parser as add_console

    add_console(commands)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except (InputError, ProfileError, CatalogueError, ConfigError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
