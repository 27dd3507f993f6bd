"""The empty workbook ``aligngraph template`` writes: layout 1, one example row a sheet,
and a sheet of instructions for the people who fill it in."""

from __future__ import annotations

from typing import Any

EXAMPLE: dict[str, Any] = {
    "cycle": {"name": "2026-Q3", "start": "2026-07-01", "end": "2026-09-30"},
    "teams": [{"id": "company", "name": "Our company", "lead": "ana"}],
    "people": [{"id": "ana", "name": "Ana Example", "team": "company"}],
    "objectives": [{
        "id": "C1", "title": "Delight our first hundred customers", "team": "company",
        "owner": "ana", "origin": "team",
        "key_results": [{"id": "C1.1", "title": "Raise paying customers from 40 to 100",
                         "owner": "ana", "baseline": 40, "target": 100, "current": 55,
                         "confidence": 0.6,
                         "check_ins": [{"date": "2026-07-15", "value": 55, "confidence": 0.6,
                                        "note": "first check-in"}]}],
    }],
    "settings": {"overloaded-contributor": {"max_objectives": 3}},
}

INSTRUCTIONS = [
    "aligngraph OKR workbook (layout 1). Replace the example rows; keep the headers.",
    "",
    "teams: one row per team. id is unique; parent is the id of the team above (empty for the "
    "top); lead is a person's id.",
    "people: one row per person (optional sheet: without it, people are made up from the "
    "names used elsewhere). team is their home team's id.",
    "goals: one row per objective or key result. type is objective or key_result.",
    "  An objective row gives team; a key result row gives objective, the id of its objective.",
    "  aligns_to (ids of the goals it supports), depends_on (team ids) and contributors "
    "(person ids) hold several values separated by ; or , or a new line.",
    "  baseline, target and current are numbers; score and confidence are numbers from 0 to 1.",
    "  origin is team or top-down; intentional says why an objective aligns to nothing.",
    "check_ins: one row per check-in: key_result (its id), date (YYYY-MM-DD), value, "
    "confidence, note.",
    "cycle: key/value rows: name, start, end, as_of (dates YYYY-MM-DD).",
    "settings: key/value rows such as overloaded-contributor.max_objectives = 4 "
    "(see docs/checks.md).",
    "Any column whose name starts with x- is kept as an extension field.",
    "",
    "Check it with: aligngraph check okrs.xlsx. Every problem is reported as "
    "FILE:SHEET:ROW:COLUMN: field: what is wrong.",
]
