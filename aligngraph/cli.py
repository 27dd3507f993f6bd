"""The ``aligngraph`` command line.

Exit codes: 0 nothing at or above ``--fail-on``; 1 findings at or above it; 2 bad input
or usage (the message says what and where; never a traceback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from . import __version__
from .io.limits import Limits, env_name
from .output import FORMAT_NAMES

if TYPE_CHECKING:
    from .io.tables import TableOptions
    from .report import Report

# Only what building the parser needs is imported here: each command imports the rest
# when it runs, so that --help, and check (which needs no Graphviz, pandas or
# Streamlit), start fast enough for a pre-commit hook. The choices below mirror
# aligngraph.render's (a test keeps them equal) for the same reason.
VIEWS = ("goals", "teams", "focus", "people")
COLOR_BY = ("findings", "progress", "level")
THEMES = ("light", "dark", "print")
FITS = ("slide", "none")
GROUP_BY = ("team", "check")
SEVERITIES = ("error", "warning", "info")
PICTURE_SUFFIXES = (".svg", ".png", ".pdf", ".dot")
DEFAULT_TIMEOUT = 30.0

DIFF_FORMATS = ("text", "json", "markdown")
MATCHES = ("id", "title")
# aligngraph.changes.matching.DEFAULT_THRESHOLD (a test keeps them equal)
DEFAULT_TITLE_THRESHOLD = 0.7

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")
CHECK_FORMATS = ("auto", *FORMAT_NAMES)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return its exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    from .errors import AligngraphError

    try:
        _apply_max_input_mb(args)
        return args.run(args)
    except AligngraphError as exc:
        print(f"aligngraph: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aligngraph",
        description="Turn OKR files into an alignment graph and show where alignment is "
                    "broken.",
        epilog="Exit codes: 0 no findings at or above --fail-on; 1 findings at or above "
               "it; 2 bad input or usage.")
    parser.add_argument("--version", action="version", version=f"aligngraph {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_check(commands)
    _add_render(commands)
    _add_diff(commands)
    _add_whatif(commands)
    _add_app(commands)
    _add_generate(commands)
    _add_checks(commands)
    _add_explain(commands)
    _add_schema(commands)
    _add_convert(commands)
    _add_template(commands)
    return parser


def _add_check(commands) -> None:
    cmd = commands.add_parser(
        "check", help="run the checks and print a report",
        description="Load OKR files (or folders of them, merged into one organisation), "
                    "run every check and print the findings and the slack table.",
        epilog="Formats: text, json and markdown for people and scripts; github "
               "(workflow-command annotations), sarif (code scanning), junit, gitlab "
               "(code quality) and csv for CI tools and spreadsheets. Every finding "
               "carries the file and line where its subject is defined.")
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="OKR files or folders")
    cmd.add_argument("--format", choices=CHECK_FORMATS, default="auto",
                     help="report format (default: auto, which is github when "
                          "GITHUB_ACTIONS=true, as under GitHub Actions, else text)")
    cmd.add_argument("-o", "--output", metavar="FILE",
                     help="write the report to FILE instead of standard output")
    cmd.add_argument("--fail-on", choices=FAIL_ON, default="error",
                     help="exit 1 when findings at or above this severity exist "
                          "(default: error)")
    cmd.add_argument("--group-by", choices=GROUP_BY, default="team",
                     help="list the findings by team, then objective (default), or by check; "
                          "text and markdown only")
    cmd.add_argument("--min-severity", choices=SEVERITIES, default="info",
                     help="leave out findings less severe than this (default: info, show "
                          "all); --fail-on still counts every finding")
    cmd.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD",
                     help="judge the organisation at this date (default: the cycle's "
                          "as_of, else today, or the cycle's end once it is over)")
    cmd.add_argument("--config", metavar="FILE",
                     help="a YAML or JSON file with a 'settings:' block; it overrides the "
                          "settings in the OKR files, check by check and option by option")
    cmd.add_argument("--baseline", metavar="FILE",
                     help="report (and fail on) only findings not in this baseline; a "
                          "finding is known when one of the same check about the same "
                          "subject is in it")
    cmd.add_argument("--write-baseline", action="store_true",
                     help="write every current finding to the --baseline FILE, and exit 0")
    cmd.add_argument("--cache-dir", metavar="DIR",
                     help="keep results in DIR (default: .aligngraph_cache, or "
                          "$ALIGNGRAPH_CACHE_DIR); a run whose inputs, config and options "
                          "are unchanged replays its result")
    cmd.add_argument("--no-cache", action="store_true",
                     help="neither read nor write the cache (as does ALIGNGRAPH_NO_CACHE=1)")
    _add_max_input_mb(cmd)
    _add_table_options(cmd)
    cmd.set_defaults(run=_run_check)


def _add_render(commands) -> None:
    cmd = commands.add_parser(
        "render", help="draw the alignment graph as SVG, PNG, PDF or DOT",
        description="Draw one view of the alignment graph, coloured by the checks' findings, "
                    "by progress or by level. The output format follows the file's suffix.",
        epilog="Views: goals (objectives in team clusters), teams (the org tree, edges "
               "weighted by aligned goals), focus (one team, goal or person and its "
               "neighbourhood; needs --focus), people (who carries which objectives).")
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="OKR files or folders")
    cmd.add_argument("-o", "--output", required=True, metavar="OUT",
                     help="the picture to write: OUT.svg, OUT.png, OUT.pdf or OUT.dot")
    cmd.add_argument("--view", choices=VIEWS, default="goals",
                     help="what to draw (default: goals)")
    cmd.add_argument("--focus", metavar="ID",
                     help="the team, objective, key result or person to focus on "
                          "(prefix team: or person: when an id names both)")
    cmd.add_argument("--depth", type=_whole_number(0), metavar="N",
                     help="focus: alignment hops around the focus (default 2); teams: the "
                          "deepest org level drawn (default: as deep as stays readable)")
    cmd.add_argument("--color-by", choices=COLOR_BY, default="findings",
                     help="colour nodes by findings (default), progress or level")
    cmd.add_argument("--theme", choices=THEMES, default="light",
                     help="light (default, for slides), dark, or print (greyscale-safe)")
    cmd.add_argument("--fit", choices=FITS,
                     help="slide: lay out to 16:9 at 1920 x 1080 px, never with text too small "
                          "to project (default for .png and .pdf); none: the natural size "
                          "(default for .svg and .dot)")
    cmd.add_argument("--title", metavar="TEXT",
                     help="the picture's title (default: organisation, cycle and view; "
                          "--title '' for none)")
    cmd.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD",
                     help="judge the organisation at this date")
    cmd.add_argument("--config", metavar="FILE", help="check settings, as for 'check'")
    cmd.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                     help=f"stop the layout after this long (default {DEFAULT_TIMEOUT:g})")
    cmd.add_argument("--diff", metavar="OLD",
                     help="goals and focus views: fill goals added or changed since OLD (a "
                          "file or folder), draw removed ones dashed, instead of --color-by")
    cmd.add_argument("--match", choices=MATCHES, default="id",
                     help="with --diff: pair goals by id (default) or by title, as 'diff' does")
    _add_max_input_mb(cmd)
    _add_table_options(cmd)
    cmd.set_defaults(run=_run_render)


def _add_diff(commands) -> None:
    cmd = commands.add_parser(
        "diff", help="compare two versions of the OKRs: what changed, what it fixed or broke",
        description="Compare two versions of an organisation (each a file, folder or "
                    "spreadsheet, as 'check' takes): teams added, removed or moved; goals "
                    "added, removed, retitled, re-aligned, moved or edited; findings new and "
                    "resolved (a finding is the same when its check and subject are); and "
                    "each level's slack before and after.",
        epilog="Cycle over cycle, ids are often renumbered: --match title pairs teams and "
               "goals by their titles instead (see docs/report.md#diff). Exit codes: 0, or "
               "1 when --fail-on-new is given and NEW adds findings at or above it; 2 bad "
               "input or usage.")
    cmd.add_argument("old", metavar="OLD",
                     help="the earlier version: a file, folder or spreadsheet")
    cmd.add_argument("new", metavar="NEW",
                     help="the later version: a file, folder or spreadsheet")
    _add_diff_options(cmd)
    cmd.add_argument("--match", choices=MATCHES, default="id",
                     help="pair records by id (default), or by title within each team, for "
                          "cycles whose ids were renumbered")
    cmd.add_argument("--threshold", type=float, default=DEFAULT_TITLE_THRESHOLD, metavar="SIM",
                     help="--match title: the least title similarity, 0 to 1, that pairs two "
                          f"goals of a team (default {DEFAULT_TITLE_THRESHOLD:g})")
    _add_table_options(cmd)
    cmd.set_defaults(run=_run_diff)


def _add_whatif(commands) -> None:
    cmd = commands.add_parser(
        "whatif", help="what breaks if a team, goal or person is dropped, or a goal re-aligned",
        description="Load OKR files, change a copy (never the files) and print the same "
                    "report as 'diff', the files against the changed copy. Dropping a team "
                    "drops its objectives and moves its sub-teams up to its parent; an "
                    "objective, its key results; a key result, itself; a person, their "
                    "ownership (their goals become unowned) and their place in contributor "
                    "and liaison lists. Every link to what was dropped is removed.",
        epilog="Ids resolve as --focus does; prefix team:, person: or goal: when an id names "
               "more than one thing. Exit codes as for 'diff'.")
    cmd.add_argument("paths", nargs="+", metavar="PATH", help="OKR files or folders")
    cmd.add_argument("--drop", action="append", default=[], metavar="ID",
                     help="a team, objective, key result or person to drop (repeat for more)")
    cmd.add_argument("--realign", action="append", default=[], metavar="GOAL=PARENT",
                     help="align GOAL to PARENT instead (GOAL= to align it to nothing; "
                          "repeat for more)")
    _add_diff_options(cmd)
    _add_table_options(cmd)
    cmd.set_defaults(run=_run_whatif)


def _add_diff_options(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--format", choices=DIFF_FORMATS, default="text",
                     help="text (default), json (a contract: docs/report.md#diff) or markdown")
    cmd.add_argument("-o", "--output", metavar="FILE",
                     help="write the report to FILE instead of standard output")
    cmd.add_argument("--fail-on-new", choices=SEVERITIES, metavar="SEVERITY",
                     help="exit 1 when the new version adds findings at or above SEVERITY "
                          "(error, warning or info); findings the old version had never "
                          "fail")
    cmd.add_argument("--as-of", type=_date, metavar="YYYY-MM-DD",
                     help="judge both versions at this date (default: each its own)")
    cmd.add_argument("--config", metavar="FILE", help="check settings, as for 'check'")
    _add_max_input_mb(cmd)


def _whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``, or a clear error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"expected a whole number, {minimum} or more, got {text!r}")
        return value

    return parse


def _add_app(commands) -> None:
    cmd = commands.add_parser(
        "app", help="start the explorer in the browser",
        description="Start the Streamlit explorer on your OKR files or folders (merged into "
                    "one organisation), or on a bundled sample when none is given.")
    cmd.add_argument("paths", nargs="*", metavar="PATH", help="OKR files or folders")
    cmd.add_argument("--port", type=int, default=8501, help="the port (default 8501)")
    cmd.add_argument("--headless", action="store_true",
                     help="do not open a browser window")
    _add_max_input_mb(cmd)
    cmd.set_defaults(run=_run_app)


def _add_generate(commands) -> None:
    cmd = commands.add_parser(
        "generate", help="write a synthetic organisation, for trying the tool at scale",
        description="Write a realistic synthetic organisation in the v1 format: an org tree "
                    "branching 4 to 8 ways, 2 to 4 objectives a team with 2 to 4 key results "
                    "each, people, cross-team work, check-ins and scores, and every problem "
                    "the checks look for at a controlled rate. The same seed writes the same "
                    "file; the suffix chooses YAML or JSON.")
    cmd.add_argument("--teams", type=_whole_number(1), required=True, metavar="N", help="how many teams")
    cmd.add_argument("--seed", type=int, default=0, help="the random seed (default 0)")
    cmd.add_argument("--problem-rate", type=float, default=0.05, metavar="RATE",
                     help="how often each kind of problem is planted (default 0.05)")
    cmd.add_argument("-o", "--output", required=True, metavar="FILE",
                     help="FILE.yaml, FILE.yml or FILE.json")
    cmd.set_defaults(run=_run_generate)


def _add_checks(commands) -> None:
    cmd = commands.add_parser("checks", help="list every check with its options",
                              description="List every check: code, slug, default severity "
                                          "and options with their defaults.")
    cmd.add_argument("--markdown", action="store_true",
                     help="print the full reference page instead (docs/checks.md)")
    cmd.set_defaults(run=_run_checks)


def _add_explain(commands) -> None:
    cmd = commands.add_parser("explain", help="explain one check",
                              description="Print a check's rationale, options, and an "
                                          "example that fires and one that passes.")
    cmd.add_argument("check", metavar="CHECK", help="a check's slug or code, e.g. orphan-team")
    cmd.set_defaults(run=_run_explain)


def _add_schema(commands) -> None:
    cmd = commands.add_parser("schema", help="print the JSON Schema of the OKR file format",
                              description="Print the JSON Schema (draft-07) of the OKR "
                                          "file format, version 1, for editors to complete "
                                          "and validate.")
    cmd.add_argument("-o", "--output", metavar="FILE",
                     help="write it to FILE instead (the repository's copy: "
                          "schema/aligngraph.schema.json)")
    cmd.set_defaults(run=_run_schema)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date written YYYY-MM-DD, got {text!r}") from None


def _run_check(args: argparse.Namespace) -> int:
    from . import cache

    directory = cache.cache_dir(args.cache_dir, args.no_cache)
    if directory is None:
        return _check(args)[0]
    entry_key = None if args.write_baseline else _cache_key(args)
    hit = cache.load(directory, entry_key) if entry_key is not None else None
    if hit is not None:
        return _replay(hit, args.output)
    lemmas = None
    if cache.prepare(directory):
        from .cache.lemmas import use_cached_lemmas

        lemmas = use_cached_lemmas(directory)
    try:
        if entry_key is None:
            return _check(args)[0]
        with _Recording() as recording:
            code, report_text = _check(args)
        cache.store(directory, entry_key, cache.Entry(
            recording.stdout(), recording.stderr(), code,
            report_text if args.output is not None else None))
        return code
    finally:
        if lemmas is not None:
            lemmas.save()


def _cache_key(args: argparse.Namespace) -> str | None:
    """The key of this run of ``check`` in the cache: None when an input is missing."""
    from . import cache

    files = cache.input_files(args.paths)
    if files is None:
        return None
    extra = [args.config, args.columns, args.baseline]
    for name in extra:
        if name is not None and not os.path.isfile(name):
            return None
    from pathlib import Path

    files += [Path(name) for name in extra if name is not None]
    options = {name: value for name, value in sorted(vars(args).items())
               if name not in ("run", "cache_dir", "no_cache")}
    options["format"] = _format(args.format)
    return cache.key("check", options, files)


def _replay(entry, output: str | None) -> int:
    """Print what a cached run printed, write its report file, return its exit code."""
    sys.stderr.write(entry.stderr)
    sys.stdout.write(entry.stdout)
    if output is not None and entry.report_file is not None:
        _write_file(output, entry.report_file.encode("utf-8"))
    return entry.exit_code


class _Recording:
    """Copies what is written to standard output and error while a run lasts."""

    def __enter__(self) -> _Recording:
        self._streams = sys.stdout, sys.stderr
        self._out, self._err = _Tee(sys.stdout), _Tee(sys.stderr)
        sys.stdout, sys.stderr = self._out, self._err
        return self

    def __exit__(self, *exc: object) -> None:
        sys.stdout, sys.stderr = self._streams

    def stdout(self) -> str:
        return "".join(self._out.parts)

    def stderr(self) -> str:
        return "".join(self._err.parts)


class _Tee:
    """A text stream that passes writes on and keeps a copy."""

    def __init__(self, stream):
        self.stream, self.parts = stream, []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return self.stream.write(text)

    def flush(self) -> None:
        self.stream.flush()

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def _check(args: argparse.Namespace) -> tuple[int, str]:
    """Run ``check``: its exit code and the report's text."""
    from .errors import UsageError

    if args.write_baseline and not args.baseline:
        raise UsageError("--write-baseline needs --baseline FILE: the file to write")
    known = _read_baseline(args.baseline) if args.baseline and not args.write_baseline else None
    report = _checked_report(args)
    if args.write_baseline:
        return _write_baseline(args.baseline, report), ""
    if known is not None:
        report = _without_baseline(report, known, args.baseline)
    from .output import format_report

    shown = report.at_least(args.min_severity)
    text = format_report(shown, _format(args.format), fail_on=args.fail_on,
                         group_by=args.group_by)
    _emit(text, args.output)
    if args.fail_on == "never":
        return EXIT_OK, text
    return (EXIT_FINDINGS if report.at_or_above(args.fail_on) else EXIT_OK), text


def _checked_report(args: argparse.Namespace) -> Report:
    from .pipeline import check_paths, load_config

    settings = load_config(args.config) if args.config else None
    return check_paths(args.paths, as_of=args.as_of, settings=settings,
                       tables=_table_options(args), notify=_notice)


def _format(name: str) -> str:
    """The format ``auto`` stands for: github under GitHub Actions, else text."""
    if name != "auto":
        return name
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _emit(text: str, output: str | None) -> None:
    """Write a report to standard output, or to the file ``output``."""
    if output is None:
        sys.stdout.write(text)
        return
    _write_file(output, text.encode("utf-8"))


def _write_file(name: str, data: bytes) -> None:
    from pathlib import Path

    from .errors import UsageError

    try:
        Path(name).write_bytes(data)
    except OSError as exc:
        raise UsageError(f"cannot write {name!r}: {exc.strerror}") from None


def _write_baseline(path: str, report: Report) -> int:
    from .output.baseline import write_baseline

    count = write_baseline(path, report.findings)
    print(f"wrote {path} ({count} known findings)", file=sys.stderr)
    return EXIT_OK


def _read_baseline(path: str) -> set[tuple[str, str]]:
    """The baseline's keys, read before the check so that a bad file fails at once."""
    from .output.baseline import read_baseline

    return read_baseline(path)


def _without_baseline(report: Report, baseline: set[tuple[str, str]], path: str) -> Report:
    """The report of the findings the baseline does not know, and a note of the rest."""
    from dataclasses import replace

    from .output.baseline import split_by_baseline

    new, known, gone = split_by_baseline(report.findings, baseline)
    note = f"aligngraph: {len(known)} known findings in {path} not reported"
    if gone:
        note += (f"; {len(gone)} of its entries no longer occur (--write-baseline drops "
                 "them)")
    print(note, file=sys.stderr)
    return replace(report, findings=tuple(new))


def _run_render(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .errors import UsageError

    out = Path(args.output)
    fmt = out.suffix.lower().lstrip(".")
    if out.suffix.lower() not in PICTURE_SUFFIXES:
        raise UsageError(f"cannot tell the format of {args.output!r}: end it in .svg, .png, "
                         ".pdf or .dot")
    from .render import CHANGES_VIEWS, DiffMarks, build_dot, build_slide, render

    if args.diff and args.view not in CHANGES_VIEWS:
        raise UsageError(f"--diff colours goals: draw it with --view goals or focus, not "
                         f"{args.view}")
    changes = None
    if args.diff:
        report, changes = _changes_since(args)
    else:
        report = _checked_report(args)
    fit = args.fit or ("slide" if fmt in ("png", "pdf") else "none")
    options = dict(view=args.view, focus=args.focus, depth=args.depth, color_by=args.color_by,
                   theme=args.theme, title=args.title,
                   changes=DiffMarks(**changes) if changes is not None else None)
    dot = (build_slide(report, timeout=args.timeout, **options) if fit == "slide"
           else build_dot(report, **options))
    data = dot.source.encode("utf-8") if fmt == "dot" else render(dot, fmt, timeout=args.timeout)
    _write_file(args.output, data)
    print(f"wrote {out} ({args.view} view, {len(data):,} bytes)", file=sys.stderr)
    return EXIT_OK


def _run_diff(args: argparse.Namespace) -> int:
    from .diff import compare

    old, new = _loaded([args.old], args), _loaded([args.new], args)
    settings, reports = _analysed_pair(args, (old, [args.old]), (new, [args.new]))
    changes = compare(old, new, match=args.match, threshold=args.threshold, reports=reports,
                      locate=True)
    return _emit_diff(changes, args)


def _run_whatif(args: argparse.Namespace) -> int:
    from .changes.formats import WhatIf
    from .diff import compare
    from .errors import UsageError
    from .whatif import drop, realign

    if not args.drop and not args.realign:
        raise UsageError("whatif needs something to change: --drop ID or --realign GOAL=PARENT")
    links = {}
    for text in args.realign:
        goal, equals, parent = text.partition("=")
        if not equals or not goal.strip():
            raise UsageError(f"--realign {text!r}: expected GOAL=PARENT (or GOAL= to align it "
                             "to nothing)")
        links[goal.strip()] = parent.strip()
    base = _loaded(args.paths, args)
    # Re-align first, so that every id names something in the files as given.
    changed = realign(base, links) if links else base
    changed = drop(changed, args.drop) if args.drop else changed
    _, reports = _analysed_pair(args, (base, args.paths), (changed, args.paths))
    what_if = WhatIf(tuple(args.drop), tuple(links.items()))
    return _emit_diff(compare(base, changed, reports=reports, locate=True), args, what_if)


def _loaded(paths: Sequence[str], args: argparse.Namespace):
    from .bulk import collector_paused
    from .pipeline import load

    with collector_paused():
        org = load(paths, _table_options(args))
    for notice in org.notices:
        _notice(notice)
    return org


def _analysed_pair(args: argparse.Namespace, *versions):
    """Each ``(organisation, paths)`` analysed with the command's settings and date."""
    from .pipeline import analyse, load_config

    settings = load_config(args.config) if args.config else None
    reports = tuple(analyse(org, as_of=args.as_of, settings=settings,
                            sources=[str(p) for p in paths]) for org, paths in versions)
    return settings, reports


def _emit_diff(changes, args: argparse.Namespace, what_if=None) -> int:
    from .changes.formats import format_diff

    _emit(format_diff(changes, args.format, what_if), args.output)
    if args.fail_on_new and changes.failing(args.fail_on_new):
        return EXIT_FINDINGS
    return EXIT_OK


def _changes_since(args: argparse.Namespace):
    """The report of PATH... and what changed since --diff OLD, as picture marks."""
    from pathlib import Path

    from .diff import compare

    old, new = _loaded([args.diff], args), _loaded(args.paths, args)
    _, reports = _analysed_pair(args, (old, [args.diff]), (new, args.paths))
    changes = compare(old, new, match=args.match, reports=reports)
    return reports[1], changes.marks(since=Path(args.diff).name)


def _run_app(args: argparse.Namespace) -> int:
    import importlib.util
    from pathlib import Path

    from .errors import UsageError

    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    if importlib.util.find_spec("streamlit") is None:
        raise UsageError("the explorer needs Streamlit: pip install streamlit (or run "
                         "./dev setup)")
    script = Path(__file__).parent / "ui" / "streamlit_app.py"
    command = [sys.executable, "-m", "streamlit", "run", str(script),
               "--server.port", str(args.port), "--server.maxUploadSize", str(_upload_limit_mb())]
    for option, value in room_options().items():
        command += [f"--{option}", value]
    if args.headless:
        command += ["--server.headless", "true"]
    return _hand_over([*command, "--", *[str(Path(p).resolve()) for p in args.paths]])


def room_options() -> dict[str, str]:
    """The explorer's settings for a shared room, as ``streamlit run`` options: those of
    the project's .streamlit/config.toml (which `aligngraph app` run elsewhere would not
    read), the upload limit apart. A test keeps the two equal."""
    from .render.theme import streamlit_theme

    options = {"client.toolbarMode": "viewer", "browser.gatherUsageStats": "false"}
    for mode, colours in streamlit_theme().items():
        options.update({f"theme.{mode}.{name}": value for name, value in colours.items()})
    return options


def _hand_over(command: list[str]) -> int:
    """Become ``command``: on POSIX the process is replaced (``os.execv``), so a SIGTERM
    or Ctrl+C reaches the server itself and stopping it frees the port. Elsewhere it runs
    as a child, which shares the console's Ctrl+C, and this waits for it."""
    import subprocess

    if os.name == "posix":
        sys.stdout.flush()
        sys.stderr.flush()
        os.execv(command[0], command)
    return subprocess.call(command)


def _run_generate(args: argparse.Namespace) -> int:
    from pathlib import Path

    from .errors import UsageError
    from .generate import generate
    from .io.writer import write_document

    out = Path(args.output)
    if out.suffix.lower() not in (".yaml", ".yml", ".json"):
        raise UsageError(f"cannot tell the format of {args.output!r}: end it in .yaml or .json")
    if not 0 <= args.problem_rate <= 1:
        raise UsageError("--problem-rate is a share: expected a number from 0 to 1")
    data = generate(args.teams, seed=args.seed, problem_rate=args.problem_rate)
    try:
        write_document(data, out)
    except OSError as exc:
        raise UsageError(f"cannot write {args.output!r}: {exc.strerror}") from None
    print(f"wrote {out} ({args.teams:,} teams, {len(data['objectives']):,} objectives)",
          file=sys.stderr)
    return EXIT_OK


def _run_checks(args: argparse.Namespace) -> int:
    from .checks import REGISTRY
    from .output.check_docs import checks_markdown, checks_table

    render = checks_markdown if args.markdown else checks_table
    sys.stdout.write(render(REGISTRY.values()))
    return EXIT_OK


def _run_explain(args: argparse.Namespace) -> int:
    import difflib

    from .checks import REGISTRY
    from .errors import UsageError
    from .output.check_docs import explain_text

    wanted = args.check.strip()
    for check in REGISTRY.values():
        if wanted in (check.slug, check.code) or wanted.upper() == check.code:
            sys.stdout.write(explain_text(check))
            return EXIT_OK
    close = difflib.get_close_matches(wanted, list(REGISTRY), n=1)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise UsageError(f"no check named {wanted!r}.{hint} 'aligngraph checks' lists them all.")


def _run_schema(args: argparse.Namespace) -> int:
    from .output.json_schema import okr_schema_text

    text = okr_schema_text()
    if args.output:
        _write_file(args.output, text.encode("utf-8"))
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _upload_limit_mb() -> int:
    """The explorer's upload limit: the loader's file-size limit, in whole megabytes."""
    import math

    return math.ceil(Limits.from_environment().max_input_mb)


def _add_max_input_mb(cmd: argparse.ArgumentParser) -> None:
    cmd.add_argument("--max-input-mb", type=float, metavar="MB",
                     help=f"refuse files larger than this (default {Limits().max_input_mb:g}, "
                          f"or ${env_name('max_input_mb')})")


def _apply_max_input_mb(args: argparse.Namespace) -> None:
    """Hand --max-input-mb to the loader (and to the explorer's process) as the
    environment variable the limits are read from."""
    from .errors import UsageError

    value = getattr(args, "max_input_mb", None)
    if value is not None:
        if value <= 0:
            raise UsageError("--max-input-mb: expected a number above 0")
        os.environ[env_name("max_input_mb")] = repr(value)


def _add_table_options(cmd) -> None:
    cmd.add_argument("--layout", metavar="NAME",
                     help="read spreadsheets in this layout: aligngraph, key-result-rows, "
                          "parent-references, outline or indented (default: told from "
                          "each sheet's header)")
    cmd.add_argument("--columns", metavar="MAP.yaml",
                     help="a YAML mapping of unusual column headers to fields, e.g. "
                          "{'Objective Name': objective}")


def _table_options(args: argparse.Namespace) -> TableOptions:
    from .io.tables import TableOptions, load_column_map

    columns, layout = load_column_map(args.columns) if args.columns else ({}, None)
    return TableOptions(layout=args.layout or layout, columns=columns)


def _notice(text: str) -> None:
    print(f"aligngraph: note: {text}", file=sys.stderr)


def _add_convert(commands) -> None:
    cmd = commands.add_parser(
        "convert", help="turn OKR files or spreadsheets into YAML, JSON, XLSX or CSV",
        description="Read OKR files, spreadsheets or folders (merged into one organisation) "
                    "and write them as OUT.yaml or OUT.json (format v1), OUT.xlsx (one sheet "
                    "a table) or a folder of CSV files (an existing folder, or a path ending "
                    "in /). Nothing is lost: converting back gives the same organisation.")
    cmd.add_argument("paths", nargs="+", metavar="IN", help="files or folders to read")
    cmd.add_argument("-o", "--output", required=True, metavar="OUT",
                     help="OUT.yaml, OUT.json, OUT.xlsx, or a folder for CSV files")
    _add_table_options(cmd)
    cmd.set_defaults(run=_run_convert)


def _add_template(commands) -> None:
    cmd = commands.add_parser(
        "template", help="write an empty OKR workbook to hand to teams",
        description="Write a workbook in aligngraph's own layout: the headers of every "
                    "sheet, one example row each, and a sheet of instructions.")
    cmd.add_argument("-o", "--output", required=True, metavar="OUT.xlsx",
                     help="OUT.xlsx, or a folder for CSV files")
    cmd.set_defaults(run=_run_template)


def _run_convert(args: argparse.Namespace) -> int:
    from .bulk import collector_paused
    from .io.writer import document_data
    from .pipeline import load

    kind = _output_kind(args.output)
    with collector_paused():
        org = load(args.paths, _table_options(args))
    for notice in org.notices:
        _notice(notice)
    _write_tables(document_data(org), args.output, kind)
    print(f"wrote {args.output} ({len(org.teams):,} teams, {len(org.objectives):,} "
          "objectives)", file=sys.stderr)
    return EXIT_OK


def _run_template(args: argparse.Namespace) -> int:
    from .errors import UsageError
    from .io.tables.template import EXAMPLE, INSTRUCTIONS

    kind = _output_kind(args.output)
    if kind not in ("xlsx", "csv"):
        raise UsageError(f"a template is a workbook: end {args.output!r} in .xlsx or /")
    _write_tables(EXAMPLE, args.output, kind, INSTRUCTIONS)
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def _output_kind(output: str) -> str:
    from pathlib import Path

    from .errors import UsageError

    suffix = Path(output).suffix.lower()
    if output.endswith(("/", "\\")) or Path(output).is_dir():
        return "csv"
    if suffix in (".yaml", ".yml", ".json", ".xlsx"):
        return suffix.lstrip(".")
    raise UsageError(f"cannot tell the format of {output!r}: end it in .yaml, .json or "
                     ".xlsx, or in / for a folder of CSV files")


def _write_tables(data: dict, output: str, kind: str,
                  instructions: list[str] | None = None) -> None:
    from pathlib import Path

    from .errors import UsageError
    from .io.tables.write import tables_of, write_csv_folder, write_xlsx
    from .io.writer import write_document

    out = Path(output)
    try:
        if kind == "csv":
            write_csv_folder(tables_of(data), out)
        elif kind == "xlsx":
            write_xlsx(tables_of(data), out, instructions)
        else:
            write_document(data, out)
    except OSError as exc:
        raise UsageError(f"cannot write {output!r}: {exc.strerror}") from None


__all__ = ["main"]
