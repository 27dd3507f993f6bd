"""Which layout a sheet is in, told from its header, and which field each column holds.

Headers are compared with case, spaces, ``_`` and ``-`` ignored (``Key Result``,
``key_result`` and ``KEY-RESULT`` are one header). docs/spreadsheets.md lists every
synonym; keep it in step with the tables here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from .sheets import Sheet

EXTENSION = "x-"

#: The layouts by name, as ``--layout`` takes them (their numbers work too).
LAYOUTS = {"aligngraph": 1, "key-result-rows": 2, "parent-references": 3, "outline": 4,
           "indented": 5}

# Layout 1, aligngraph's own: the column names are the format's own field names.
OWN_COLUMNS = {
    "teams": ("id", "name", "parent", "lead"),
    "people": ("id", "name", "team"),
    "goals": ("type", "id", "title", "team", "objective", "owner", "aligns_to", "depends_on",
              "liaison", "contributors", "baseline", "target", "current", "unit", "score",
              "confidence", "origin", "intentional"),
    "check_ins": ("key_result", "date", "value", "confidence", "note"),
    "cycle": ("key", "value"),
    "settings": ("key", "value"),
}

# Layouts 2 to 5: each field and the headers (normalised) that name it.
GOAL_SYNONYMS: dict[str, tuple[str, ...]] = {
    "team": ("team", "teamname", "entity", "teams", "owningteam"),
    "objective": ("objective", "objectivetitle", "objectivename"),
    "key_result": ("keyresult", "kr", "keyresulttitle", "keyresultname"),
    "title": ("title", "summary", "name", "okrtitle", "okrname"),
    "type": ("type", "okrtype", "itemtype", "issuetype"),
    "reference": ("okrreference", "rowid", "reference", "okrid", "ref", "id"),
    "parent": ("parentokr", "parentokrs", "parent", "parents", "parentrowids", "parentrowid",
               "parentreference", "alignsto", "alignedto", "parentobjective", "parentgoal"),
    "owner": ("owner", "owneremail", "owners", "assignee", "ownername"),
    "baseline": ("startvalue", "baseline", "start", "startingvalue", "initialvalue"),
    "target": ("targetvalue", "target"),
    "current": ("currentvalue", "current", "actual", "actualvalue"),
    "score": ("score", "grade"),
    "confidence": ("confidence",),
    "unit": ("unit", "units", "metricunit"),
    "quarter": ("quarter", "cycle", "period", "timeperiod"),
    "depends_on": ("dependson", "dependencies"),
    "liaison": ("liaison",),
    "contributors": ("contributors",),
    "order": ("order", "outline", "outlinenumber"),
    "origin": ("origin",),
    "intentional": ("intentional",),
}
TEAM_SYNONYMS: dict[str, tuple[str, ...]] = {
    "team": ("teamname", "team", "name"),
    "parent": ("parentteam", "parent", "parentteamname"),
    "lead": ("lead", "teamowners", "teamowner", "teamlead", "owner", "owners"),
}
_LEVEL = re.compile(r"l([0-9]+)|level([0-9]+)")
_SKIPPED_SHEETS = ("instructions", "readme", "howto")


def normalise_header(text: str) -> str:
    """``Key Result`` → ``keyresult``: case, spaces, ``_`` and ``-`` ignored.

    >>> normalise_header(" Parent_Row-IDs ")
    'parentrowids'
    """
    return re.sub(r"[\s_\-]+", "", text.lower())


def extension_key(header: str) -> str | None:
    """The ``x-`` key a header names, or None."""
    text = header.strip()
    return EXTENSION + text[2:] if text[:2].lower() == EXTENSION else None


@dataclass(frozen=True)
class Role:
    """What a sheet holds: ``layout`` 1 to 5 (0 for a team sheet of layouts 2 to 5)
    and, for layout 1, which of its tables (``goals``, ``teams``…)."""

    layout: int
    table: str


TEAM_SHEET = Role(0, "teams")


def classify(sheet: Sheet, forced: int | None = None) -> Role | None:
    """The role of a sheet, told from its (normalised) header; None when unknown."""
    names = {normalise_header(h) for h in sheet.header if h and not extension_key(h)}
    sheet_name = normalise_header(sheet.name)
    if forced is not None and forced != 1:
        role = _goal_role(names, forced)
        if role:
            return role
        return TEAM_SHEET if _is_team_sheet(names, sheet_name) else None
    for role in (_own_role(names, sheet_name), _goal_role(names, None)):
        if role and (forced is None or role.layout == forced):
            return role
    if forced is None and _is_team_sheet(names, sheet_name):
        return TEAM_SHEET
    return None


def skipped(sheet: Sheet) -> bool:
    """Sheets of instructions for people, which hold no data (the template has one)."""
    return normalise_header(sheet.name).startswith(_SKIPPED_SHEETS)


def _own_role(names: set[str], sheet_name: str) -> Role | None:
    if {"key", "value"} <= names:
        if "settings" in sheet_name:
            return Role(1, "settings")
        return Role(1, "cycle")
    if {"keyresult", "date"} <= names:
        return Role(1, "check_ins")
    parents = set(GOAL_SYNONYMS["parent"]) - {"alignsto"}
    if {"type", "id", "title"} <= names and not names & parents:
        return Role(1, "goals")
    if "id" in names and not names & {"title", "type"}:
        if "parent" in names or "lead" in names:
            return Role(1, "teams")
        if "team" in names:
            return Role(1, "people")
        if sheet_name in ("teams", "people"):
            return Role(1, sheet_name)
    return None


def _goal_role(names: set[str], forced: int | None) -> Role | None:
    def has(field: str) -> bool:
        return bool(names & set(GOAL_SYNONYMS[field]))

    signatures = {
        5: "main" in names and any(_LEVEL.fullmatch(n) for n in names),
        4: has("order") and has("title"),
        2: has("objective") and has("key_result"),
        3: has("reference") and has("title") and (has("type") or has("parent")),
    }
    for layout, matches in signatures.items():
        if matches and forced in (None, layout):
            return Role(layout, "goals")
    return None


def _is_team_sheet(names: set[str], sheet_name: str) -> bool:
    has_name = bool(names & set(TEAM_SYNONYMS["team"]))
    structure = bool(names & {"parentteam", "teamowners", "teamowner", "teamlead"})
    return has_name and (structure or "team" in sheet_name)


def level_of(header: str) -> int | None:
    """The depth a Goalscape column holds: ``Main`` 0, ``L1`` 1, ``Level 2`` 2."""
    name = normalise_header(header)
    if name == "main":
        return 0
    match = _LEVEL.fullmatch(name)
    return int(match.group(1) or match.group(2)) if match else None


def field_columns(sheet: Sheet, synonyms: Mapping[str, tuple[str, ...]]
                  ) -> tuple[dict[str, int], dict[int, str], list[int]]:
    """For a sheet of layouts 2 to 5: ``{field: column index}``, ``{column index: x- key}``
    for extension and unrecognised columns, and the indexes of repeated fields."""
    lookup = {synonym: field for field, names in synonyms.items() for synonym in names}
    fields: dict[str, int] = {}
    extra: dict[int, str] = {}
    repeated: list[int] = []
    for index, header in enumerate(sheet.header):
        if not header:
            continue
        key = extension_key(header)
        field = None if key else lookup.get(normalise_header(header))
        if field is None:
            extra[index] = key or EXTENSION + re.sub(r"[^0-9a-z]+", "-", header.lower()).strip("-")
        elif field in fields:
            repeated.append(index)
        else:
            fields[field] = index
    return fields, extra, repeated


def column_map(mapping: Mapping[str, str]) -> dict[str, str]:
    """A ``--columns`` map, ``{header as written: field}``, keyed by normalised header
    and naming each field by a header the layouts recognise."""
    canonical = {field: names[0] for field, names in GOAL_SYNONYMS.items()}
    canonical.update({"parent_team": "parentteam", "lead": "lead", "id": "id",
                      "aligns_to": "alignsto"})
    canonical.update({name: normalise_header(name)
                      for names in OWN_COLUMNS.values() for name in names})
    return {normalise_header(header): field if field.startswith(EXTENSION)
            else canonical.get(field, normalise_header(field))
            for header, field in mapping.items()}


def mappable_fields() -> list[str]:
    """Every field a ``--columns`` map may name."""
    own = {name for names in OWN_COLUMNS.values() for name in names}
    return sorted(own | set(GOAL_SYNONYMS) | {"parent_team", "lead"})
