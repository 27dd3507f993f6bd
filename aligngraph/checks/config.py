"""Settings: which checks run, at what severity, with which options.

Settings come from a file's ``settings:`` block (or a ``--config`` file) and look like::

    settings:
      overloaded-contributor:
        max_objectives: 4
        severity: error
      stacked-alignment:
        enabled: false

Each is validated against the check's declared options.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .base import SEVERITIES, Check, Option

RESERVED = {"enabled", "severity"}

# Not a check: the bands of the progress colouring of pictures.
PROGRESS = "progress"
PROGRESS_OPTIONS = {
    "green": Option(0.7, "Progress from which a goal is on track (green).", minimum=0, maximum=1),
    "amber": Option(0.4, "Progress from which a goal is at risk (amber); below, off track.",
                    minimum=0, maximum=1),
}


def progress_bands(settings: Mapping[str, Any]) -> tuple[float, float]:
    """The (green, amber) thresholds of progress colouring, from ``settings.progress``."""
    values = settings.get(PROGRESS) or {}
    return (values.get("green", PROGRESS_OPTIONS["green"].default),
            values.get("amber", PROGRESS_OPTIONS["amber"].default))


@dataclass(frozen=True)
class CheckConfig:
    """How one check runs."""

    enabled: bool
    severity: str
    options: Mapping[str, Any] = field(default_factory=dict)


def default_configs(registry: Mapping[str, Check]) -> dict[str, CheckConfig]:
    """Every check enabled, at its own severity, with its default options."""
    return {slug: CheckConfig(True, check.severity, check.defaults())
            for slug, check in registry.items()}


def resolve_settings(settings: Mapping[str, Any], registry: Mapping[str, Check]
                     ) -> tuple[dict[str, CheckConfig], list[tuple[str, str]]]:
    """Apply ``settings`` over the defaults; return the configs and every problem.

    Each problem is a ``(path, message)`` pair such as
    ``("settings.orphan-team.max", "unknown option ...")``.
    """
    configs = default_configs(registry)
    problems: list[tuple[str, str]] = []
    for slug, values in settings.items():
        path = f"settings.{slug}"
        if slug == PROGRESS:
            problems += _progress_problems(values, path)
        elif slug not in registry:
            problems.append((path, _unknown("check", slug, [*registry, PROGRESS])))
        elif not isinstance(values, Mapping):
            problems.append((path, f"expected a mapping of option names to values, got {values!r}"))
        else:
            configs[slug] = _apply(configs[slug], registry[slug], values, path, problems)
    return configs, problems


def _progress_problems(values: Any, path: str) -> list[tuple[str, str]]:
    if not isinstance(values, Mapping):
        return [(path, f"expected a mapping with green and amber, got {values!r}")]
    problems = []
    for name, value in values.items():
        option = PROGRESS_OPTIONS.get(name)
        problem = (option.problem_with(value) if option
                   else _unknown("option", name, PROGRESS_OPTIONS, f" for {PROGRESS}"))
        if problem:
            problems.append((f"{path}.{name}", problem))
    green, amber = progress_bands({PROGRESS: values})
    if not problems and amber > green:
        problems.append((path, "amber must not be above green"))
    return problems


def _apply(config: CheckConfig, check: Check, values: Mapping, path: str,
           problems: list[tuple[str, str]]) -> CheckConfig:
    enabled, severity, options = config.enabled, config.severity, dict(config.options)
    for name, value in values.items():
        where = f"{path}.{name}"
        name = check.renamed_options.get(name, name)
        if name == "enabled":
            enabled = _flag(value, where, problems, enabled)
        elif name == "severity":
            severity = _severity(value, where, problems, severity)
        elif name not in check.options:
            choices = [*check.options, *sorted(RESERVED)]
            problems.append((where, _unknown("option", name, choices, f" for {check.slug}")))
        elif (problem := check.options[name].problem_with(value)) is not None:
            problems.append((where, problem))
        else:
            options[name] = value
    return CheckConfig(enabled, severity, options)


def _flag(value, where, problems, current):
    if isinstance(value, bool):
        return value
    problems.append((where, f"expected true or false, got {value!r}"))
    return current


def _severity(value, where, problems, current):
    if value in SEVERITIES:
        return value
    problems.append((where, f"expected one of {', '.join(SEVERITIES)}, got {value!r}"))
    return current


def _unknown(what: str, name: str, choices, where: str = "") -> str:
    choices = list(choices)
    close = difflib.get_close_matches(str(name), choices, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    listing = ", ".join(choices) if choices else "none"
    return f"unknown {what} {name!r}{where}{hint}; valid: {listing}."
