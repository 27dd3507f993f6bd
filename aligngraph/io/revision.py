"""Validate a new version of a one-file organisation, validating again only what changed.

The explorer's Workshop tab makes a whole new version of the organisation on every edit,
and validating a 1,000-team document takes most of a second, though an edit changes a
record or two. A record (a team, a person, or an objective with its key results) whose
JSON text is unchanged validates to the same model, so only the records whose text is
new are validated; the rules across records (unique ids, references, cycles, the limits
on the whole file) run over everything, every time.

Only a clean version takes the short way: at the first problem of any kind the version
goes through :func:`aligngraph.io.loader.load_bytes` whole, so that every problem is
found and located exactly as the loader finds and locates them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pydantic

from ..errors import InputError
from ..model import Document, Organisation, Record, unknown_keys
from .limits import Limits, deepest_path, long_titles, records_problem, size_problem
from .loader import SettingsCheck, load_bytes, organisation_of
from .parsed import RECORD_MODELS, Parsed, outline
from .writer import iso_date

_ENCODE = json.JSONEncoder(ensure_ascii=False, default=iso_date).encode

Texts = Mapping[str, Sequence[str]]


def record_texts(data: Mapping[str, Any]) -> dict[str, list[str]]:
    """Each record of a document as JSON text, list by list (lists that are not lists
    have none)."""
    return {key: [_ENCODE(record) for record in data[key]] for key in RECORD_MODELS
            if isinstance(data.get(key), list)}


def document_bytes(data: Mapping[str, Any], texts: Texts) -> bytes:
    """``document_json(data)``, byte for byte, put together from the records' texts
    already made (writing a 1,000-team document again costs a tenth of a second)."""
    parts = []
    for key, value in data.items():
        if key in texts:
            body = "[" + ", ".join(texts[key]) + "]"
        else:
            body = _ENCODE(value)
        parts.append(f"{_ENCODE(key)}: {body}")
    return ("{" + ", ".join(parts) + "}").encode("utf-8")


@dataclass(frozen=True)
class Revision:
    """The records of a valid version, by their JSON text, with the models they load to."""

    models: Mapping[str, Mapping[str, Record]]

    @classmethod
    def pair(cls, texts: Texts, org: Organisation) -> Revision | None:
        """The records of ``org`` paired with the texts of the document it was loaded
        from, list by list and in order; None when the lists do not line up."""
        lists: dict[str, Sequence[Record]] = {"teams": org.teams, "people": org.people or [],
                                              "objectives": org.objectives}
        if any(len(texts.get(key, ())) != len(records) for key, records in lists.items()):
            return None
        return cls({key: dict(zip(texts.get(key, ()), records, strict=True))
                    for key, records in lists.items()})


def load_revision(name: str, content: bytes, data: Mapping[str, Any], texts: Texts,
                  base: Revision | None, *, limits: Limits | None = None,
                  settings_check: SettingsCheck | None = None) -> Organisation:
    """The organisation of one JSON document: ``content`` is its bytes, ``data`` the
    same parsed, and ``texts`` its :func:`record_texts`. The records ``base`` already
    holds are not validated again. Raises :class:`InputError` exactly as
    ``load_bytes([(name, content)])`` does, and returns what it would return."""
    limits = limits or Limits.from_environment()
    document = _revised(data, texts, base, len(content), limits) if base else None
    if document is not None:
        try:
            return organisation_of([Parsed.whole(name, document)], settings_check)
        except InputError:
            pass  # located again below, from the text, as the loader locates them
    return load_bytes([(name, content)], limits, settings_check=settings_check)


def _revised(data: Mapping[str, Any], texts: Texts, base: Revision, size: int,
             limits: Limits) -> Document | None:
    """The document's model, reusing ``base``'s records; None at the first problem."""
    shape = outline(data)
    if set(texts) != {key for key in RECORD_MODELS if key in data} or size_problem(
            size, limits):
        return None
    fresh: dict[str, list[Any]] = {}  # the records not in the base, parsed from their text
    records = {key: [_known(base, key, text, fresh) for text in key_texts]
               for key, key_texts in texts.items()}
    if _over_limits({**shape, **fresh}, data, limits):
        return None
    try:
        shell = Document.model_validate(shape)
        new = {key: [RECORD_MODELS[key].model_validate(raw) for raw in raws]
               for key, raws in fresh.items()}
    except pydantic.ValidationError:
        return None
    if unknown_keys(shell) or any(unknown_keys(record) for found in new.values()
                                  for record in found):
        return None
    for key, found in records.items():
        made = iter(new.get(key, ()))
        records[key] = [record if record is not None else next(made) for record in found]
    return shell.model_copy(update=records)


def _known(base: Revision, key: str, text: str, fresh: dict[str, list[Any]]) -> Record | None:
    """The base's model of a record's text; or None, and the record parsed from its text
    into ``fresh``, to be validated as the loader would (so the data's own Python types,
    which may not survive JSON, play no part)."""
    record = base.models.get(key, {}).get(text)
    if record is None:
        fresh.setdefault(key, []).append(json.loads(text))
    return record


def _over_limits(new_parts: dict[str, Any], data: Mapping[str, Any], limits: Limits) -> bool:
    """Whether the document passes a limit: the nesting and lengths of what is new (the
    rest passed them in the base), the number of records of the whole."""
    return (deepest_path(new_parts, limits.max_depth) is not None
            or records_problem(dict(data), limits) is not None
            or any(True for _ in long_titles(new_parts, limits)))
