"""The one place that reads the real date, so tests and the CLI can inject another day."""
import datetime as _dt
import os


def today() -> _dt.date:
    """Today's date; ORIENTA_TODAY=YYYY-MM-DD overrides it (used by demos and end-to-end tests)."""
    forced = os.environ.get("ORIENTA_TODAY")
    if forced:
        return _dt.date.fromisoformat(forced)
    return _dt.date.today()
