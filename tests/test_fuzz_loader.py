"""Property tests of the loader: mutated organisations, written as YAML and as JSON,
either load or raise InputError with every problem located. Nothing else may happen.

The suite runs a few examples of each property; ``./dev fuzz`` runs many more
(``ALIGNGRAPH_FUZZ_EXAMPLES``, 2,000 by default there).
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import math
import os
import sys
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from aligngraph import InputError
from aligngraph.io.loader import load_texts

EXAMPLES = int(os.environ.get("ALIGNGRAPH_FUZZ_EXAMPLES", "30"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 30,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Problems about the text as a whole have a line but no field; the count of problems
# past the per-file cap has neither, and says so.
TEXT_LEVEL = ("not valid YAML", "not valid JSON", "duplicate key", "aliases expand",
              "alias *", "nested more than", "cannot read a whole number", "expected a mapping",
              "holds a lone surrogate")
UNLISTED = "are not listed one by one"

words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1,
                max_size=12)


@st.composite
def organisations(draw) -> dict[str, Any]:
    """A small valid organisation: a team tree, maybe people, objectives aligned upwards."""
    team_ids = [f"t{i}" for i in range(draw(st.integers(1, 4)))]
    teams = [{"id": tid, "name": draw(words),
              **({"parent": team_ids[draw(st.integers(0, i - 1))]} if i else {})}
             for i, tid in enumerate(team_ids)]
    people = [{"id": f"p{i}", "team": draw(st.sampled_from(team_ids))}
              for i in range(draw(st.integers(0, 3)))]
    data: dict[str, Any] = {"cycle": {"name": "2026-Q3", "start": "2026-07-01",
                                      "end": "2026-09-30"}, "teams": teams, "objectives": []}
    if people:
        data["people"] = people
    goals: list[str] = []
    for index in range(draw(st.integers(0, 4))):
        data["objectives"].append(_objective(draw, index, team_ids, people, goals))
    return data


def _objective(draw, index: int, team_ids: list[str], people: list[dict], goals: list[str]
               ) -> dict[str, Any]:
    oid = f"O{index}"
    objective: dict[str, Any] = {"id": oid, "team": draw(st.sampled_from(team_ids)),
                                 "title": draw(words)}
    if goals and draw(st.booleans()):
        objective["aligns_to"] = [draw(st.sampled_from(goals))]
    if people and draw(st.booleans()):
        objective["owner"] = draw(st.sampled_from(people))["id"]
    objective["key_results"] = [
        {"id": f"{oid}.{k}", "title": draw(words), "target": draw(st.integers(1, 1000)),
         "score": draw(st.floats(0, 1)),
         "check_ins": [{"date": "2026-07-15", "value": draw(st.integers(0, 100))}]}
        for k in range(draw(st.integers(0, 3)))]
    goals += [oid] + [kr["id"] for kr in objective["key_results"]]
    return objective


def _places(data: Any, path: tuple = ()) -> list[tuple]:
    """Every (container, key) in the data, for a mutation to pick one."""
    found = []
    items = data.items() if isinstance(data, dict) else enumerate(data) \
        if isinstance(data, list) else ()
    for key, value in items:
        found.append((data, key))
        found += _places(value, (*path, key))
    return found


odd_values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20), st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
    st.just(10 ** 5000), st.just(-(10 ** 400)), st.just(1e308), st.just(math.nan),
    st.sampled_from(["2026-13-01", "31/12/2026", "2026-02-30", "2026-07-01T25:00", "0000-00-00"]),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.text(st.characters(codec="utf-8"), max_size=10),  # control characters included
    st.sampled_from(["\x00", "\u202e", "\ufeff", "a\u0301", "😀" * 3, "<script>", "*x", "&y"]),
)


@st.composite
def mutated(draw) -> dict[str, Any]:
    """A valid organisation with one to three mutations."""
    data = draw(organisations())
    for _ in range(draw(st.integers(1, 3))):
        places = _places(data)
        if not places:
            break
        container, key = draw(st.sampled_from(places))
        mutation = draw(st.sampled_from(["drop", "duplicate", "retype", "swap", "rename"]))
        _mutate(draw, data, container, key, mutation)
    return data


def _mutate(draw, data: dict, container: Any, key: Any, mutation: str) -> None:
    if mutation == "drop":
        del container[key]
    elif mutation == "duplicate" and isinstance(container, list):
        container.append(copy.deepcopy(container[key]))
    elif mutation == "swap":
        records = [c for c, k in _places(data) if isinstance(c, dict) and k == "id"]
        if len(records) >= 2:
            first, second = draw(st.sampled_from(records)), draw(st.sampled_from(records))
            first["id"], second["id"] = second["id"], first["id"]
    elif mutation == "rename" and isinstance(container, dict):
        container[draw(st.sampled_from(["x-" + str(key), str(key)[:-1] or "k", "ID", 1]))] = \
            container.pop(key)
    else:
        container[key] = draw(odd_values)


@contextlib.contextmanager
def any_number_of_digits():
    """Write whole numbers longer than Python converts by default: the loader must not."""
    before = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(before)


def as_json(data: Any) -> str:
    with any_number_of_digits():
        return json.dumps(data, default=str, ensure_ascii=False, allow_nan=True)


def as_yaml(data: Any) -> str:
    try:
        with any_number_of_digits():
            return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except (yaml.YAMLError, ValueError, TypeError):
        assume(False)
        raise


def assert_loads_or_located(name: str, text: str) -> None:
    """The property: an organisation, or an InputError whose every problem is located."""
    try:
        load_texts([(name, text)])
    except InputError as exc:
        assert exc.problems, "an InputError with no problem"
        for problem in exc.problems:
            assert problem.file == name, problem
            if UNLISTED in problem.message:
                continue
            assert problem.line is not None and problem.column is not None, str(problem)
            assert problem.path or problem.message.startswith(TEXT_LEVEL), str(problem)
        str(exc).encode("utf-8")  # the message can be printed


@FUZZ
@given(organisations())
def test_valid_organisations_load_from_yaml_and_json(data):
    load_texts([("okr.yaml", as_yaml(data)), ])
    load_texts([("okr.json", as_json(data))])


@FUZZ
@given(mutated())
def test_mutated_organisations_as_json_load_or_are_located(data):
    assert_loads_or_located("okr.json", as_json(data))


@FUZZ
@given(mutated())
def test_mutated_organisations_as_yaml_load_or_are_located(data):
    assert_loads_or_located("okr.yaml", as_yaml(data))


@FUZZ
@given(organisations(), st.sampled_from(["okr.yaml", "okr.json"]), st.data())
def test_broken_text_loads_or_is_located(data, name, draw):
    """Characters cut out of, or put into, the written file: broken syntax of every kind."""
    text = as_json(data) if name.endswith(".json") else as_yaml(data)
    for _ in range(draw.draw(st.integers(1, 3))):
        at = draw.draw(st.integers(0, len(text)))
        if draw.draw(st.booleans()):
            text = text[:at] + text[at + draw.draw(st.integers(1, 8)):]
        else:
            text = text[:at] + draw.draw(st.text(st.sampled_from(
                list("{}[]:,-&*!|>'\"#\n\t \\") + ["\u0000", "\u00e9", "\ud800", "😀"]),
                min_size=1, max_size=4)) + text[at:]
    assert_loads_or_located(name, text)


# --- Spreadsheets: the same properties for CSV folders and XLSX workbooks --------------

def as_sheets(data: Any) -> list[tuple[str, bytes]]:
    """The organisation as the CSV files of layout 1, as ``convert -o folder/`` writes them."""
    import tempfile
    from pathlib import Path

    from aligngraph.io.tables.write import tables_of, write_csv_folder

    try:
        with tempfile.TemporaryDirectory() as folder:
            paths = write_csv_folder(tables_of(data), Path(folder))
            return [(path.name, path.read_bytes()) for path in paths]
    except (AttributeError, TypeError, ValueError):
        assume(False)  # mutated past what a spreadsheet can hold: not a sheet to test
        raise


def as_workbook(data: Any) -> bytes:
    """The organisation as an XLSX workbook of layout 1."""
    import io

    from aligngraph.io.tables.write import tables_of, write_xlsx

    target = io.BytesIO()
    try:
        write_xlsx(tables_of(data), target)
    except (AttributeError, TypeError, ValueError):
        assume(False)
        raise
    return target.getvalue()


def assert_sheets_load_or_located(files: list[tuple[str, bytes]]) -> None:
    """The property for spreadsheets: an organisation, or an InputError whose every
    problem names its file, and its row when it is about a field (the column too where
    the sheet has one for that field)."""
    from aligngraph.io.loader import load_bytes

    names = {name for name, _ in files}
    try:
        load_bytes(files)
    except InputError as exc:
        assert exc.problems, "an InputError with no problem"
        for problem in exc.problems:
            assert problem.file.split(":")[0] in names, str(problem)
            if problem.path and UNLISTED not in problem.message:
                assert problem.line is not None, str(problem)
        str(exc).encode("utf-8")


@FUZZ
@given(organisations())
def test_valid_organisations_load_from_csv_and_xlsx(data):
    from aligngraph.io.loader import load_bytes

    # A cell of spaces reads as blank: a title of only spaces is a missing title there.
    assume(all(o["title"].strip() for o in data["objectives"]))
    assume(all(kr["title"].strip() for o in data["objectives"] for kr in o["key_results"]))
    csv_org = load_bytes(as_sheets(data))
    xlsx_org = load_bytes([("okr.xlsx", as_workbook(data))])
    assert [t.id for t in csv_org.teams] == [t.id for t in xlsx_org.teams] == [
        t["id"] for t in data["teams"]]


@FUZZ
@given(mutated())
def test_mutated_organisations_as_csv_load_or_are_located(data):
    assert_sheets_load_or_located(as_sheets(data))


@FUZZ
@given(organisations(), st.data())
def test_broken_csv_loads_or_is_located(data, draw):
    """Characters cut out of, or put into, one of the CSV files: cells, quotes, rows."""
    files = as_sheets(data)
    index = draw.draw(st.integers(0, len(files) - 1))
    name, content = files[index]
    text = content.decode("utf-8")
    for _ in range(draw.draw(st.integers(1, 3))):
        at = draw.draw(st.integers(0, len(text)))
        if draw.draw(st.booleans()):
            text = text[:at] + text[at + draw.draw(st.integers(1, 8)):]
        else:
            text = text[:at] + draw.draw(st.text(max_size=6)) + text[at:]
    files[index] = (name, text.encode("utf-8", "surrogatepass"))
    assert_sheets_load_or_located(files)
