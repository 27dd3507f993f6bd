"""One file's validated records, each with its index, even when some records failed.

When a file has errors, the records that are valid on their own are kept, so that
references and cycles among them are still checked and every problem is reported at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import pydantic

from ..model import (
    EXTENSION_PREFIX, Cycle, Document, Objective, Person, Record, Team, field_names,
    model_at, unknown_keys,
)

#: The lists of records, and the model each record of a list validates to on its own.
RECORD_MODELS: dict[str, type[Record]] = {"teams": Team, "people": Person,
                                          "objectives": Objective}


def outline(data: Mapping[str, Any]) -> dict[str, Any]:
    """A document with its lists of records emptied: the rest of it, to validate apart."""
    return {key: [] if key in RECORD_MODELS and isinstance(value, list) else value
            for key, value in data.items()}


@dataclass
class Parsed:
    file: str
    cycle: Cycle | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    teams: list[tuple[int, Team]] = field(default_factory=list)
    people: list[tuple[int, Person]] | None = None
    objectives: list[tuple[int, Objective]] = field(default_factory=list)
    dropped_ids: set[str] = field(default_factory=set)
    document: Document | None = None

    @classmethod
    def whole(cls, file: str, doc: Document) -> Parsed:
        people = None if doc.people is None else list(enumerate(doc.people))
        return cls(file, doc.cycle, doc.settings, list(enumerate(doc.teams)), people,
                   list(enumerate(doc.objectives)), document=doc)

    @classmethod
    def salvage(cls, file: str, data: Any, errors: Sequence[Mapping[str, Any]]) -> Parsed:
        """Keep each record that validates on its own; note the ids of the others."""
        parsed = cls(file)
        if not isinstance(data, dict):
            return parsed
        failed = {tuple(e["loc"][:2]) for e in errors if len(e["loc"]) >= 2}
        failed_top = {e["loc"][0] for e in errors if e["loc"]}
        if "cycle" not in failed_top and isinstance(data.get("cycle"), dict):
            parsed.cycle = Cycle.model_validate(data["cycle"])
        if "settings" not in failed_top and isinstance(data.get("settings"), dict):
            parsed.settings = data["settings"]
        for key, model in RECORD_MODELS.items():
            items = data.get(key)
            if key == "people" and isinstance(items, list):
                parsed.people = []
            if isinstance(items, list):
                parsed._keep(key, model, items, failed)
        return parsed

    @classmethod
    def dropped(cls, file: str, data: Any) -> Parsed:
        """No record kept, every id noted: for a file with too many errors to salvage."""
        parsed = cls(file)
        if isinstance(data, dict):
            for key in RECORD_MODELS:
                items = data.get(key)
                for item in items if isinstance(items, list) else ():
                    parsed.dropped_ids |= _ids_in(item)
        return parsed

    def _keep(self, key: str, model, items: list, failed: set[tuple]) -> None:
        kept = getattr(self, key)
        for index, item in enumerate(items):
            if (key, index) in failed:
                self.dropped_ids |= _ids_in(item)
                continue
            try:
                kept.append((index, model.model_validate(item)))
            except pydantic.ValidationError:
                self.dropped_ids |= _ids_in(item)


def first_errors(data: dict, limit: int) -> list[Any]:
    """About the first ``limit`` validation errors of a document, found record by record
    so that the cost stops with them; the errors outside the record lists come first."""
    errors = _errors_of(Document, outline(data))
    for key, model in RECORD_MODELS.items():
        items = data.get(key)
        for index, item in enumerate(items if isinstance(items, list) else ()):
            if len(errors) >= limit:
                return errors
            errors += [{**error, "loc": (key, index, *error["loc"])}
                       for error in _errors_of(model, item)]
    return errors


def _errors_of(model: type[pydantic.BaseModel], value: Any) -> list[Any]:
    try:
        model.model_validate(value)
    except pydantic.ValidationError as exc:
        return exc.errors()
    return []


def unknown_keys_of(parsed: Parsed | None, data: Any) -> Iterator[tuple[tuple, str]]:
    """Keys that are neither in the format nor ``x-`` extensions: ``(record path, key)``.

    A valid document is walked through its models (fast); one with errors, through the
    raw data, so that the records dropped for their errors are covered too.
    """
    if parsed is not None and parsed.document is not None:
        yield from unknown_keys(parsed.document)
    else:
        yield from _raw_unknown_keys(data, ())


def _raw_unknown_keys(data: Any, loc: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield from _raw_unknown_keys(item, (*loc, index))
        return
    model = model_at(loc) if isinstance(data, dict) else None
    if model is None:
        return
    known = set(field_names(model))
    for key, value in data.items():
        key = str(key)
        if key.startswith(EXTENSION_PREFIX):
            continue
        if key not in known:
            yield loc, key
        elif key != "settings":
            yield from _raw_unknown_keys(value, (*loc, key))


def _ids_in(item: Any) -> set[str]:
    """Every id in a raw record, key results included."""
    if not isinstance(item, dict):
        return set()
    ids = {str(item["id"])} if isinstance(item.get("id"), (str, int, float)) else set()
    key_results = item.get("key_results")
    for kr in key_results if isinstance(key_results, list) else ():
        ids |= _ids_in(kr)
    return ids
