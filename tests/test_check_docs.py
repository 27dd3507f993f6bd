"""Every check documents itself fully, and docs/checks.md is generated from them."""

from pathlib import Path

import pytest

from aligngraph.checks import FAMILIES, REGISTRY, SEVERITIES
from aligngraph.checks.docs import check_doc
from aligngraph.cli import main
from aligngraph.output.check_docs import checks_markdown

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("slug", list(REGISTRY))
def test_check_has_every_part_of_its_documentation(slug):
    check = REGISTRY[slug]
    assert check_doc(check).missing() == [], slug
    assert check.title and check.severity in SEVERITIES and check.family in FAMILIES
    assert all(option.help for option in check.options.values())
    assert check.function.__doc__ and "Parameters" in check.function.__doc__


def test_codes_and_slugs_are_unique_and_stable_in_form():
    codes = [c.code for c in REGISTRY.values()]
    assert len(set(codes)) == len(codes)
    assert all(code[:2] == "AG" and code[2:].isdigit() for code in codes)
    assert all(slug == slug.lower() and " " not in slug for slug in REGISTRY)


def test_options_match_the_check_functions_keywords():
    import inspect

    for check in REGISTRY.values():
        params = inspect.signature(check.function).parameters
        keywords = {n for n, p in params.items() if p.kind is p.KEYWORD_ONLY}
        assert keywords == set(check.options), check.slug
        for name in check.options:
            assert params[name].default is params[name].empty, \
                f"{check.slug}: {name} repeats its default; OPTIONS alone declares it"


def test_docs_checks_md_is_up_to_date():
    expected = checks_markdown(REGISTRY.values())
    assert (ROOT / "docs" / "checks.md").read_text() == expected, \
        "run: aligngraph checks --markdown > docs/checks.md"


def test_checks_command_lists_every_check(capsys):
    assert main(["checks"]) == 0
    out = capsys.readouterr().out
    for check in REGISTRY.values():
        assert check.code in out and check.slug in out


def test_explain_prints_rationale_options_and_both_examples(capsys):
    assert main(["explain", "overloaded-contributor"]) == 0
    out = capsys.readouterr().out
    for part in ("Rationale", "max_objectives (default 3)", "Fires on (anti-pattern)",
                 "Passes (best practice)"):
        assert part in out


def test_explain_accepts_a_code_and_suggests_on_typo(capsys):
    assert main(["explain", "ag101"]) == 0
    assert "orphan-team" in capsys.readouterr().out
    assert main(["explain", "orphan-tem"]) == 2
    assert "did you mean 'orphan-team'" in capsys.readouterr().err.lower()
