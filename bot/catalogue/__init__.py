"""The catalogue of calls: one YAML file per call in bot/catalogue/calls/, checked at load.

A file that breaks the schema or cites a source it does not list stops the load with an error
naming the file, the field and the problem, so an advisor editing a call sees at once what to fix.
"""
from __future__ import annotations

import calendar
import datetime as dt
import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Iterator, Mapping

import jsonschema
import yaml

HERE = Path(__file__).parent
CALLS_DIR = HERE / "calls"
STALE_AFTER_MONTHS = 6  # a call checked longer ago than this may have changed: the chat says so


class CatalogueError(ValueError):
    def __init__(self, path: Path | str, field: str, problem: str):
        super().__init__(f"{path}: {field or '(file)'}: {problem}")
        self.path, self.field, self.problem = str(path), field, problem


@dataclass(frozen=True)
class Call:
    """A validated call. `data` is the file's content (dates as ISO strings)."""

    data: Mapping[str, Any]
    path: str

    @property
    def id(self) -> str:
        return self.data["id"]

    @property
    def family(self) -> str:
        """The series of editions this call belongs to (its own id when it is the only one)."""
        return self.data.get("family") or self.id

    @property
    def audience(self) -> str:
        return self.data["audience"]

    @property
    def title(self) -> Mapping[str, str]:
        return self.data["title"]

    @property
    def criteria(self) -> list[Mapping[str, Any]]:
        return self.data["criteria"]

    @property
    def funding(self) -> Mapping[str, Any]:
        return self.data["funding"]

    @property
    def loan(self) -> Mapping[str, Any] | None:
        return self.data.get("loan")

    @property
    def window(self) -> Mapping[str, Any]:
        return self.data["window"]

    def date(self, key: str) -> dt.date | None:
        value = self.window.get(key)
        return dt.date.fromisoformat(value) if value else None

    @property
    def scope(self) -> Mapping[str, Any]:
        return self.data["scope"]

    @property
    def last_verified(self) -> dt.date:
        return dt.date.fromisoformat(self.data["last_verified"])


def _months_later(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_stale(call: Call, today: dt.date) -> bool:
    """True when the call was last verified more than six months before `today`."""
    return today > _months_later(call.last_verified, STALE_AFTER_MONTHS)


@dataclass(frozen=True)
class Catalogue:
    calls: tuple[Call, ...]

    def __iter__(self) -> Iterator[Call]:
        return iter(self.calls)

    def __len__(self) -> int:
        return len(self.calls)

    def get(self, call_id: str) -> Call:
        for call in self.calls:
            if call.id == call_id:
                return call
        raise KeyError(call_id)

    def ids(self) -> list[str]:
        return [call.id for call in self.calls]

    def families(self) -> list[str]:
        return list(dict.fromkeys(call.family for call in self.calls))


@cache
def _schema() -> dict:
    return yaml.safe_load((HERE / "schema.yaml").read_text(encoding="utf-8"))


def _dates_as_text(node: Any) -> Any:
    """YAML reads 2025-06-03 as a date; the schema (and JSON output) want ISO text."""
    if isinstance(node, dict):
        return {key: _dates_as_text(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_dates_as_text(value) for value in node]
    if isinstance(node, (dt.date, dt.datetime)):
        return node.isoformat()
    return node


def _field(error: jsonschema.ValidationError) -> str:
    return ".".join(str(part) for part in error.absolute_path)


def _cited_sources(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{where}.{key}" if where else str(key)
            if key == "sources" and isinstance(value, list):
                yield from ((path, name) for name in value)
            elif key != "sources":
                yield from _cited_sources(value, path)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _cited_sources(value, f"{where}.{index}")


def _tagged_aspects(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            path = f"{where}.{key}" if where else str(key)
            if key == "about" and isinstance(value, list):
                yield from ((path, name) for name in value)
            else:
                yield from _tagged_aspects(value, path)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _tagged_aspects(value, f"{where}.{index}")


def _check_consistency(path: Path, data: Mapping[str, Any]) -> None:
    if path.stem != data["id"]:
        raise CatalogueError(path, "id", f"must match the file name ({path.stem!r})")
    for where, name in _cited_sources(data):
        if name not in data["sources"]:
            raise CatalogueError(path, where, f"cites source {name!r}, not listed under 'sources'")
    ids = [criterion["id"] for criterion in data["criteria"]]
    duplicated = sorted({i for i in ids if ids.count(i) > 1})
    if duplicated:
        raise CatalogueError(path, "criteria", f"duplicate criterion ids {duplicated}")
    _check_scope(path, data)
    for index, criterion in enumerate(data["criteria"]):
        if criterion["type"] == "condition":
            raise CatalogueError(path, f"criteria.{index}.type",
                                 "a condition the bot cannot check belongs under 'conditions' (or inside any_of)")
    window = data["window"]
    if window["kind"] == "rolling" and window.get("closes"):
        raise CatalogueError(path, "window.closes", "a rolling window has no closing date (use kind dated)")
    if window["kind"] == "dated":
        opens, closes = window.get("opens"), window.get("closes")
        if not opens and not closes:
            raise CatalogueError(path, "window", "a dated window needs opens or closes")
        if opens and closes and closes < opens:
            raise CatalogueError(path, "window.closes", "is before window.opens")
    from bot.nlu.aspects import known_aspect_ids  # `about` names what a question may ask

    known = known_aspect_ids()
    for where, name in _tagged_aspects(data):
        if name not in known:
            raise CatalogueError(path, where, f"names aspect {name!r}, not one of bot/nlu/aspects.yaml")
    from bot.funding import LoanTerms, check_params  # the funding models know their params

    try:
        check_params(data["funding"])
    except ValueError as err:
        raise CatalogueError(path, "funding.params", str(err)) from None
    if data.get("loan"):
        try:
            LoanTerms.from_mapping(data["loan"])
        except ValueError as err:
            raise CatalogueError(path, "loan", str(err)) from None
        basis = data["loan"].get("rate_basis")
        if basis and basis.get("share_options_pct") and basis["share_pct"] not in basis["share_options_pct"]:
            raise CatalogueError(path, "loan.rate_basis.share_pct", "is not one of share_options_pct")


def _criteria_types(criteria: list) -> Iterator[str]:
    for criterion in criteria:
        yield criterion["type"]
        yield from _criteria_types(criterion.get("options", []))


def _check_scope(path: Path, data: Mapping[str, Any]) -> None:
    """A chamber's call names a known chamber and checks the firm's site against its provinces."""
    scope = data["scope"]
    territorial = "chamber_territory" in set(_criteria_types(data["criteria"]))
    if scope["level"] == "chamber":
        from bot.geo.desks import desk_by_id

        if desk_by_id(scope["chamber"]) is None:
            raise CatalogueError(path, "scope.chamber", f"{scope['chamber']!r} is not a desk id of bot/geo/desks.yaml")
        if not territorial:
            raise CatalogueError(path, "criteria", "a chamber's call needs a chamber_territory criterion")
    elif territorial:
        raise CatalogueError(path, "criteria", "a chamber_territory criterion needs scope.level chamber")


def load_call(path: Path) -> Call:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise CatalogueError(path, "", f"is not valid YAML: {err}") from None
    data = _dates_as_text(raw)
    validator = jsonschema.Draft7Validator(_schema(), format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        raise CatalogueError(path, _field(first), first.message)
    _check_consistency(path, data)
    return Call(data=data, path=str(path))


def call_errors(path: Path) -> list[CatalogueError]:
    """Every schema error of one call file (each naming its field), or its first consistency
    error once the schema is met; empty when the file loads. For editors who fix all at once."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        return [CatalogueError(path, "", f"is not valid YAML: {err}")]
    validator = jsonschema.Draft7Validator(_schema(), format_checker=jsonschema.FormatChecker())
    data = _dates_as_text(raw)
    errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        return [CatalogueError(path, _field(error), error.message) for error in errors]
    try:
        _check_consistency(path, data)
    except CatalogueError as err:
        return [err]
    return []


def load_catalogue(directory: Path | str | None = None) -> Catalogue:
    """Every call file in `directory` (default: ORIENTA_CALLS_DIR or bot/catalogue/calls)."""
    folder = Path(directory or os.environ.get("ORIENTA_CALLS_DIR") or CALLS_DIR)
    calls = [load_call(path) for path in sorted(folder.glob("*.yaml"))]
    if not calls:
        raise CatalogueError(folder, "", "holds no call files (*.yaml)")
    headlines = [call for call in calls if call.data.get("headline")]
    if len(headlines) > 1:
        raise CatalogueError(headlines[1].path, "headline", f"only one call may be the headline ({headlines[0].id} is)")
    return Catalogue(tuple(calls))


@cache
def full_catalogue() -> Catalogue:
    """Every call file: what the advisor command line and the measures API (bot.measures) judge."""
    return load_catalogue()


@cache
def default_catalogue() -> Catalogue:
    """The calls the chat talks about (bot.answers, bot.conversation, bot.nlu): every call file,
    as the command line sees them, so a question about any measure is answered from its file."""
    return full_catalogue()
