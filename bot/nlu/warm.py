"""Build every lookup now (a few seconds) rather than on the first messages."""
from __future__ import annotations


def warm_up() -> None:
    from bot.nlu import language, places
    from bot.nlu.pipeline import extract
    from bot.nlu.gazetteer import gazetteer

    language.warm_up()
    places.is_ordinary_word("Sale")
    for lang in ("it", "en"):
        gazetteer(lang)
    extract("Siamo a Bergamo, 25 dipendenti e 4 milioni di fatturato; we export 30% to Germany.")
