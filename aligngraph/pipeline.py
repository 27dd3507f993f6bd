"""The one analysis pipeline the CLI, the explorer and the exports share."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from .bulk import collector_held, collector_paused
from .checks import (
    REGISTRY, CheckConfig, Finding, detached_alignment, progress_bands, resolve_settings,
    stacked_alignment,
)
from .errors import InputError, Problem
from .graph import KEY_RESULT, OBJECTIVE, PERSON, TEAM, build_graph, team_key
from .io import config_file, loader, revision
from .io.check_cases import CheckCase
from .io.positions import locate_records
from .io.tables import TableOptions
from .model import Location, Organisation
from .report import Report, SlackRow, count_nodes, finding_node, sort_findings
from .slack import slack_levels

CheckRunner = Callable[[nx.DiGraph, str, Mapping[str, Any]], Iterable[Finding]]


def run_check(graph: nx.DiGraph, slug: str, options: Mapping[str, Any]) -> list[Finding]:
    """The findings of one check on a graph, with its options."""
    return list(REGISTRY[slug].run(graph, options))


def build(org: Organisation, as_of: dt.date | None = None) -> nx.DiGraph:
    """The frozen alignment graph of an organisation, built as a bulk step."""
    with collector_paused():
        return build_graph(org, as_of)


def analyse(org: Organisation, *, as_of: dt.date | None = None,
            settings: Mapping[str, Any] | None = None, sources: Sequence[str] = (),
            graph: nx.DiGraph | None = None, runner: CheckRunner = run_check) -> Report:
    """Build the graph of ``org``, run every enabled check, and report.

    ``settings`` override the organisation's own ``settings:`` block, check by check
    and option by option. A caller that keeps the graph (the explorer) passes it as
    ``graph``, and may pass a ``runner`` that caches each check's findings by its options,
    so that moving one threshold re-runs one check.
    """
    configs, bands = _configs(org.settings, settings or {})
    graph = graph if graph is not None else build(org, as_of)
    order = {slug: index for index, slug in enumerate(REGISTRY)}
    findings = [
        finding
        for slug, config in configs.items() if config.enabled
        for finding in runner(graph, slug, config.options)
    ]
    findings = [_with_severity(f, configs[f.check]) for f in findings]
    return Report(graph=graph, findings=sort_findings(findings, order),
                  slack=slack_table(graph, configs), configs=configs,
                  sources=tuple(sources), counts=count_nodes(graph), bands=bands)


#: The kind of record each kind of subject is kept under in ``Organisation.origins``.
_RECORD_KIND = {TEAM: "team", PERSON: "person", OBJECTIVE: "goal", KEY_RESULT: "goal"}


def locate_findings(org: Organisation, findings: Iterable[Finding],
                    texts: Mapping[str, str] | None = None) -> dict[str, Location]:
    """Where each finding's subject is defined, by node key (see :mod:`aligngraph.io.positions`)."""
    records = {finding_node(f): (_RECORD_KIND[f.subject_kind], f.subject) for f in findings}
    with collector_held():
        found = locate_records(org, records.values(), texts)
    return {key: found[record] for key, record in records.items() if record in found}


def settings_problems(settings: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every unknown check or option and every bad value in a ``settings:`` block."""
    return resolve_settings(settings, REGISTRY)[1]


def load(paths: Sequence[str | Path], tables: TableOptions | None = None) -> Organisation:
    """Read OKR files and folders into one organisation, settings validated and located.

    ``tables`` forces a spreadsheet layout or maps unusual column headers."""
    return loader.load(paths, settings_check=settings_problems, tables=tables)


def load_bytes(files: Sequence[tuple[str, bytes]], tables: TableOptions | None = None
               ) -> Organisation:
    """Validate OKR documents given as ``(name, bytes)`` (uploads), like :func:`load`."""
    return loader.load_bytes(files, settings_check=settings_problems, tables=tables)


def load_revision(name: str, content: bytes, data: Mapping[str, Any], texts: revision.Texts,
                  base: revision.Revision | None) -> Organisation:
    """Validate a new version of a one-file organisation, like :func:`load_bytes`, but
    validating again only the records ``base`` does not hold (see
    :mod:`aligngraph.io.revision`)."""
    return revision.load_revision(name, content, data, texts, base,
                                  settings_check=settings_problems)


def load_texts(texts: Sequence[tuple[str, str]]) -> Organisation:
    """Validate OKR documents given as ``(name, text)``, like :func:`load`."""
    return loader.load_texts(texts, settings_check=settings_problems)


def load_config(path: str | Path) -> dict[str, Any]:
    """The settings of a ``--config`` file, validated against the checks' options."""
    return config_file.load_config(path, settings_check=settings_problems)


def check_paths(paths: Sequence[str | Path], *, tables: TableOptions | None = None,
                notify: Callable[[str], None] | None = None, **options: Any) -> Report:
    """Load OKR files and folders, then :func:`analyse` them; each finding's subject is
    located in its file (``Report.locations``).

    ``notify`` hears what reading inferred (a team tree from the goal tree…)."""
    with collector_paused():
        org = load(paths, tables)
    if notify is not None:
        for notice in org.notices:
            notify(notice)
    report = analyse(org, sources=[str(p) for p in paths], **options)
    return replace(report, locations=locate_findings(org, report.findings))


def run_case(case: CheckCase) -> list[Finding]:
    """The findings of a case's check on the case's organisation, as ``check`` reports them."""
    report = analyse(load_texts([(case.source_name, case.org)]))
    return [finding for finding in report.findings if finding.check == case.check]


def slack_table(graph, configs: Mapping[str, CheckConfig]) -> tuple[SlackRow, ...]:
    """The slack row of every parent team, judged with the slack checks' options."""
    stacked = configs[stacked_alignment.SLUG].options
    detached = configs[detached_alignment.SLUG].options
    mirrored = stacked_alignment.is_mirrored(graph, stacked["mirror_share"])
    rows = []
    for level in slack_levels(graph, echo_similarity=stacked["echo_similarity"]):
        rows.append(SlackRow(level, graph.nodes[team_key(level.team)]["label"],
                             _status(level, stacked, detached, mirrored)))
    return tuple(rows)


def _status(level, stacked: Mapping, detached: Mapping, mirrored: bool) -> str:
    """``detached``, ``stacked``, ``too few``, ``not judged`` (the team tree mirrors the
    goal tree, so only echo and detachment say anything) or ``balanced``."""
    if level.is_detached(max_overflow=detached["max_overflow"]):
        return "detached"
    if level.is_stacked(min_child_objectives=stacked["min_child_objectives"],
                        max_echo=stacked["max_echo"],
                        min_parent_objectives=stacked["min_parent_objectives"],
                        mirrored=mirrored):
        return "stacked"
    if level.children < stacked["min_child_objectives"]:
        return "too few"
    return "not judged" if mirrored else "balanced"


def _configs(file_settings: Mapping, overrides: Mapping
             ) -> tuple[dict[str, CheckConfig], tuple[float, float]]:
    merged = {slug: dict(values) if isinstance(values, Mapping) else values
              for slug, values in file_settings.items()}
    for slug, values in overrides.items():
        base = merged.get(slug)
        merged[slug] = {**base, **values} if isinstance(base, dict) and isinstance(values, Mapping) else values
    configs, problems = resolve_settings(merged, REGISTRY)
    if problems:
        raise InputError([Problem("settings", path, message) for path, message in problems])
    return configs, progress_bands(merged)


def _with_severity(finding, config: CheckConfig):
    """Apply a configured severity to findings that carry the check's default one."""
    default = REGISTRY[finding.check].severity
    if config.severity == default or finding.severity != default:
        return finding
    return replace(finding, severity=config.severity)
