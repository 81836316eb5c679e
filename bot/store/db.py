"""Engines, sessions and migrations for the enquiry store.

Call `session_factory()` once when a server starts and keep it; each unit of work opens
`with factory() as session, session.begin(): ...`. Nothing here runs at import time.
"""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import sessionmaker

from bot.config import settings

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def database_url(url: str | None = None) -> str:
    return url or settings().database_url


def engine(url: str | None = None) -> Engine:
    """A new engine for the URL (default: ORIENTA_DATABASE_URL or the local SQLite file)."""
    url = database_url(url)
    _create_sqlite_folder(url)
    return create_engine(url, future=True)


def session_factory(url: str | None = None) -> sessionmaker:
    return sessionmaker(bind=engine(url), future=True, expire_on_commit=False)


def alembic_config(url: str | None = None) -> Config:
    """Alembic configured in code, so no alembic.ini is needed to migrate."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # Alembic's config is a ConfigParser: a literal % (e.g. in a password) must be doubled.
    config.set_main_option("sqlalchemy.url", database_url(url).replace("%", "%%"))
    return config


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Migrate the database to `revision` (the latest by default); safe to run repeatedly."""
    config = alembic_config(url)
    migrating = engine(url)
    try:
        with migrating.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    finally:
        migrating.dispose()


def _create_sqlite_folder(url: str) -> None:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
