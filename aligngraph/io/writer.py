"""Write a v1 document (plain data) as YAML or JSON, by the file's suffix; and an
organisation as such a document."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import yaml

from ..model import Organisation, Record

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def write_document(data: dict[str, Any], path: Path) -> None:
    """Write ``data`` to ``path``: JSON for ``.json``, YAML (with libyaml) otherwise."""
    with path.open("w", encoding="utf-8") as handle:
        if path.suffix.lower() == ".json":
            json.dump(data, handle, ensure_ascii=False, default=iso_date)
        else:
            yaml.dump(data, handle, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                      width=100)


def document_json(data: dict[str, Any]) -> bytes:
    """A v1 document as UTF-8 JSON bytes, as ``write_document`` writes a ``.json`` file."""
    return json.dumps(data, ensure_ascii=False, default=iso_date).encode("utf-8")


def iso_date(value: Any) -> str:
    """Dates in JSON are written ``YYYY-MM-DD``, as the format reads them."""
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def document_data(org: Organisation) -> dict[str, Any]:
    """An organisation as a v1 document (plain data): what ``convert`` writes, and what
    reads back into the same organisation. Empty fields and lists are left out."""
    data: dict[str, Any] = {}
    cycle = _plain(org.cycle)
    if cycle:
        data["cycle"] = cycle
    data["teams"] = [_plain(team) for team in org.teams]
    if org.people is not None:
        data["people"] = [_plain(person) for person in org.people]
    data["objectives"] = [_plain(objective) for objective in org.objectives]
    if org.settings:
        data["settings"] = org.settings
    return data


def _plain(record: Record) -> dict[str, Any]:
    return _without_empties(record.model_dump(exclude_none=True))


def _without_empties(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _without_empties(v) for k, v in value.items() if v != [] or k.startswith("x-")}
    if isinstance(value, list):
        return [_without_empties(item) for item in value]
    return value
