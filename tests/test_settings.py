"""Settings: every option's bounds and type, and every kind of bad setting, with the
exact message a user reads."""

from __future__ import annotations

import pytest

from aligngraph.checks import REGISTRY, resolve_settings
from aligngraph.checks.base import Option
from aligngraph.checks.config import progress_bands


@pytest.mark.parametrize(("option", "value", "problem"), [
    (Option(3, "h", minimum=1, maximum=5), 0, "expected at least 1, got 0"),
    (Option(3, "h", minimum=1, maximum=5), 1, None),
    (Option(3, "h", minimum=1, maximum=5), 5, None),
    (Option(3, "h", minimum=1, maximum=5), 6, "expected at most 5, got 6"),
    (Option(3, "h"), "3", "expected a whole number, got '3'"),
    (Option(3, "h"), True, "expected a whole number, got True"),
    (Option(3, "h"), 2.5, "expected a whole number, got 2.5"),
    (Option(0.5, "h", minimum=0, maximum=1), 1, None),
    (Option(0.5, "h", minimum=0, maximum=1), -0.1, "expected at least 0, got -0.1"),
    (Option(0.5, "h"), "a", "expected a number, got 'a'"),
    (Option(0.5, "h"), False, "expected a number, got False"),
    (Option(True, "h"), 1, "expected true or false, got 1"),
    (Option("", "h"), 3, "expected text, got 3"),
    (Option("", "h"), "hire, train", None),
])
def test_an_option_checks_type_and_bounds(option, value, problem):
    assert option.problem_with(value) == problem


def _problems(settings):
    return dict(resolve_settings(settings, REGISTRY)[1])


def test_enabled_and_severity_take_only_their_values():
    problems = _problems({"orphan-team": {"enabled": "no", "severity": "critical"}})
    assert problems == {
        "settings.orphan-team.enabled": "expected true or false, got 'no'",
        "settings.orphan-team.severity": "expected one of error, warning, info, got 'critical'",
    }


def test_unknown_options_and_checks_name_the_valid_ones():
    problems = _problems({"orphan-team": {"max": 3}, "orphan-tem": {},
                          "stacked-alignment": 3})
    assert problems["settings.orphan-team.max"] == (
        "unknown option 'max' for orphan-team; valid: enabled, severity.")
    unknown = problems["settings.orphan-tem"]
    assert unknown.startswith("unknown check 'orphan-tem' (did you mean 'orphan-team'?); "
                              "valid: orphan-team, ")
    assert unknown.endswith(", progress.") and all(slug in unknown for slug in REGISTRY)
    assert problems["settings.stacked-alignment"] == (
        "expected a mapping of option names to values, got 3")


def test_valid_settings_apply_over_the_defaults_and_bad_ones_keep_them():
    configs, problems = resolve_settings({
        "overloaded-contributor": {"max_teams": 4, "severity": "error", "enabled": False,
                                   "max_objectives": 0}}, REGISTRY)
    config = configs["overloaded-contributor"]
    assert (config.enabled, config.severity) == (False, "error")
    assert dict(config.options) == {"max_objectives": 3, "max_key_results": 5, "max_teams": 4}
    assert problems == [("settings.overloaded-contributor.max_objectives",
                         "expected at least 1, got 0")]
    untouched = configs["orphan-team"]
    assert (untouched.enabled, untouched.severity) == (True, "warning")


def test_bad_enabled_or_severity_keep_the_current_value():
    configs, _ = resolve_settings({"orphan-team": {"enabled": "no", "severity": "critical"}},
                                  REGISTRY)
    assert (configs["orphan-team"].enabled, configs["orphan-team"].severity) == (True, "warning")


def test_progress_bands_are_validated_and_ordered():
    assert _problems({"progress": {"green": 0.3, "amber": 0.5}}) == {
        "settings.progress": "amber must not be above green"}
    assert _problems({"progress": {"green": 0.5, "amber": 0.5}}) == {}
    assert _problems({"progress": {"green": 2, "blue": 1}}) == {
        "settings.progress.green": "expected at most 1, got 2",
        "settings.progress.blue": "unknown option 'blue' for progress; valid: green, amber."}
    assert _problems({"progress": 3}) == {
        "settings.progress": "expected a mapping with green and amber, got 3"}


def test_progress_bands_default_and_override_one_at_a_time():
    assert progress_bands({}) == (0.7, 0.4)
    assert progress_bands({"progress": {"green": 0.9}}) == (0.9, 0.4)
    assert progress_bands({"progress": {"amber": 0.2}}) == (0.7, 0.2)


def test_problems_before_the_progress_bands_are_kept():
    found = resolve_settings({"orphan-team": {"enabled": "no"},
                              "progress": {"green": 2}}, REGISTRY)[1]
    assert found == [("settings.orphan-team.enabled", "expected true or false, got 'no'"),
                     ("settings.progress.green", "expected at most 1, got 2")]
