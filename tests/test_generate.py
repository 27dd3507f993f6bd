"""The synthetic-organisation generator: deterministic, valid, and every check fires."""

import json

import pytest

from aligngraph import load
from aligngraph.checks import REGISTRY
from aligngraph.cli import main
from aligngraph.generate import generate
from aligngraph.io.loader import load_texts
from aligngraph.pipeline import analyse


def test_same_seed_same_organisation_other_seed_other():
    assert generate(60, seed=3) == generate(60, seed=3)
    assert generate(60, seed=3) != generate(60, seed=4)


def test_shape_follows_the_spec():
    data = generate(300, seed=1)
    assert len(data["teams"]) == 300
    children: dict[str, int] = {}
    for team in data["teams"]:
        if "parent" in team:
            children[team["parent"]] = children.get(team["parent"], 0) + 1
    full = [n for n in children.values()][:-1]  # the last parent may be cut short
    assert all(4 <= n <= 8 for n in full)
    per_team: dict[str, int] = {}
    for objective in data["objectives"]:
        per_team[objective["team"]] = per_team.get(objective["team"], 0) + 1
    assert sum(2 <= n <= 3 for n in per_team.values()) / len(per_team) > 0.8
    assert 4 <= len(data["people"]) / len(data["teams"]) <= 7


@pytest.mark.parametrize("suffix", ["yaml", "json"])
def test_cli_writes_a_file_that_loads_without_errors(tmp_path, suffix):
    out = tmp_path / f"org.{suffix}"
    assert main(["generate", "--teams", "120", "--seed", "2", "-o", str(out)]) == 0
    org = load([out])
    assert len(org.teams) == 120


def test_every_check_fires_on_a_generated_organisation():
    org = load_texts([("org.json", json.dumps(generate(400, seed=1)))])
    fired = {f.check for f in analyse(org).findings}
    assert fired == set(REGISTRY)


def test_generate_usage_errors(tmp_path, capsys):
    assert main(["generate", "--teams", "10", "-o", str(tmp_path / "org.txt")]) == 2
    assert "end it in .yaml or .json" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["generate", "--teams", "0", "-o", str(tmp_path / "org.json")])


def _without(data: dict, field: str) -> dict:
    """The organisation with one field taken out of every objective and key result."""
    def strip(record: dict) -> dict:
        return {k: v for k, v in record.items() if k != field}
    objectives = [{**strip(o), "key_results": [strip(kr) for kr in o.get("key_results", [])]}
                  for o in data["objectives"]]
    return {**data, "objectives": objectives}


@pytest.mark.parametrize(("problem", "field"), [
    ("contributor", "contributors"), ("intentional", "intentional"),
    ("dangling liaison", "liaison"),
])
def test_a_planted_problem_shifts_no_other(monkeypatch, problem, field):
    from aligngraph import generate as module

    planted = module._Generator.chance

    def never(self, name, times=1.0):
        return planted(self, name, times) and name != problem

    baseline = generate(200, seed=5)
    monkeypatch.setattr(module._Generator, "chance", never)
    without = generate(200, seed=5)
    assert without != baseline
    assert _without(without, field) == _without(baseline, field)
