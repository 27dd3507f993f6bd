"""The OKR file format, version 1, as pydantic models.

These models are the single source of truth for the format: the loader validates with
them, and ``aligngraph schema`` prints the JSON Schema derived from them. Every record
accepts free extension keys that begin with ``x-``; they are kept in ``extensions``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, NamedTuple

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic.json_schema import WithJsonSchema

EXTENSION_PREFIX = "x-"


def _as_list(value: Any) -> Any:
    """Accept a single id where a list of ids is expected."""
    if isinstance(value, (str, int)):
        return [value]
    return value


Id = Annotated[str, Field(min_length=1)]
IdList = Annotated[
    list[Id],
    BeforeValidator(_as_list),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "items": {"type": "string", "minLength": 1}},
            ]
        }
    ),
]
Share = Annotated[float, Field(ge=0, le=1)]


class Record(BaseModel):
    """A mapping of the format: known keys only, plus ``x-`` extension keys.

    Unknown keys are kept by pydantic (in Rust, at no cost to valid files) and then
    reported by :func:`unknown_keys`: any that does not begin with ``x-`` is an error.
    """

    model_config = ConfigDict(
        extra="allow",
        coerce_numbers_to_str=True,
        allow_inf_nan=False,
        json_schema_extra={"patternProperties": {"^x-": {}}, "additionalProperties": False},
    )

    @property
    def extensions(self) -> dict[str, Any]:
        """The ``x-`` extension keys of this record and their values."""
        return dict(self.__pydantic_extra__ or {})


class Cycle(Record):
    """The OKR cycle: its name and dates. ``as_of`` defaults to today, or to ``end`` once
    the cycle is over."""

    name: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    as_of: dt.date | None = None


class Team(Record):
    """A team. Teams form a forest through ``parent``."""

    id: Id
    name: str | None = None
    parent: Id | None = None
    lead: Id | None = None


class Person(Record):
    """A person, with their home team."""

    id: Id
    name: str | None = None
    team: Id | None = None


class CheckIn(Record):
    """One check-in on a key result."""

    date: dt.date
    value: float | None = None
    confidence: Share | None = None
    note: str | None = None


class Goal(Record):
    """What objectives and key results have in common."""

    id: Id
    title: str = Field(min_length=1)
    owner: Id | None = None
    aligns_to: IdList = Field(default_factory=list)
    depends_on: IdList = Field(default_factory=list)
    liaison: Id | None = None


class KeyResult(Goal):
    """A key result: a measure of its objective."""

    contributors: IdList = Field(default_factory=list)
    baseline: float | None = None
    target: float | None = None
    current: float | None = None
    unit: str | None = None
    score: Share | None = None
    confidence: Share | None = None
    check_ins: list[CheckIn] = Field(default_factory=list)


class Objective(Goal):
    """An objective, owned by a team, with its key results."""

    team: Id
    key_results: list[KeyResult] = Field(default_factory=list)
    origin: Literal["team", "top-down"] | None = None
    intentional: str | None = None


class Document(Record):
    """One OKR file."""

    model_config = ConfigDict(title="aligngraph OKR file, format version 1")

    cycle: Cycle | None = None
    teams: list[Team]
    people: list[Person] | None = None
    objectives: list[Objective]
    settings: dict[str, Any] = Field(default_factory=dict)


def model_at(loc: tuple) -> type[Record] | None:
    """The model class that validates the mapping at ``loc`` inside a document.

    >>> model_at(("objectives", 3, "key_results", 0)).__name__
    'KeyResult'
    """
    model: type[Record] | None = Document
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        model = _record_type(field.annotation) if field else None
    return model


def _record_type(annotation: Any) -> type[Record] | None:
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _record_type(arg)
        if found:
            return found
    return None


def field_names(model: type[Record]) -> list[str]:
    """The keys a mapping of this model may carry (extension keys aside)."""
    return list(model.model_fields)


def unknown_keys(record: Record, loc: tuple = ()) -> list[tuple[tuple, str]]:
    """Every key in a validated record, or the records inside it, that is not in the
    format and is not an ``x-`` extension: ``(path of the record, key)``.

    Runs over every record of a large file, so the path is only built on a hit.
    """
    found: list[tuple[tuple, str]] = []
    _collect_unknown(record, loc, found)
    return found


def _collect_unknown(record: Record, loc: tuple, found: list) -> None:
    extra = record.__pydantic_extra__
    if extra:
        found.extend((loc, key) for key in extra if not key.startswith(EXTENSION_PREFIX))
    for name in _NESTED.get(type(record), ()):
        value = getattr(record, name)
        if isinstance(value, list):
            for index, item in enumerate(value):
                if item.__pydantic_extra__ or type(item) in _NESTED:
                    _collect_unknown(item, (*loc, name, index), found)
        elif value is not None:
            _collect_unknown(value, (*loc, name), found)





class Origin(NamedTuple):
    """Where a record came from: its file and its path inside that file."""

    file: str
    loc: tuple


class Location(NamedTuple):
    """Where a finding's subject is defined: its file, and the 1-based line and column of
    its record's ``id`` (None where the position is not known)."""

    file: str
    line: int | None = None
    column: int | None = None


@dataclass
class Organisation:
    """Every file's records merged into one organisation, each with its origin.

    ``origins`` is keyed by ``(kind, id)``, kind being ``team``, ``person`` or ``goal``.
    ``people`` is None when no file lists people: they are then made up as referenced.
    ``notices`` say what reading inferred (from a spreadsheet that lacks a team tree…).
    """

    cycle: Cycle
    teams: list[Team] = field(default_factory=list)
    people: list[Person] | None = None
    objectives: list[Objective] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)

    def key_results(self):
        """Every key result with its objective."""
        for objective in self.objectives:
            for key_result in objective.key_results:
                yield objective, key_result


_NESTED: dict[type, tuple[str, ...]] = {
    Document: ("cycle", "teams", "people", "objectives"),
    Objective: ("key_results",),
    KeyResult: ("check_ins",),
}
