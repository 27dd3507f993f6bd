"""Save an edited organisation back to the YAML or JSON files it was read from.

The explorer's Workshop tab is the only caller, and a save is the only time a user's file
changes. A save:

- writes only the files whose records changed, each **atomically** (a temporary file in
  the same folder, then a rename), after copying the previous version to ``FILE.bak``;
- **refuses** when a file changed on disk since it was read (:class:`SaveConflict`, with
  both versions' differences), so that one laptop never overwrites another's work;
- for YAML, keeps **comments, key order and untouched records** byte for byte: the file
  is parsed with ruamel.yaml (round-trip), each changed record is updated in that tree
  (fields in place, new fields after their neighbours in the format's order), and only
  the lines of the changed records are re-written. New records go at the end of their
  list, in the file that holds their team's other records.

JSON files are re-written whole (JSON has no comments), keys in their order. Spreadsheets
cannot be saved in place: the explorer offers the workbook as a download instead.
"""

from __future__ import annotations

import difflib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import AligngraphError
from ..model import Organisation
from .loader import SUFFIXES, load_bytes
from .writer import document_data, document_json

BACKUP_SUFFIX = ".bak"
_KINDS = {"teams": "team", "people": "person", "objectives": "goal"}
#: The order fields are written in, as the samples and ``convert`` write them: a field
#: added to a record goes after the last one before it in this order.
_ORDER = {"teams": ["id", "name", "parent", "lead"], "people": ["id", "name", "team"],
          "objectives": ["id", "title", "team", "owner", "origin", "intentional", "aligns_to",
                         "depends_on", "liaison", "key_results"],
          "key_results": ["id", "title", "owner", "contributors", "aligns_to", "depends_on",
                          "liaison", "baseline", "target", "current", "unit", "score",
                          "confidence", "check_ins"]}


class SaveRefused(AligngraphError):
    """The files cannot be saved in place (a spreadsheet among them)."""


@dataclass(frozen=True)
class Conflict:
    """A file that changed on disk since it was read: the text as read, as it is on disk
    now, and as the save would write it."""

    path: str
    loaded: str
    on_disk: str
    ours: str

    def their_changes(self) -> str:
        """What changed on disk since the file was read, as a unified diff."""
        return _diff(self.loaded, self.on_disk, self.path, "read", "on disk now")

    def our_changes(self) -> str:
        """What this save would change, as a unified diff."""
        return _diff(self.loaded, self.ours, self.path, "read", "this draft")


class SaveConflict(AligngraphError):
    """Files changed on disk since they were read: nothing was written."""

    def __init__(self, conflicts: list[Conflict]):
        self.conflicts = conflicts
        names = ", ".join(c.path for c in conflicts)
        super().__init__(f"not saved: {names} changed on disk since it was loaded. Nothing "
                         "was written; compare both versions below.")


@dataclass(frozen=True)
class Saved:
    """What a save wrote: each file's new bytes, and where its previous version went."""

    files: dict[str, bytes]
    backups: dict[str, str]


def _diff(old: str, new: str, path: str, old_name: str, new_name: str) -> str:
    return "".join(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                        f"{path} ({old_name})", f"{path} ({new_name})"))


def document_text(data: Mapping[str, Any]) -> str:
    """A whole organisation as YAML text, written afresh (as ``convert`` writes it)."""
    import yaml

    from .writer import _Dumper

    return yaml.dump(dict(data), Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=100)


def can_save(files: Sequence[tuple[str, bytes]]) -> str | None:
    """None when the files can be saved in place, else why not."""
    tables = [name for name, _ in files if Path(name).suffix.lower() not in SUFFIXES]
    if tables:
        return (f"{', '.join(Path(n).name for n in tables)}: spreadsheets are not saved in "
                "place; download the organisation as XLSX or YAML instead")
    return None


def save(files: Sequence[tuple[str, bytes]], data: Mapping[str, Any]) -> Saved:
    """Write the document ``data`` back over ``files`` (``(path, bytes as read)``).

    Raises
    ------
    SaveConflict
        When any file's bytes on disk differ from those read; nothing is written.
    SaveRefused
        When a file is a spreadsheet.
    """
    planned = plan(files, data)
    expected = dict(files)
    conflicts = []
    for path in planned:
        on_disk = _read(path)
        if on_disk != expected[path]:
            conflicts.append(Conflict(path, expected[path].decode("utf-8", "replace"),
                                      (on_disk or b"").decode("utf-8", "replace"),
                                      planned[path].decode("utf-8")))
    if conflicts:
        raise SaveConflict(conflicts)
    backups = {path: write_atomically(Path(path), content) for path, content in planned.items()}
    return Saved(planned, backups)


def _read(path: str) -> bytes | None:
    try:
        return Path(path).read_bytes()
    except OSError:
        return None


def write_atomically(path: Path, content: bytes) -> str:
    """Copy ``path`` to ``path.bak``, then replace it with ``content`` by a rename; returns
    the backup's path."""
    backup = path.with_name(path.name + BACKUP_SUFFIX)
    shutil.copy2(path, backup)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.",
                                         suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        shutil.copymode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return str(backup)


def plan(files: Sequence[tuple[str, bytes]], data: Mapping[str, Any]) -> dict[str, bytes]:
    """The new bytes of each file whose records change (pure: nothing is written)."""
    refused = can_save(files)
    if refused:
        raise SaveRefused(refused)
    org = load_bytes(list(files))
    old = _as_json(document_data(org))
    data = _as_json(dict(data))
    edits = {name: _FileEdit(name, text) for name, text in files}
    old_krs = {kr["id"]: kr for objective in old["objectives"]
               for kr in objective.get("key_results", [])}
    for edit in edits.values():
        edit.old_krs = old_krs
    _apply(org, old, dict(data), edits)
    return {name: edit.result() for name, edit in edits.items() if edit.changed}


def _as_json(data: dict[str, Any]) -> dict[str, Any]:
    """Dates as ISO text, as in the draft (kept as JSON): both sides compare alike."""
    return json.loads(document_json(data))


def _records(doc: Mapping[str, Any]) -> dict[tuple[str, str], tuple[str, dict]]:
    """``(kind, id) -> (list name, record)`` for teams, people and objectives."""
    found = {}
    for key, kind in _KINDS.items():
        for record in doc.get(key) or []:
            found[(kind, str(record.get("id")))] = (key, record)
    return found


def _apply(org: Organisation, old: dict, new: dict, edits: dict[str, _FileEdit]) -> None:
    before, after = _records(old), _records(new)
    for key, (name, record) in before.items():
        origin = org.origins[key]
        edit = edits[origin.file]
        if key not in after:
            edit.remove(origin.loc)
            continue
        changed = after[key][1]
        edit.update(origin.loc, name, _fields(record), _fields(changed))
        if name == "objectives":
            _key_results(org, record, changed, origin, edits)
    default = next(iter(edits))
    for key, (name, record) in after.items():
        if key not in before:
            file = _home(org, name, record) or default
            edits[file].append(name, record)


def _fields(record: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != "key_results"}


def _key_results(org: Organisation, old: dict, new: dict, origin, edits) -> None:
    edit = edits[origin.file]
    old_ids = [kr["id"] for kr in old.get("key_results", [])]
    new_krs = new.get("key_results", [])
    if [kr["id"] for kr in new_krs] == old_ids:
        for index, kr in enumerate(new_krs):
            loc = (*origin.loc, "key_results", index)
            edit.update(loc, "key_results", old["key_results"][index], kr)
        return
    nodes = []
    for kr in new_krs:
        kr_origin = org.origins.get(("goal", kr["id"]))
        if kr_origin is not None and kr_origin.file == origin.file and kr["id"] in edit.old_krs:
            node = edit.node(kr_origin.loc)
            _update_node(node, "key_results", edit.old_krs[kr["id"]], kr)
            nodes.append(node)
        else:
            nodes.append(_plain_node(kr, edit.is_yaml))
    edit.set_key_results(origin.loc, nodes)


def _home(org: Organisation, name: str, record: Mapping[str, Any]) -> str | None:
    """The file a new record goes to: where its team's (or parent's) records are."""
    team = record.get("parent") if name == "teams" else record.get("team")
    if team is None:
        return None
    if name == "objectives":
        files = [org.origins[("goal", o.id)].file for o in org.objectives if o.team == team]
        if files:
            return max(set(files), key=files.count)
    origin = org.origins.get(("team", str(team)))
    return origin.file if origin else None


def _update_node(node: Any, name: str, old: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Change the fields of one record's node that differ; True when any did."""
    changed: set[str] = set()
    for key in [k for k in old if k not in new and k != "key_results"]:
        node.pop(key, None)
        changed.add(key)
    for key, value in new.items():
        if key == "key_results" or (key in old and _same(old[key], value)):
            continue
        _set(node, name, key, _plain(value, node))
        changed.add(key)
    if changed and hasattr(node, "ca"):
        node._changed_keys = getattr(node, "_changed_keys", set()) | changed
    return bool(changed)


def _same(a: Any, b: Any) -> bool:
    return a == b and type(a) is type(b) or (isinstance(a, (int, float))
                                             and isinstance(b, (int, float)) and a == b)


def _plain(value: Any, node: Any) -> Any:
    """Whole floats written as integers (``40``, not ``40.0``)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_plain(v, node) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v, node) for k, v in value.items()}
    return value


def _set(node: Any, name: str, key: str, value: Any) -> None:
    old = node.get(key)
    if isinstance(value, list) and len(value) == 1 and isinstance(old, str):
        value = value[0]  # ``aligns_to: A1`` stays a single id
    elif isinstance(value, list) and hasattr(old, "fa") and old.fa.flow_style():
        value = _flow(value)
    if key in node or not hasattr(node, "insert"):
        node[key] = value
        return
    order = _ORDER.get(name, [])
    rank = order.index(key) if key in order else len(order)
    position = 0
    for index, existing in enumerate(node):
        if existing in order and order.index(existing) < rank:
            position = index + 1
    node.insert(position, key, value)


def _flow(items: list) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _ordered(record: Mapping[str, Any], name: str) -> dict[str, Any]:
    """A new record's keys in the format's order (``id`` first), extensions last."""
    order = _ORDER.get(name, [])
    keys = sorted(record, key=lambda k: order.index(k) if k in order else len(order))
    result = {k: record[k] for k in keys}
    if "key_results" in result:
        result["key_results"] = [_ordered(kr, "key_results") for kr in result["key_results"]]
    return result


def _plain_node(record: Mapping[str, Any], is_yaml: bool, name: str = "key_results") -> Any:
    record = _ordered(record, name)
    if not is_yaml:
        return _plain(dict(record), None)
    from ruamel.yaml.comments import CommentedMap

    return CommentedMap(_plain(dict(record), None))


class _FileEdit:
    """One file's tree and the line ranges its changed records re-write."""

    def __init__(self, name: str, data: bytes):
        self.name = name
        self.text = data.decode("utf-8")
        self.is_yaml = SUFFIXES.get(Path(name).suffix.lower()) == "yaml"
        self.changed = False
        self._dirty: set[tuple] = set()  # records re-written whole
        self._fields: dict[tuple, tuple[list, dict]] = {}  # records re-written field by field
        self._removed: list[tuple] = []
        self._appended: dict[str, list] = {}
        self.old_krs: dict[str, dict] = {}
        if self.is_yaml:
            self._yaml = _round_trip(self.text)
            self._wide = _round_trip(self.text, width=4096)  # an edited value stays on its line
            self.tree = self._yaml.load(self.text)
        else:
            self.tree = json.loads(self.text)

    def node(self, loc: tuple) -> Any:
        node = self.tree
        for part in loc:
            node = node[part]
        return node

    def update(self, loc: tuple, name: str, old: Mapping[str, Any], new: Mapping[str, Any]
               ) -> None:
        node = self.node(loc)
        before = list(node)
        lines = {key: node.lc.key(key)[0] for key in before} if self.is_yaml else {}
        if _update_node(node, name, old, new):
            self._fields[loc] = (before, lines)
            self.changed = True

    def remove(self, loc: tuple) -> None:
        self._removed.append(loc)
        self.changed = True

    def append(self, name: str, record: Mapping[str, Any]) -> None:
        self._appended.setdefault(name, []).append(_plain_node(record, self.is_yaml, name))
        self.changed = True

    def set_key_results(self, loc: tuple, nodes: list) -> None:
        objective = self.node(loc)
        if nodes:
            if self.is_yaml:
                from ruamel.yaml.comments import CommentedSeq

                _set(objective, "objectives", "key_results", CommentedSeq(nodes))
            else:
                objective["key_results"] = nodes
        else:
            objective.pop("key_results", None)
        self._dirty.add(loc)
        self.changed = True

    def result(self) -> bytes:
        if not self.is_yaml:
            return self._json_result()
        try:
            return self._spliced().encode("utf-8")
        except _Unspliceable:
            self._mutate_lists()
            out = io.StringIO()
            self._yaml.dump(self.tree, out)
            return out.getvalue().encode("utf-8")

    def _json_result(self) -> bytes:
        self._mutate_lists()
        return (json.dumps(self.tree, indent=2, ensure_ascii=False, default=str) + "\n").encode()

    def _mutate_lists(self) -> None:
        for loc in sorted(self._removed, reverse=True):
            del self.node(loc[:-1])[loc[-1]]
        self._removed = []
        for name, nodes in self._appended.items():
            self.tree.setdefault(name, []).extend(nodes)
        self._appended = {}

    def _spliced(self) -> str:
        """The original text with only the changed records' lines re-written."""
        lines = self.text.splitlines(keepends=True)
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        ops: list[tuple[int, int, list[str]]] = []
        removed = set(self._removed)
        appended: list[tuple[int, int, list[str]]] = []
        dirty = {loc for loc in self._dirty
                 if not any(loc[:len(other)] == other and loc != other
                            for other in self._dirty | removed)}
        for loc in dirty - removed:
            start, end, dash = self._span(loc, lines)
            ops.append((start, end, self._emit(self.node(loc), dash)))
        for loc, (before, key_lines) in self._fields.items():
            if any(loc[:cut] in self._dirty | removed for cut in range(1, len(loc) + 1)):
                continue
            ops += self._field_ops(loc, before, key_lines, lines)
        for loc in removed:
            start, end, _ = self._span(loc, lines)
            ops.append((start, end, []))
        for name, nodes in self._appended.items():
            seq = self.tree.get(name)
            if not seq or len(seq) == len([r for r in removed if r[:1] == (name,)]):
                raise _Unspliceable
            _, end, dash = self._span((name, len(seq) - 1), lines)
            appended.append((end, end, [line for node in nodes for line in self._emit(node, dash)]))
        for name in {loc[0] for loc in removed}:
            if len(self.tree.get(name) or []) == len([r for r in removed if r[:1] == (name,)]):
                raise _Unspliceable  # the list would be left empty
        ops.sort(key=lambda op: (op[0], op[1]), reverse=True)
        # New records go after any field inserted at the end of the last record: at one
        # line, what is inserted first ends up last.
        for start, end, new in appended + ops:
            lines[start:end] = new
        return "".join(lines)

    def _field_ops(self, loc: tuple, before: list, key_lines: dict, lines: list[str]
                   ) -> list[tuple[int, int, list[str]]]:
        """Re-write only the lines of the fields that changed in one record."""
        node = self.node(loc)
        _, record_end, _ = self._span(loc, lines)
        ends = {key: (key_lines[before[i + 1]] if i + 1 < len(before) else record_end)
                for i, key in enumerate(before)}
        ops: list[tuple[int, int, list[str]]] = []
        for key in before:
            start, end = key_lines[key], ends[key]
            while end > start + 1 and _is_filler(lines[end - 1]):
                end -= 1
            if key not in node:
                ops.append((start, end, []))
            elif _changed(node, key, before):
                column = len(lines[start]) - len(lines[start].lstrip(" "))
                ops.append((start, end, self._emit_field(node, key, column, lines[end - 1],
                                                         end - start == 1)))
        for index, key in enumerate(node):
            if key in key_lines:
                continue
            previous = next((k for k in reversed(list(node)[:index]) if k in key_lines), None)
            if previous is None:
                raise _Unspliceable
            start, end = key_lines[previous], ends[previous]
            while end > start + 1 and _is_filler(lines[end - 1]):
                end -= 1
            column = len(lines[start]) - len(lines[start].lstrip(" "))
            if lines[start].lstrip(" ").startswith("- "):
                column += 2
            ops.append((end, end, self._emit_field(node, key, column, "", False)))
        return ops

    def _emit_field(self, node: Any, key: str, column: int, last_line: str, one_line: bool
                    ) -> list[str]:
        out = io.StringIO()
        self._wide.dump({key: node[key]}, out)
        emitted = [line for line in out.getvalue().splitlines(keepends=True) if line.strip()]
        if one_line and len(emitted) == 1:
            comment = _trailing_comment(node, key, last_line)
            if comment:
                emitted = [emitted[0].rstrip("\n") + comment + "\n"]
        return [" " * column + line for line in emitted]

    def _span(self, loc: tuple, lines: list[str]) -> tuple[int, int, int]:
        """Lines ``[start, end)`` of the list item at ``loc``, trailing comments and blank
        lines left out, and the column of its dash."""
        parents = [self.node(loc[:cut]) for cut in range(len(loc))]
        for parent in parents:
            if _is_flow(parent):
                raise _Unspliceable
        seq = parents[-1]
        start = seq.lc.item(loc[-1])[0]
        end = self._end(loc, parents, len(lines))
        while end > start + 1 and _is_filler(lines[end - 1]):
            end -= 1
        line = lines[start]
        dash = len(line) - len(line.lstrip(" "))
        if not line.lstrip(" ").startswith("-"):
            raise _Unspliceable
        return start, end, dash

    def _end(self, loc: tuple, parents: list, total: int) -> int:
        for depth in range(len(loc) - 1, -1, -1):
            parent, part = parents[depth], loc[depth]
            if isinstance(part, int):
                if part + 1 < len(parent):
                    return parent.lc.item(part + 1)[0]
            else:
                keys = list(parent)
                index = keys.index(part)
                if index + 1 < len(keys):
                    return parent.lc.key(keys[index + 1])[0]
        return total

    def _emit(self, node: Any, dash: int) -> list[str]:
        """A list item's lines: the record dumped as a mapping, behind ``- ``."""
        out = io.StringIO()
        self._yaml.dump(node, out)
        lines = out.getvalue().splitlines(keepends=True)
        while lines and _is_filler(lines[-1]):
            lines.pop()
        pad = " " * dash
        return [pad + ("- " if index == 0 else "  ") + line if line.strip() else line
                for index, line in enumerate(lines)]


class _Unspliceable(Exception):
    """The file's layout (flow style, an emptied list) needs the whole file dumped."""


def _is_filler(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _is_flow(node: Any) -> bool:
    return hasattr(node, "fa") and node.fa.flow_style()


def _changed(node: Any, key: str, before: list) -> bool:
    """Whether :func:`_update_node` replaced a key's value (it records none: compare the
    value's identity with the one ruamel read, kept in ``before``'s node)."""
    return key in getattr(node, "_changed_keys", ())


def _trailing_comment(node: Any, key: str, line: str) -> str:
    """The comment at the end of a field's one line (``   # why``, with the spaces before
    it), if any."""
    items = getattr(getattr(node, "ca", None), "items", {})
    token = (items.get(key) or [None, None, None])[2]
    column = getattr(token, "column", None)
    if token is None or column is None or line[column:column + 1] != "#":
        return ""
    gap = len(line[:column]) - len(line[:column].rstrip(" "))
    return " " * max(gap, 1) + line[column:].rstrip("\n")


def _round_trip(text: str, width: int = 100):
    from ruamel.yaml import YAML
    from ruamel.yaml.util import load_yaml_guess_indent

    _, indent, block_seq_indent = load_yaml_guess_indent(text)
    sequence, offset = indent or 2, block_seq_indent or 0  # "  - id:" is 4 and 2
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = width
    yaml.indent(mapping=max(sequence - offset, 2), sequence=sequence, offset=offset)
    return yaml
