"""`python -m bot console serve | add-user EMAIL --desk DESK | add-user EMAIL --admin`."""
from __future__ import annotations

import argparse
import sys


def _serve(args: argparse.Namespace) -> int:
    from bot.console.app import serve
    from bot.store import upgrade

    upgrade()  # the console's tables are part of the store's schema
    serve(port=args.port)
    return 0


def _add_user(args: argparse.Namespace) -> int:
    from bot.console.accounts import AccountError, create_user
    from bot.store import session_factory, upgrade

    upgrade()
    sessions = session_factory()
    try:
        with sessions.begin() as session:
            user, password = create_user(session, args.email, desk_id=args.desk, admin=args.admin)
            email, role = user.email, "admin" if user.is_admin else f"advisor of desk {user.desk_id}"
    except AccountError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    finally:
        sessions.kw["bind"].dispose()
    print(f"Account {email} ({role}) created.")
    print(f"One-time password (shown only now; it must be changed at first login): {password}")
    return 0


def add_parser(commands) -> None:
    console = commands.add_parser("console", help="the advisor console (web application and accounts)")
    sub = console.add_subparsers(dest="console_command", required=True)
    serve = sub.add_parser("serve", help="serve the console on 127.0.0.1:ORIENTA_CONSOLE_PORT (5090)")
    serve.add_argument("--port", type=int, default=None)
    serve.set_defaults(run=_serve)
    add = sub.add_parser("add-user", help="create an account and print its one-time password")
    add.add_argument("email")
    who = add.add_mutually_exclusive_group(required=True)
    who.add_argument("--desk", help="the desk id of an advisor (bot/geo/desks.yaml)")
    who.add_argument("--admin", action="store_true", help="an administrator (sees every desk)")
    add.set_defaults(run=_add_user)

