"""General facts (de minimis, SME definition, Lombardia Points, PID, EEN, the application portal)
read from topics.yaml, next to the call files, and checked at load like them.

A fact is a sentence in both languages whose {placeholders} name the topic's `figures`; the
answer layer formats the figures per language, so a figure is written once, as a number, and
an advisor editing it changes every answer that tells it.
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Mapping

import jsonschema
import yaml

from bot.money import to_decimal

TOPICS_FILE = Path(__file__).with_name("topics.yaml")
LANGUAGES = ("it", "en")
FIGURE_KINDS = ("money", "percent", "number")

_TEXT = {
    "type": "object", "additionalProperties": False, "required": list(LANGUAGES),
    "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
}
SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object", "additionalProperties": False, "required": ["topics", "sources"],
    "properties": {
        "topics": {
            "type": "object", "minProperties": 1,
            "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"},
            "additionalProperties": {
                "type": "object", "additionalProperties": False, "required": ["title", "facts"],
                "properties": {
                    "title": _TEXT,
                    "figures": {
                        "type": "object",
                        "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"},
                        "additionalProperties": {
                            "type": "object", "additionalProperties": False,
                            "required": ["kind", "value"],
                            "properties": {"kind": {"enum": list(FIGURE_KINDS)},
                                           "value": {"type": "number", "minimum": 0}},
                        },
                    },
                    "facts": {
                        "type": "array", "minItems": 1,
                        "items": {
                            "type": "object", "additionalProperties": False,
                            "required": ["text", "sources"],
                            "properties": {
                                "text": _TEXT,
                                "items": {"type": "array", "minItems": 1, "items": _TEXT},
                                "sources": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                            },
                        },
                    },
                },
            },
        },
        "sources": {
            "type": "object", "minProperties": 1,
            "additionalProperties": {
                "type": "object", "additionalProperties": False, "required": ["title"],
                "properties": {"title": {"type": "string", "minLength": 1},
                               "url": {"type": ["string", "null"]}},
            },
        },
    },
}


class TopicsError(ValueError):
    """topics.yaml is malformed; the message names the file and the field."""


@dataclass(frozen=True)
class Figure:
    kind: str  # money | percent | number
    value: Decimal


@dataclass(frozen=True)
class Fact:
    text: Mapping[str, str]
    items: tuple[Mapping[str, str], ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Topic:
    id: str
    title: Mapping[str, str]
    figures: Mapping[str, Figure]
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Topics:
    topics: Mapping[str, Topic]
    sources: Mapping[str, Mapping[str, Any]]

    def get(self, topic_id: str) -> Topic:
        try:
            return self.topics[topic_id]
        except KeyError:
            raise TopicsError(f"topics.yaml: no topic {topic_id!r}") from None


def _placeholders(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name}


def _check(file: str, topic_id: str, raw: Mapping[str, Any], sources: Mapping[str, Any]) -> Topic:
    figures = {name: Figure(spec["kind"], to_decimal(spec["value"]))
               for name, spec in (raw.get("figures") or {}).items()}
    facts = []
    for index, fact in enumerate(raw["facts"]):
        where = f"{file}: topics.{topic_id}.facts.{index}"
        for text in (fact["text"], *fact.get("items", ())):
            names = [_placeholders(text[lang]) for lang in LANGUAGES]
            if names[0] != names[1]:
                raise TopicsError(f"{where}: the languages use different placeholders {sorted(names[0] ^ names[1])}")
            unknown = sorted(names[0] - set(figures))
            if unknown:
                raise TopicsError(f"{where}: placeholders {unknown} name no figure of the topic")
        for name in fact["sources"]:
            if name not in sources:
                raise TopicsError(f"{where}.sources: cites {name!r}, not listed under 'sources'")
        facts.append(Fact(dict(fact["text"]), tuple(dict(i) for i in fact.get("items", ())),
                          tuple(fact["sources"])))
    return Topic(topic_id, dict(raw["title"]), figures, tuple(facts))


def load_topics(path: Path | str = TOPICS_FILE) -> Topics:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise TopicsError(f"{path.name}: cannot be read: {err}") from None
    errors = sorted(jsonschema.Draft7Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        field = ".".join(str(part) for part in errors[0].absolute_path) or "(file)"
        raise TopicsError(f"{path.name}: {field}: {errors[0].message}")
    topics = {topic_id: _check(path.name, topic_id, raw, data["sources"])
              for topic_id, raw in data["topics"].items()}
    return Topics(topics, data["sources"])


@cache
def default_topics() -> Topics:
    return load_topics()
