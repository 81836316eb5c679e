"""Throwaway databases for tests: PostgreSQL at 127.0.0.1:5432 with trust authentication (user
postgres or root), skipped, saying so, only when it cannot be reached."""
from __future__ import annotations

import secrets
from contextlib import contextmanager
from typing import Iterator

import psycopg2
import pytest

PG_HOST, PG_PORT = "127.0.0.1", 5432


def _postgres_admin():
    problems = []
    for user in ("postgres", "root"):
        try:
            connection = psycopg2.connect(host=PG_HOST, port=PG_PORT, user=user, dbname="postgres", connect_timeout=3)
        except psycopg2.OperationalError as err:
            problems.append(f"{user}: {str(err).strip()}")
            continue
        connection.autocommit = True  # CREATE/DROP DATABASE cannot run in a transaction
        return connection, user
    pytest.skip(f"PostgreSQL not reachable at {PG_HOST}:{PG_PORT} ({'; '.join(problems)})")


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped afterwards."""
    admin, user = _postgres_admin()
    name = f"orienta_test_{secrets.token_hex(6)}"
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://{user}@{PG_HOST}:{PG_PORT}/{name}"
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
