"""Every check's case file: organisations it must fire on, with the exact subjects, and
organisations it must pass. The same cases are the examples in docs/checks.md."""

from __future__ import annotations

import pytest

from aligngraph.checks import INFRASTRUCTURE, REGISTRY, check_modules
from aligngraph.errors import InputError
from aligngraph.io.check_cases import CASES_DIR, read_cases
from aligngraph.pipeline import run_case



def _every_case() -> list:
    """Each case of each check; an unreadable case file becomes one failing entry."""
    params = []
    for slug in REGISTRY:
        try:
            params += [pytest.param(case, id=f"{slug}:{case.name}") for case in read_cases(slug)]
        except InputError as error:
            params.append(pytest.param(error, id=f"{slug}:unreadable"))
    return params


@pytest.mark.parametrize("case", _every_case())
def test_case_fires_exactly_on_its_subjects(case):
    if isinstance(case, InputError):
        pytest.fail(str(case))
    findings = run_case(case)
    assert {f.subject for f in findings} == set(case.fires), [f.message for f in findings]
    for finding in findings:
        expected = case.fires[finding.subject]
        assert expected is None or finding.severity == expected, finding


@pytest.mark.parametrize("slug", list(REGISTRY))
def test_every_check_has_cases_that_fire_and_cases_that_pass(slug):
    cases = read_cases(slug)
    assert any(case.fires for case in cases), f"{slug}: no case that must fire"
    assert any(not case.fires for case in cases), f"{slug}: no case that must pass"


def test_every_case_file_belongs_to_a_registered_check():
    assert {path.stem for path in CASES_DIR.glob("*.yaml")} == set(REGISTRY)


def test_every_check_module_is_registered():
    modules = {module.__name__.rsplit(".", 1)[1] for module in check_modules()}
    registered = {check.function.__module__.rsplit(".", 1)[1] for check in REGISTRY.values()}
    assert modules == registered and not modules & INFRASTRUCTURE


def test_a_malformed_case_file_names_the_entry(tmp_path):
    (tmp_path / "orphan-team.yaml").write_text(
        "check: orphan-team\ncases:\n  - {name: a, fires: [x], org: 'teams: []'}\n"
        "  - {name: a, fires: [], org: 'teams: []'}\n  - {name: b, fires: 3, org: x}\n")
    with pytest.raises(InputError) as caught:
        read_cases("orphan-team", tmp_path)
    paths = [problem.path for problem in caught.value.problems]
    assert paths == ["cases[1].name", "cases[2].fires"]


def test_a_case_file_for_another_check_is_refused(tmp_path):
    (tmp_path / "orphan-team.yaml").write_text("check: overreach\ncases: []\n")
    with pytest.raises(InputError, match="check: orphan-team"):
        read_cases("orphan-team", tmp_path)
