"""The console's Jinja2 templates (bot/console/templates/, autoescaped) and the filters they use.
No web framework here: bot/console/summary.py renders with it for any caller, the chat included."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot import fmt, texts

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATUS_LABELS = {"new": "nuova", "contacted": "contattata", "in_progress": "in lavorazione", "closed": "chiusa"}
OUTCOME_LABELS = {"applied": "domanda presentata", "funded": "finanziata", "not_eligible": "non idonea",
                  "no_answer": "nessuna risposta"}
RESULT_LABELS = {True: "idonea", False: "non idonea", None: "da verificare"}


def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["money"] = lambda value, lang="it": "" if value is None else fmt.money(lang, value)
    env.filters["number"] = lambda value, lang="it": "" if value is None else fmt.number(lang, value)
    env.filters["day"] = lambda value, lang="it": "" if value is None else fmt.date(lang, value)
    env.globals.update(STATUS_LABELS=STATUS_LABELS, OUTCOME_LABELS=OUTCOME_LABELS, RESULT_LABELS=RESULT_LABELS)
    env.filters["todate"] = dt.date.fromisoformat
    env.filters["fact"] = _fact_label
    env.filters["call_status"] = lambda status: _text_or(f"summary.status.{status}", status)
    env.filters["stamp"] = lambda value: "" if value is None else value.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return env


def _text_or(key: str, fallback: str) -> str:
    return texts.catalogue("it").get(key, fallback)


def _fact_label(key: str) -> str:
    """A profile key as advisors read it ("turnover_eur" -> "Fatturato")."""
    return _text_or(f"answers.label.{key}", key)

