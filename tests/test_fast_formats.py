"""The report formats' fast paths write exactly what the standard library writes: the
indented JSON of ``json.dumps`` and the lines of ``textwrap.fill``."""

import datetime as dt
import enum
import json
import random
import textwrap

import pytest

from aligngraph.output.json_format import indented_json, report_data
from aligngraph.output.text_format import WIDTH, _wrap
from aligngraph.pipeline import check_paths


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
