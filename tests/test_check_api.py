"""The check record and its documentation, read from small modules of the tests' own.

The registry reads the real check modules once, at import, before a test runs; these
tests call ``Check.from_module`` and ``check_doc`` themselves, so that what they read is
compared exactly.
"""

from __future__ import annotations

import types

import pytest

from aligngraph.checks.base import Check, Finding, Option
from aligngraph.checks.docs import CheckDoc, check_doc

DOC = """Say what is wrong.

    Rationale
    ---------
    First line of the reason,
    wrapped onto a second; see :func:`~aligngraph.graph.build_graph`
    and ``literal``.

    And a second paragraph.

    Fires when
    ----------
    A goal has no owner.
    """


def _check(graph, *, limit):
    yield Finding(subject=f"s{limit}", subject_kind="team", message="m")


def _module(doc: str | None = DOC, **extra) -> types.ModuleType:
    module = types.ModuleType("fake_check", doc)
    module.SLUG = "fake-check"
    module.CODE = "AG999"
    module.TITLE = "A fake check"
    module.SEVERITY = "warning"
    module.FAMILY = "hygiene"
    module.OPTIONS = {"limit": Option(2, "how many")}
    module.check = _check
    for name, value in extra.items():
        setattr(module, name, value)
    return module


def test_from_module_reads_every_declaration():
    check = Check.from_module(_module(RENAMED_OPTIONS={"old_limit": "limit"}))
    assert check == Check(slug="fake-check", code="AG999", title="A fake check",
                          severity="warning", family="hygiene",
                          options={"limit": Option(2, "how many")}, function=_check,
                          doc=DOC, renamed_options={"old_limit": "limit"})


def test_from_module_without_a_docstring_or_renamed_options():
    check = Check.from_module(_module(doc=None))
    assert check.doc == ""
    assert check.renamed_options == {}
    assert check.defaults() == {"limit": 2}
    assert [(f.subject, f.check, f.code, f.severity) for f in check.run(None)] == [
        ("s2", "fake-check", "AG999", "warning")]
    assert [f.subject for f in check.run(None, {"limit": 7})] == ["s7"]


@pytest.mark.parametrize(("default", "value", "problem"), [
    (1, "x", "expected a whole number, got 'x'"),
    (1, True, "expected a whole number, got True"),
    (1.5, "x", "expected a number, got 'x'"),
    (True, 1, "expected true or false, got 1"),
    ("a", 1, "expected text, got 1"),
    ([], 1, "expected list, got 1"),
    (1.5, 2, None),
])
def test_option_names_the_type_it_expects(default, value, problem):
    assert Option(default, "h").problem_with(value) == problem


def test_check_doc_splits_summary_and_sections_into_prose():
    doc = check_doc(Check.from_module(_module()))
    assert doc == CheckDoc(
        summary="Say what is wrong.",
        rationale="First line of the reason, wrapped onto a second; see "
                  "`aligngraph.graph.build_graph` and `literal`.\n\n"
                  "And a second paragraph.",
        fires_when="A goal has no owner.")
    assert doc.missing() == []


def test_check_doc_with_a_section_missing_or_empty():
    only_rationale = "Summary.\n\nRationale\n---------\nWhy.\n"
    doc = check_doc(Check.from_module(_module(only_rationale)))
    assert doc == CheckDoc(summary="Summary.", rationale="Why.", fires_when="")
    assert doc.missing() == ["Fires when"]
    assert check_doc(Check.from_module(_module(None))).missing() == [
        "summary", "Rationale", "Fires when"]
    assert CheckDoc(summary=" ", rationale="r", fires_when="f").missing() == ["summary"]
    assert CheckDoc(summary="s", rationale="\n", fires_when="f").missing() == ["Rationale"]


def test_each_section_ends_where_the_next_begins():
    doc = ("Summary.\n\nRationale\n---------\nWhy.\n\nFires when\n----------\nWhen.\n\n"
           "Notes\n-----\nMore.\n")
    assert check_doc(Check.from_module(_module(doc))) == CheckDoc(
        summary="Summary.", rationale="Why.", fires_when="When.")
