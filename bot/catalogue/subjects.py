"""Subjects not tied to one call (de minimis, the SME definition, Lombardia Points, PID, EEN, the
application portal): their facts, read from subjects.yaml next to the call files and checked at
load like them.

A fact is a sentence in both languages whose {placeholders} name the subject's `figures`; the
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

SUBJECTS_FILE = Path(__file__).with_name("subjects.yaml")
LANGUAGES = ("it", "en")
FIGURE_KINDS = ("money", "percent", "number")

_TEXT = {
    "type": "object", "additionalProperties": False, "required": list(LANGUAGES),
    "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGUAGES},
}
SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object", "additionalProperties": False, "required": ["subjects", "sources"],
    "properties": {
        "subjects": {
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


class SubjectsError(ValueError):
    """subjects.yaml is malformed; the message names the file and the field."""


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
class Subject:
    id: str
    title: Mapping[str, str]
    figures: Mapping[str, Figure]
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Subjects:
    subjects: Mapping[str, Subject]
    sources: Mapping[str, Mapping[str, Any]]

    def get(self, subject_id: str) -> Subject:
        try:
            return self.subjects[subject_id]
        except KeyError:
            raise SubjectsError(f"subjects.yaml: no subject {subject_id!r}") from None


def _placeholders(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name}


def _check(file: str, subject_id: str, raw: Mapping[str, Any], sources: Mapping[str, Any]) -> Subject:
    figures = {name: Figure(spec["kind"], to_decimal(spec["value"]))
               for name, spec in (raw.get("figures") or {}).items()}
    facts = []
    for index, fact in enumerate(raw["facts"]):
        where = f"{file}: subjects.{subject_id}.facts.{index}"
        for text in (fact["text"], *fact.get("items", ())):
            names = [_placeholders(text[lang]) for lang in LANGUAGES]
            if names[0] != names[1]:
                raise SubjectsError(f"{where}: the languages use different placeholders {sorted(names[0] ^ names[1])}")
            unknown = sorted(names[0] - set(figures))
            if unknown:
                raise SubjectsError(f"{where}: placeholders {unknown} name no figure of the subject")
        for name in fact["sources"]:
            if name not in sources:
                raise SubjectsError(f"{where}.sources: cites {name!r}, not listed under 'sources'")
        facts.append(Fact(dict(fact["text"]), tuple(dict(i) for i in fact.get("items", ())),
                          tuple(fact["sources"])))
    return Subject(subject_id, dict(raw["title"]), figures, tuple(facts))


def load_subjects(path: Path | str = SUBJECTS_FILE) -> Subjects:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise SubjectsError(f"{path.name}: cannot be read: {err}") from None
    errors = sorted(jsonschema.Draft7Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        field = ".".join(str(part) for part in errors[0].absolute_path) or "(file)"
        raise SubjectsError(f"{path.name}: {field}: {errors[0].message}")
    subjects = {subject_id: _check(path.name, subject_id, raw, data["sources"])
                for subject_id, raw in data["subjects"].items()}
    return Subjects(subjects, data["sources"])


@cache
def default_subjects() -> Subjects:
    return load_subjects()
