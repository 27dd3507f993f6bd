"""Build the v1 document from the goals of layouts 2 to 5, inferring what they lack.

- Ids: a row reference where the layout has one, else a slug of the title.
- Parents written as text: a reference first, then the exact title, then the normalised
  title; a text that matches nothing, or several goals, is an error naming the nearest.
- People, named by e-mail or by name; teams, named by name, get slug ids.
- Without a team sheet, the team tree comes from the goal tree (:func:`infer_team_tree`).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from typing import Any

from ...errors import Problem
from ...text import normalise
from .cells import split_list
from .document import TableDocument, cell_problem
from .goal_rows import Item, Rows
from .headers import TEAM_SYNONYMS, field_columns
from .sheets import Sheet

INFERRED_PARENT = "x-inferred-parent"
DEFAULT_TEAM = "organisation"


def slug(text: str, limit: int = 48) -> str:
    """A readable id from a title or a name.

    >>> slug("Become the default scheduling tool for small clinics!")
    'become-the-default-scheduling-tool-for-small'
    """
    words = normalise(text).replace(" ", "-") or "item"
    if len(words) <= limit:
        return words
    return words[:limit].rsplit("-", 1)[0]


def person_id(text: str) -> str:
    """People named by e-mail keep it (lower case) as their id; names get a slug."""
    return text.strip().lower() if "@" in text else slug(text)


class _Builder:
    def __init__(self, doc: TableDocument, rows: Rows, team_sheets: list[Sheet]):
        self.doc, self.rows, self.items = doc, rows, rows.items
        self.team_sheets = team_sheets
        self.people: dict[str, dict] = {}
        self.teams: dict[str, dict] = {}

    def problem(self, item: Item, name: str, message: str) -> None:
        _, column, header = item.columns.get(name, (None, 0, name))
        self.doc.problems.append(Problem(item.where, header, message, item.row,
                                         column or None))

    # Parents and kinds

    def resolve_parents(self) -> None:
        refs = {item.ref.strip().lower(): i for i, item in enumerate(self.items) if item.ref}
        titles: dict[str, list[int]] = {}
        folded: dict[str, list[int]] = {}
        for i, item in enumerate(self.items):
            titles.setdefault(item.title, []).append(i)
            folded.setdefault(normalise(item.title), []).append(i)
        for item in self.items:
            for text in item.parent_texts:
                found = (([refs[text.lower()]] if text.lower() in refs else None)
                         or titles.get(text) or folded.get(normalise(text)) or [])
                if len(found) == 1:
                    item.parents.append(found[0])
                elif found:
                    item.unplaced = True
                    rows = ", ".join(f"row {self.items[i].row}" for i in found)
                    self.problem(item, "aligns_to", f"{text!r} matches {len(found)} goals "
                                 f"({rows}); name one by its reference or exact title")
                elif " " not in text.strip():
                    item.values.setdefault("external", []).append(text)
                else:
                    item.unplaced = True
                    self.problem(item, "aligns_to", f"{text!r} matches no goal"
                                 + self._nearest(text))

    def _nearest(self, text: str) -> str:
        if len(self.items) > 5000:
            return ""
        titles = {item.title for item in self.items}
        close = difflib.get_close_matches(text, titles, n=3, cutoff=0.5)
        return f"; nearest: {', '.join(repr(t) for t in close)}" if close else ""

    def infer_kinds(self) -> None:
        """Goalscape has no types: a goal with sub-goals, or none above it, is an
        objective; a leaf under an objective is one of its key results."""
        has_children = {p for item in self.items for p in item.parents}
        for i, item in enumerate(self.items):
            if item.kind is None:
                item.kind = "objective" if i in has_children or not item.parents else "key_result"

    def check_key_results(self) -> None:
        for item in self.items:
            if item.kind != "key_result" or item.unplaced:
                continue
            external = item.values.pop("external", [])
            if len(item.parents) + len(external) > 1:
                self.problem(item, "aligns_to", f"{len(item.parents) + len(external)} parents "
                             "where the layout allows one: a key result's parent is its objective")
            elif external:
                self.problem(item, "aligns_to", f"the parent {external[0]!r} resolves to nothing")
            elif not item.parents:
                self.problem(item, "aligns_to", "a key result with no parent: name its objective")
            elif self.items[item.parents[0]].kind != "objective":
                parent = self.items[item.parents[0]]
                self.problem(item, "aligns_to", f"the parent {parent.title!r} (row "
                             f"{parent.row}) is a key result; a key result's parent is an objective")

    # Ids, teams, people

    def assign_ids(self) -> None:
        used = {item.ref for item in self.items if item.ref}
        for item in self.items:
            if item.ref:
                item.id = item.ref
                continue
            base = candidate = slug(item.title)
            number = 1
            while candidate in used:
                number += 1
                candidate = f"{base}-{number}"
            used.add(candidate)
            item.id = candidate

    def assign_teams(self) -> None:
        default = not self.rows.team_column
        for item in self.items:
            if item.kind != "objective" or item.team:
                continue
            if self.rows.inherit_team or default:
                item.team = self._inherited_team(item) or (DEFAULT_TEAM if default else "")
            if not item.team:
                self.problem(item, "team", "missing team")
        if default and self.items:
            self.doc.notices.append(f"{self.items[0].where}: no team column, so every "
                                    f"goal belongs to one team, {DEFAULT_TEAM!r}")

    def _inherited_team(self, item: Item) -> str:
        seen = set()
        while item.parents and id(item) not in seen:
            seen.add(id(item))
            item = self.items[item.parents[0]]
            if item.team:
                return item.team
        return ""

    def person(self, text: str) -> str:
        key = person_id(text)
        self.people.setdefault(key, {"id": key, "name": text.strip()})
        return key

    def team_records(self) -> None:
        for sheet in self.team_sheets:
            self._team_sheet(sheet)
        for item in self.items:
            if item.kind == "objective" and item.team and not self.team_sheets:
                self.teams.setdefault(slug(item.team), {"id": slug(item.team),
                                                        "name": item.team})
        if not self.team_sheets and self.teams:
            infer_team_tree(self.teams, self._alignment_votes(), self.doc)

    def _team_sheet(self, sheet: Sheet) -> None:
        fields, extra, _ = field_columns(sheet, TEAM_SYNONYMS)
        columns = {name: (None, i + 1, sheet.label(i)) for name, i in fields.items()}
        columns["id"] = columns.get("team", (None, 1, "team"))
        for row, cells in sheet.rows:
            def get(name: str, cells: list[str] = cells) -> str:
                index = fields.get(name)
                return cells[index] if index is not None and index < len(cells) else ""

            name = get("team")
            if not name:
                self.doc.problems.append(cell_problem(sheet, row, fields.get("team"),
                                                      "missing team name", "team"))
                continue
            record: dict[str, Any] = {"id": slug(name), "name": name}
            if get("parent"):
                record["parent"] = slug(get("parent"))
            leads = split_list(get("lead"))
            if leads:
                record["lead"] = self.person(leads[0])
            if len(leads) > 1:
                record["x-team-owners"] = [self.person(lead) for lead in leads]
            record.update({key: cells[i] for i, key in extra.items() if i < len(cells) and cells[i]})
            if record["id"] in self.teams:
                self.doc.problems.append(cell_problem(sheet, row, fields.get("team"),
                                                      f"duplicate team {name!r}", "team"))
                continue
            self.doc.locator.add(("teams", len(self.teams)), sheet.where, row,
                                 {**columns, "parent": columns.get("parent", (None, 0, "parent"))})
            self.teams[record["id"]] = record

    def _alignment_votes(self) -> dict[str, Counter]:
        """For each team, the teams owning the goals its objectives align to."""
        team_of = {}
        for i, item in enumerate(self.items):
            owner = item if item.kind == "objective" else (
                self.items[item.parents[0]] if item.parents else item)
            team_of[i] = slug(owner.team) if owner.team else ""
        votes: dict[str, Counter] = {}
        for i, item in enumerate(self.items):
            if item.kind != "objective":
                continue
            for parent in item.parents:
                if team_of[parent] and team_of[parent] != team_of[i]:
                    votes.setdefault(team_of[i], Counter())[team_of[parent]] += 1
        return votes

    # The document

    def document(self) -> dict[str, Any]:
        objectives: list[dict] = []
        index_of: dict[int, int] = {}
        for i, item in enumerate(self.items):
            if item.kind == "objective":
                index_of[i] = len(objectives)
                self.doc.locator.add(("objectives", len(objectives)), item.where, item.row,
                                     item.columns)
                objectives.append({**self._record(item), "team": slug(item.team) if item.team else "",
                                   "key_results": []})
        for item in self.items:
            if item.kind == "key_result" and item.parents and item.parents[0] in index_of:
                index = index_of[item.parents[0]]
                krs = objectives[index]["key_results"]
                self.doc.locator.add(("objectives", index, "key_results", len(krs)),
                                     item.where, item.row, item.columns)
                record = self._record(item)
                record.pop("aligns_to", None)
                krs.append(record)
        document: dict[str, Any] = {"teams": list(self.teams.values()),
                                    "objectives": objectives}
        if self.people:
            document["people"] = list(self.people.values())
        return document

    def _record(self, item: Item) -> dict[str, Any]:
        record: dict[str, Any] = {"id": item.id, "title": item.title}
        aligns = [self.items[p].id for p in item.parents] + item.values.pop("external", [])
        if aligns:
            record["aligns_to"] = aligns
        for name, text in item.values.items():
            record[name] = self._value(name, text)
        return record

    def _value(self, name: str, text: str) -> Any:
        if name in ("owner", "liaison"):
            return self.person(text)
        if name == "contributors":
            return [self.person(person) for person in split_list(text)]
        if name == "depends_on":
            return [slug(team) for team in split_list(text)]
        if name in ("score", "confidence") and text.endswith("%"):
            return _share(text)
        return text


def _share(text: str) -> str:
    """``70%`` → ``0.7``, for scores and confidence; anything else is left to validation."""
    number = text[:-1].strip()
    if re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", number):
        return repr(round(float(number) / 100, 6))
    return text


def infer_team_tree(teams: dict[str, dict], votes: dict[str, Counter],
                    doc: TableDocument) -> None:
    """Put each team under the team owning most of the goals its objectives align to,
    never closing a cycle; mark each such parent with ``x-inferred-parent``."""
    placed = 0
    order = {team_id: index for index, team_id in enumerate(teams)}
    for team_id, record in teams.items():
        for parent, _ in sorted(votes.get(team_id, Counter()).items(),
                                key=lambda pair: (-pair[1], order.get(pair[0], 0))):
            if parent in teams and not _reaches(teams, parent, team_id):
                record["parent"] = parent
                record[INFERRED_PARENT] = True
                placed += 1
                break
    if placed:
        doc.notices.append(f"{doc.name}: no team sheet, so the team tree was inferred from "
                           f"the goal tree: {placed} teams placed under the team that owns most "
                           f"of the goals their objectives align to (marked {INFERRED_PARENT})")


def _reaches(teams: dict[str, dict], start: str, target: str) -> bool:
    seen = set()
    while start and start not in seen:
        if start == target:
            return True
        seen.add(start)
        start = teams.get(start, {}).get("parent", "")
    return False


def build_goals(doc: TableDocument, rows: Rows, team_sheets: list[Sheet]) -> None:
    """Fill ``doc`` with the organisation the rows describe."""
    builder = _Builder(doc, rows, team_sheets)
    doc.problems += rows.problems
    builder.resolve_parents()
    builder.infer_kinds()
    builder.check_key_results()
    builder.assign_ids()
    builder.assign_teams()
    builder.team_records()
    doc.data.update(builder.document())
    cycle = _cycle_name(rows, doc)
    if cycle:
        doc.data["cycle"] = {"name": cycle}


def _cycle_name(rows: Rows, doc: TableDocument) -> str | None:
    """The one quarter the rows name; a row naming another is an error."""
    if not rows.quarters:
        return None
    first, sheet, row, _ = rows.quarters[0]
    for text, other, at, index in rows.quarters[1:]:
        if text != first:
            doc.problems.append(cell_problem(other, at, index, f"{text!r} differs from "
                                             f"{first!r} on {sheet.where} row {row}; one "
                                             "organisation has one cycle"))
    return first
