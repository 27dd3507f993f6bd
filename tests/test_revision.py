"""A new version of a one-file organisation, validated again only where it changed: the
result is always what loading the whole file gives, and the unchanged records are reused."""

import copy
import json
from pathlib import Path

import pytest

from aligngraph.draft import TableEdit, apply_edit
from aligngraph.errors import InputError
from aligngraph.generate import generate
from aligngraph.io import loader
from aligngraph.io.limits import Limits
from aligngraph.io.revision import Revision, document_bytes, load_revision, record_texts
from aligngraph.io.writer import document_data, document_json
from aligngraph.pipeline import load, load_bytes, settings_problems

ROOT = Path(__file__).parent.parent
NAME = "draft.json"


def _plain(data):
    """Data as the draft holds it: parsed from JSON."""
    return json.loads(document_json(data))


@pytest.fixture(scope="module")
def base_data():
    return _plain(generate(30, seed=3))


@pytest.fixture(scope="module")
def base(base_data):
    org = load_bytes([(NAME, document_json(base_data))])
    return org, Revision.pair(record_texts(base_data), org)


def _both(data, revision, limits=None):
    """What the revision gives and what the whole file gives: an organisation or the
    problems."""
    texts = record_texts(data)
    content = document_bytes(data, texts)
    results = []
    for load_it in (
            lambda: load_revision(NAME, content, data, texts, revision, limits=limits,
                                  settings_check=settings_problems),
            lambda: loader.load_bytes([(NAME, content)], limits,
                                      settings_check=settings_problems)):
        try:
            results.append(load_it())
        except InputError as exc:
            results.append(exc.problems)
    return results


def _retitle(data):
    return apply_edit(data, "objectives", TableEdit({0: {"title": "Open two new markets"}}))


def _add_objective(data):
    team = data["teams"][1]["id"]
    return apply_edit(data, "objectives", TableEdit(added=({"team": team, "title": "Hire"},)))


def _delete_objective(data):
    return apply_edit(data, "objectives", TableEdit(deleted=(0,)))


def _edit(change):
    def edited(data):
        data = copy.deepcopy(data)
        change(data)
        return data
    return edited


VALID = {
    "retitle": _retitle,
    "add an objective": _add_objective,
    "delete an objective and its links": _delete_objective,
    "a key result's target": _edit(lambda d: d["objectives"][2]["key_results"][0].update(
        target=12.5)),
    "a new cycle name": _edit(lambda d: d["cycle"].update(name="2027-Q1")),
    "no people listed": _edit(lambda d: d.pop("people")),
    "a team's parent": _edit(lambda d: d["teams"][5].update(parent=d["teams"][1]["id"])),
    "an extension key": _edit(lambda d: d["objectives"][1].update({"x-colour": "red"})),
}
INVALID = {
    "an unknown key": _edit(lambda d: d["objectives"][1].update(colour="red")),
    "a duplicate id": _edit(lambda d: d["objectives"].append(dict(d["objectives"][0]))),
    "a link to nothing": _edit(lambda d: d["objectives"][3].update(aligns_to=["NOPE"])),
    "not a number": _edit(lambda d: d["objectives"][2]["key_results"][0].update(target="x")),
    "NaN": _edit(lambda d: d["objectives"][2]["key_results"][0].update(target=float("nan"))),
    "a bad setting": _edit(lambda d: d.update(settings={"orphan-team": {"nope": 1}})),
    "a bad cycle": _edit(lambda d: d["cycle"].update(start="soon")),
    "a key result that is not a mapping": _edit(
        lambda d: d["objectives"][0]["key_results"].append("KR")),
    "teams not a list": _edit(lambda d: d.update(teams={"a": 1})),
}


@pytest.mark.parametrize("change", VALID.values(), ids=VALID.keys())
def test_a_valid_version_loads_as_the_whole_file_does(base, base_data, change):
    revised, whole = _both(change(base_data), base[1])
    assert not isinstance(whole, list), whole
    assert revised == whole


@pytest.mark.parametrize("change", INVALID.values(), ids=INVALID.keys())
def test_a_version_with_problems_gets_the_loaders_own_problems(base, base_data, change):
    revised, whole = _both(change(base_data), base[1])
    assert isinstance(whole, list) and whole
    assert revised == whole


def test_the_limits_on_the_whole_file_hold_for_a_revision(base, base_data):
    key_results = [kr for o in base_data["objectives"] for kr in o.get("key_results", ())]
    records = (len(base_data["teams"]) + len(base_data["people"]) + len(base_data["objectives"])
               + len(key_results) + sum(len(kr.get("check_ins", ())) for kr in key_results))
    limits = Limits(max_records=records, max_title_length=40, max_depth=8)
    revised, whole = _both(_add_objective(base_data), base[1], limits)  # one record more
    assert "records" in str(whole) and revised == whole
    long_title = apply_edit(base_data, "objectives", TableEdit({0: {"title": "x" * 41}}))
    revised, whole = _both(long_title, base[1], limits)
    assert "characters long" in str(whole) and revised == whole
    just_fits = Limits(max_input_mb=(len(document_json(base_data)) + 5) / 1_000_000)
    longer = apply_edit(base_data, "objectives", TableEdit({0: {"title": "x" * 100}}))
    revised, whole = _both(longer, base[1], just_fits)
    assert "over the limit" in str(whole) and revised == whole
    deep = copy.deepcopy(base_data)
    deep["objectives"][0]["x-deep"] = [[[[[[[[[]]]]]]]]]
    revised, whole = _both(deep, base[1], limits)
    assert "nested more than 8 levels" in str(whole) and revised == whole


def test_only_the_changed_record_is_validated_again(base, base_data):
    org, revision = base
    revised, _ = _both(_retitle(base_data), revision)
    assert revised.objectives[0].title == "Open two new markets"
    assert revised.objectives[0] is not org.objectives[0]
    assert all(new is old for new, old in zip(revised.objectives[1:], org.objectives[1:], strict=True))
    assert all(new is old for new, old in zip(revised.teams, org.teams, strict=True))


def test_the_files_as_loaded_pair_with_the_document_written_from_them():
    """The Workshop's first edit reuses the records of the files as loaded: each reads
    back from its written form into an equal record."""
    for path in sorted((ROOT / "samples").glob("*.yaml")):
        org = load([path])
        data = _plain(document_data(org))
        revision = Revision.pair(record_texts(data), org)
        revised, whole = _both(_retitle(data), revision)
        assert revised == whole, path.name
        assert revised.objectives[1] is org.objectives[1]


def test_document_bytes_are_the_json_writer_s_bytes():
    for data in (_plain(generate(12, seed=1)), {"teams": "not a list", "objectives": []},
                 {"cycle": {"name": "Q1 – “quoted” ü"}, "teams": [{"id": "é", "x-n": [1.5]}],
                  "objectives": [], "settings": {"orphan-team": {"enabled": False}}}):
        assert document_bytes(data, record_texts(data)) == document_json(data)


def test_lists_that_do_not_line_up_pair_nothing(base, base_data):
    org, _ = base
    texts = record_texts(base_data)
    assert Revision.pair({**texts, "teams": texts["teams"][1:]}, org) is None
    assert Revision.pair(texts, org) is not None
