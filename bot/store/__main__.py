"""`python -m bot.store` migrates the configured database (ORIENTA_DATABASE_URL) to the latest schema."""
from sqlalchemy.engine import make_url

from bot.store.db import database_url, upgrade

if __name__ == "__main__":
    upgrade()
    print(f"enquiry store at head: {make_url(database_url()).render_as_string(hide_password=True)}")
