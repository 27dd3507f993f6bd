"""Cell values both ways: lists in one cell, typed extension values, and formula safety."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import yaml

from .sheets import FORMULA_TRIGGERS

_LIST_SEPARATORS = re.compile(r"[;,\n]")
_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def split_list(text: str) -> list[str]:
    """The items of a list written in one cell, separated by ``;``, ``,`` or new lines.

    >>> split_list("platform; mobile,\\nsales ,")
    ['platform', 'mobile', 'sales']
    """
    return [item.strip() for item in _LIST_SEPARATORS.split(text) if item.strip()]


def join_list(items: list[str]) -> str:
    return ", ".join(items)


def decode_value(text: str) -> Any:
    """A typed value from the text of an ``x-`` or settings cell, as :func:`encode_value`
    wrote it: numbers, ``true``/``false``, ``null``, dates, and ``[…]``/``{…}``/quoted
    text in YAML flow style; anything else stays text.

    >>> decode_value("81"), decode_value("0.5"), decode_value("true"), decode_value("DONE: 81%")
    (81, 0.5, True, 'DONE: 81%')
    >>> decode_value("[a, 2]"), decode_value('"81"')
    (['a', 2], '81')
    """
    if text in ("true", "false"):
        return text == "true"
    if text == "null":
        return None
    if _NUMBER.fullmatch(text):
        number = float(text)
        return int(text) if re.fullmatch(r"-?[0-9]+", text) else number
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return text
    if text[:1] in "[{\"'":
        try:
            return yaml.safe_load(text)
        except yaml.YAMLError:
            return text
    return text


def encode_value(value: Any) -> str | int | float:
    """The cell that :func:`decode_value` reads back as ``value``.

    >>> encode_value("81"), encode_value("DONE"), encode_value(True), encode_value(["a", 2])
    ('"81"', 'DONE', 'true', '[a, 2]')
    """
    if isinstance(value, str):
        return value if decode_value(value) == value and _plain(value) else json.dumps(
            value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, dt.date):
        return value.isoformat()
    return yaml.dump(value, Dumper=_Dumper, default_flow_style=True, allow_unicode=True,
                     width=10**9).strip()


def _plain(text: str) -> bool:
    """Whether text survives a cell unchanged (cells are read stripped)."""
    return text == text.strip() and text != ""


def neutralise(text: str) -> str:
    """Keep a spreadsheet from reading text as a formula (OWASP's CSV injection advice):
    a leading ``'`` before ``=``, ``+``, ``-``, ``@``, tab or carriage return.
    An apostrophe already before one is doubled, so reading strips exactly one.

    >>> neutralise("=HYPERLINK(\\"x\\")"), neutralise("-5% churn"), neutralise("'=x"), neutralise("ok")
    ('\\'=HYPERLINK("x")', "'-5% churn", "''=x", 'ok')
    """
    if text[:1] in FORMULA_TRIGGERS and text:
        return "'" + text
    stripped = text.lstrip("'")
    if stripped != text and stripped[:1] in FORMULA_TRIGGERS and stripped:
        return "'" + text
    return text
