"""Read a ``--config`` file: check settings kept apart from the OKR files.

A config file has the shape of an OKR file's ``settings:`` block, under the same key::

    settings:
      overloaded-contributor: {max_objectives: 4}
      individual-okr: {enabled: false}
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from ..errors import InputError, Problem
from .loader import SettingsCheck, parse_document
from .yaml_source import Locator


def load_config(path: str | Path, *, settings_check: SettingsCheck | None = None
                ) -> dict[str, Any]:
    """The settings in a config file, each problem that ``settings_check`` finds located.

    Raises
    ------
    InputError
        When the file cannot be read, is not a mapping with ``settings``, or names an
        unknown check or option, or a value of the wrong type.
    """
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError([Problem(file, "", f"cannot read the config file: {exc}")]) from None
    data, problems = parse_document(text, file)
    if problems:
        raise InputError(problems)
    settings, problems = _settings_block(data, file, text)
    if problems:
        raise InputError(problems)
    found = settings_check(settings) if settings_check else []
    if found:
        locator = Locator(text)
        raise InputError([_located(file, locator, path_, message) for path_, message in found])
    return settings


def _settings_block(data: Any, file: str, text: str) -> tuple[dict, list[Problem]]:
    if not isinstance(data, dict):
        return {}, [Problem(file, "", "expected a mapping with a 'settings' key")]
    locator = Locator(text)
    problems = [_unknown_key(file, locator, key) for key in data
                if key != "settings" and not str(key).startswith("x-")]
    settings = data.get("settings")
    if not isinstance(settings, dict):
        problems.append(_located(file, locator, "settings", "expected a 'settings' key "
                                 "mapping check names to their options"))
        settings = {}
    return settings, problems


def _unknown_key(file: str, locator: Locator, key: Any) -> Problem:
    close = difflib.get_close_matches(str(key), ["settings"], n=1)
    hint = " (did you mean 'settings'?)" if close else ""
    return _located(file, locator, str(key), f"unknown key {key!r}{hint}; a config file holds "
                    "only 'settings' (and x-… extension keys)", key=True)


def _located(file: str, locator: Locator, path: str, message: str, key: bool = False) -> Problem:
    position = locator.find(tuple(path.split(".")), key=key or "unknown" in message)
    line, column = position if position else (None, None)
    return Problem(file, path, message, line, column)
