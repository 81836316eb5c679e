"""Every user-facing sentence, one folder per language (bot/texts/it/, bot/texts/en/).

Each folder holds YAML files of `key: "sentence with {placeholders}"`; files only split the
keys by topic (rules.yaml, chat.yaml, ...). Both languages must hold the same keys with the
same placeholders: tests/unit/test_texts.py checks it, so a sentence can never exist in one
language only.
"""
from __future__ import annotations

import string
from functools import cache
from pathlib import Path

import yaml

LANGUAGES = ("it", "en")
DEFAULT_LANGUAGE = "it"
_HERE = Path(__file__).parent


class TextsError(ValueError):
    pass


@cache
def catalogue(lang: str) -> dict[str, str]:
    """All sentences of one language, keyed by dotted id."""
    if lang not in LANGUAGES:
        raise TextsError(f"unsupported language {lang!r}")
    merged: dict[str, str] = {}
    for path in sorted((_HERE / lang).glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise TextsError(f"{path}: expected a mapping of key: sentence")
        for key, sentence in data.items():
            if key in merged:
                raise TextsError(f"{path}: key {key!r} is defined twice in {lang}")
            if not isinstance(sentence, str):
                raise TextsError(f"{path}: {key!r} must be a string")
            merged[key] = sentence
    return merged


def placeholders(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name}


def t(lang: str, key: str, **values) -> str:
    """The sentence `key` in `lang`, filled with `values`; unknown languages fall back to Italian."""
    texts = catalogue(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    try:
        sentence = texts[key]
    except KeyError:
        raise TextsError(f"no sentence {key!r} in {lang}") from None
    return sentence.format(**values)


def tn(lang: str, key: str, count, **values) -> str:
    """The sentence for `count` of something: `key.one` or `key.other` by the language's plural
    rules (CLDR, through Babel), with {count} filled in as the language writes numbers."""
    from bot import fmt

    form = fmt.plural_form(lang, count)
    texts = catalogue(lang if lang in LANGUAGES else DEFAULT_LANGUAGE)
    chosen = f"{key}.{form}" if f"{key}.{form}" in texts else f"{key}.other"
    return t(lang, chosen, count=fmt.number(lang, count), **values)


def both(key: str, **values) -> dict[str, str]:
    """The sentence in every language, for data that is shown later in either (e.g. reasons)."""
    return {lang: t(lang, key, **values) for lang in LANGUAGES}
