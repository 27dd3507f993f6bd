"""The report formats' fast paths write exactly what the standard library writes: the
indented JSON of ``json.dumps`` and the lines of ``textwrap.fill``."""

import datetime as dt
import enum
import json
import random
import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aligngraph.generate import generate
from aligngraph.output.grouping import by_check
from aligngraph.output.json_format import indented_json, report_data
from aligngraph.output.sarif_format import report_sarif, sarif_log
from aligngraph.output.text_format import WIDTH, _space_lines, _wrap
from aligngraph.pipeline import analyse, check_paths, load_texts


class Text(str):
    pass


class Level(enum.IntEnum):
    HIGH = 1


ODD = [
    {}, [], (), {"a": [], "b": {}, "c": ()}, [[[[]]]], "top", 3, None, True, 2.5,
    [1, 2.5, -0.0, 1e300, 1e-7, 10**30, float("nan"), float("inf"), float("-inf"), True,
     False, None, "x\n\"\\\x01é€😀\u2028"],
    {"date": dt.date(2026, 1, 2), "tuple": (1, (2, {})), 1: "an int key", None: "null key"},
    {"nested": [{"k": [[], [{}], {"z": 0.1}]}], "inner": {1.5: "float key", True: "t"}},
    {"subclass": Text("s"), "enum": Level.HIGH, "dates": [dt.date(2020, 1, 1), (Text("q"),)]},
]


@pytest.mark.parametrize("data", ODD)
def test_indented_json_is_json_dumps(data):
    assert indented_json(data) == json.dumps(data, indent=2, ensure_ascii=False, default=str)


def test_indented_json_of_the_samples_reports_is_json_dumps():
    for sample in ("samples/meridian.yaml", "samples/nimbus.yaml"):
        data = report_data(check_paths([sample]))
        assert indented_json(data) == json.dumps(data, indent=2, ensure_ascii=False,
                                                 default=str)


def test_wrap_is_textwrap_fill():
    words = ["a", "bb", "word", "longerword", "x" * 30, "y" * 120, "“q”", "-", "a-b", "é",
             "\xa0", "\u2003", ".", " ", "  ", "   ", "\t", "\n", "\r\n"]
    rnd = random.Random(15)
    for _ in range(20_000):
        text = "".join(rnd.choice(words) + (" " if rnd.random() < 0.7 else "")
                       for _ in range(rnd.randint(0, 40)))
        if rnd.random() < 0.05:
            text = " " + text
        initial = " " * rnd.choice([0, 2, 4, 20, 99, 100, 105]) + rnd.choice(
            ["", "error    AG101 orphan-team: "])
        subsequent = " " * rnd.choice([0, 4, 11, 13, 99])
        assert _wrap(text, initial, subsequent) == textwrap.fill(
            text, WIDTH, initial_indent=initial, subsequent_indent=subsequent,
            break_on_hyphens=False, break_long_words=False), (text, initial, subsequent)


def _textwrap_lines(text: str, initial: str, subsequent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=initial, subsequent_indent=subsequent,
                         break_on_hyphens=False, break_long_words=False)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["a", "bb", "word", "x" * 30, "y" * 99, "z" * 100, "w" * 101,
                                 "“q”", "a-b", "é", " ", "  ", "     "]), max_size=60),
       st.integers(0, 120), st.integers(0, 130))
def test_space_lines_are_textwraps(words, initial, subsequent):
    """Runs of spaces anywhere, words longer than a line, indents wider than the width."""
    text, first, rest = "".join(words), " " * initial, " " * subsequent
    assert _space_lines(text, first, rest) == _textwrap_lines(text, first, rest)


def test_wrap_of_real_lines_is_textwrap_fill():
    """Every finding's message, with a location, at every lead the text report uses."""
    generated = json.dumps(generate(60, seed=3))
    reports = [check_paths([s]) for s in ("samples/meridian.yaml", "samples/nimbus.yaml")]
    reports.append(analyse(load_texts([("generated.json", generated)])))
    leads = [("", ""), ("  ", " " * 11), ("    error    AG106 t9-o3.1: ", " " * 13),
             ("  warning  AG205 team support-platform-and-tools: ", " " * 11), (" " * 96, "")]
    texts = [line.text + suffix for report in reports for _, lines in by_check(report)
             for line in lines for suffix in ("", " [okrs/a.yaml:12]")]
    assert len(texts) > 500
    for text in texts:
        for initial, subsequent in leads:
            assert _wrap(text, initial, subsequent) == textwrap.fill(
                text, WIDTH, initial_indent=initial, subsequent_indent=subsequent,
                break_on_hyphens=False, break_long_words=False), (text, initial)


def test_sarif_log_is_json_dumps():
    for sample in ("samples/meridian.yaml", "samples/nimbus.yaml"):
        report = check_paths([sample])
        assert report_sarif(report) == json.dumps(sarif_log(report), indent=2,
                                                  ensure_ascii=False) + "\n"
