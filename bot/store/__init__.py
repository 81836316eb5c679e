"""The enquiry store: SQLAlchemy models, Alembic migrations and the enquiry repository."""
from bot.store.db import engine, session_factory, upgrade

__all__ = ["engine", "session_factory", "upgrade"]
