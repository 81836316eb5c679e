"""Alembic environment for the enquiry store, configured in code by bot.store.db.

`bot.store.db.upgrade()` hands over an open connection in `config.attributes`; the alembic CLI
(`alembic -c bot/store/alembic.ini ...`) gets the URL from ORIENTA_DATABASE_URL instead.
"""
from logging.config import fileConfig

from alembic import context
from sqlalchemy import create_engine, pool

from bot.config import settings
from bot.store.models import UTCDateTime, metadata
import bot.console.models  # noqa: F401,E402 - the console's tables live on the same metadata

config = context.config
if config.config_file_name is not None:  # the CLI; never reconfigure an application's logging
    fileConfig(config.config_file_name)


def _render_item(kind, obj, autogen_context):
    # Migrations stay free of application types: a migration must not change when models do.
    if kind == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _options(connection=None):
    return dict(
        target_metadata=metadata,
        compare_type=True,
        render_item=_render_item,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection is not None and connection.dialect.name == "sqlite",
    )


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or settings().database_url


def run_offline() -> None:
    context.configure(url=_url(), literal_binds=True, **_options())
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, **_options(connection))
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url(), future=True, poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, **_options(connection))
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
