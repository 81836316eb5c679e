"""`python -m bot.runtime run|chat|train`: what `make run`, `make chat` and `make train` do."""
from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

from bot import config
from bot.runtime.chat import curl_example, terminal_chat
from bot.runtime.console import CONSOLE_START_TIMEOUT, console_service
from bot.runtime.credentials import telegram_settings
from bot.runtime.processes import PRIVATE_UMASK, ServiceError, port_in_use
from bot.runtime.stack import Stack
from bot.runtime.training import TrainingError, ensure_model
from bot.runtime.widget import WidgetServerError, serve_widget

ROOT = Path(__file__).resolve().parents[2]
VAR = ROOT / "var"


def _migrate() -> None:
    """Bring the enquiry database to the latest schema (a no-op when it already is)."""
    try:
        from bot.store import session_factory, upgrade
        from bot.store.spool import flush, spool_dir
    except ImportError:  # the store is optional for the chat: run without it
        return
    upgrade()
    sessions = session_factory()
    written = flush(sessions, spool_dir())  # enquiries kept while the database was down
    sessions.kw["bind"].dispose()
    if written:
        print(f"{written} enquiries kept while the database was down are now stored")


def _stack() -> Stack:
    settings = config.settings()
    for name, port in (("ORIENTA_RASA_PORT", settings.rasa_port), ("ORIENTA_ACTIONS_PORT", settings.actions_port)):
        if port_in_use(settings.host, port):
            raise ServiceError(f"port {port} on {settings.host} is taken: stop what uses it or set {name}")
    model = ensure_model(ROOT, log_dir=VAR / "logs")
    return Stack(root=ROOT, model=model, host=settings.host, rasa_port=settings.rasa_port,
                 actions_port=settings.actions_port, log_dir=VAR / "logs", tracker_db=VAR / "tracker.db")


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def _stop_on_sigterm() -> None:
    # `kill` or a CI runner's SIGTERM takes the same clean path as Ctrl-C.
    signal.signal(signal.SIGTERM, _interrupt)


def _owner_only(folder: Path) -> None:
    """var/ as an earlier version may have left it (world-readable): owner only from now on."""
    if not folder.is_dir():
        return
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o700 if path.is_dir() else 0o600)


def run() -> None:
    _owner_only(VAR)
    _migrate()
    settings = config.settings()
    for name, port in (("ORIENTA_WEB_PORT", settings.web_port), ("ORIENTA_CONSOLE_PORT", settings.console_port)):
        if port_in_use(settings.host, port):  # before the slow start of Rasa
            raise ServiceError(f"port {port} on {settings.host} is taken: stop what uses it or set {name}")
    stack = _stack()
    console = console_service(ROOT, settings.host, settings.console_port, VAR / "logs", stack.tracker_db)
    print("Starting the action server, the Rasa server and the advisor console...")
    with console, stack, serve_widget(stack) as widget:
        console.wait_healthy(CONSOLE_START_TIMEOUT)
        print(f"Orienta is ready. REST channel: {stack.rest_url}")
        print(f"Try:\n  {curl_example(stack.rest_url)}")
        print(f"Website widget demo page: {widget.demo_url}")
        if (telegram := telegram_settings()) is not None:
            print(f"Telegram: updates arrive at {stack.base_url}/webhooks/telegram/webhook "
                  f"(published as {telegram.webhook_url})")
        print(f"Advisor console: http://{settings.host}:{settings.console_port}/ (first admin: "
              "`.venv/bin/python -m bot console add-user EMAIL --admin`)")
        print("Or chat in the terminal with `make chat` from another shell. Ctrl-C stops every server.")
        try:
            while stack.all_running() and console.running:
                time.sleep(1)  # watching for a server that dies; Ctrl-C interrupts the sleep
        except KeyboardInterrupt:
            print("\nStopping...")
            return
        raise ServiceError(f"a server stopped unexpectedly:\n{stack.log_tails()}")  # console.log is among them


def chat() -> None:
    settings = config.settings()
    rest_url = f"http://{settings.host}:{settings.rasa_port}/webhooks/rest/webhook"
    if port_in_use(settings.host, settings.rasa_port):  # `make run` is up: talk to it
        terminal_chat(rest_url)
        return
    _migrate()
    stack = _stack()
    print("Starting the assistant for this chat (it stops when you leave)...")
    with stack:
        try:
            terminal_chat(stack.rest_url)
        except KeyboardInterrupt:
            print()


def cluster() -> None:
    """Two Rasa and two action servers behind nginx, on PostgreSQL and Redis (bot/runtime/cluster.py)."""
    from bot.runtime.cluster import Cluster, default_urls, ensure_database

    settings = config.settings()
    database_url, redis_url = default_urls()
    ensure_database(database_url)
    port = config.port_setting("ORIENTA_PROXY_PORT", 8080)
    for name, taken in (("ORIENTA_PROXY_PORT", port), ("ORIENTA_CONSOLE_PORT", settings.console_port)):
        if port_in_use(settings.host, taken):
            raise ServiceError(f"port {taken} on {settings.host} is taken: stop what uses it or set {name}")
    model = ensure_model(ROOT, log_dir=VAR / "logs")
    # The advisor console reads the enquiries and the conversations in the same PostgreSQL database.
    console = console_service(ROOT, settings.host, settings.console_port, VAR / "cluster", database_url=database_url)
    print("Starting two action servers, two Rasa servers, nginx and the advisor console...")
    with console, Cluster(root=ROOT, model=model, work=VAR / "cluster", database_url=database_url,
                          redis_url=redis_url, listen=settings.host, port=port) as running:
        console.wait_healthy(CONSOLE_START_TIMEOUT)
        print(f"Orienta is ready behind nginx. REST channel: {running.rest_url}")
        print(f"Widget server: point data-server at {running.base_url}. Logs: {VAR / 'cluster'}")
        print(f"Advisor console: http://{settings.host}:{settings.console_port}/")
        print("Ctrl-C stops every server.")
        try:
            while running.all_running() or any(service.running for service in running.rasa):
                time.sleep(1)  # one Rasa server may stop: the other goes on; Ctrl-C interrupts the sleep
        except KeyboardInterrupt:
            print("\nStopping...")
            return
        raise ServiceError(f"every Rasa server stopped:\n{running.log_tails()}")


def train() -> None:
    print(ensure_model(ROOT, log_dir=VAR / "logs"))


def main(argv: list[str] | None = None) -> int:
    os.umask(PRIVATE_UMASK)  # var/: conversations, enquiries, logs, the secret: owner only
    parser = argparse.ArgumentParser(prog="python -m bot.runtime", description=__doc__)
    parser.add_argument("command", choices=("run", "chat", "train", "cluster"))
    args = parser.parse_args(argv)
    _stop_on_sigterm()
    try:
        {"run": run, "chat": chat, "train": train, "cluster": cluster}[args.command]()
    except (ServiceError, TrainingError, WidgetServerError, config.ConfigError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
