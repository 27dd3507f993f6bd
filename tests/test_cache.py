"""The result cache of ``check``: a hit replays the run exactly, and nothing that changes
the result is ever answered from it. Its speed is measured in benchmarks/startup.py."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from aligngraph import cache, text
from aligngraph.cache.lemmas import CachedLemmas, LemmaIndex, index_bytes
from aligngraph.cli import main

ROOT = Path(__file__).parent.parent
SAMPLES = ROOT / "samples"


@pytest.fixture
def cached(monkeypatch, tmp_path):
    """Run check with the cache on (the suite runs without it), in a folder of copies of
    the Nimbus sample; restore simplemma's own dictionaries afterwards."""
    monkeypatch.delenv("ALIGNGRAPH_NO_CACHE", raising=False)
    monkeypatch.chdir(tmp_path)
    shutil.copy(SAMPLES / "nimbus.yaml", tmp_path / "okrs.yaml")
    yield tmp_path
    text.use_lemmas(None)


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("*.out"))


def test_a_hit_replays_output_errors_and_exit_code(cached, capsys):
    first = run(capsys, "okrs.yaml", "--format", "json")
    assert first[0] == 1 and json.loads(first[1])["summary"]["findings"] == 11
    folder = cached / ".aligngraph_cache"
    assert len(entries(folder)) == 1
    assert (folder / "CACHEDIR.TAG").read_text().startswith(
        "Signature: 8a477f597d28d172789f06886806bc55\n")
    assert (folder / ".gitignore").read_text() == "*\n"
    stored = json.loads(entries(folder)[0].read_text())
    assert stored == {"stdout": first[1], "stderr": first[2], "exit_code": 1,
                      "report_file": None}
    assert run(capsys, "okrs.yaml", "--format", "json") == first
    assert len(entries(folder)) == 1  # answered from the entry, none added


def test_a_hit_replays_notes_on_standard_error_and_the_report_file(cached, capsys):
    baseline = cached / "base.json"
    assert run(capsys, "okrs.yaml", "--baseline", str(baseline), "--write-baseline")[0] == 0
    assert entries(cached / ".aligngraph_cache") == []  # writing a baseline is never cached
    first = run(capsys, "okrs.yaml", "--baseline", str(baseline), "-o", "report.md",
                "--format", "markdown")
    assert first == (0, "", "aligngraph: 11 known findings in "
                     f"{baseline} not reported\n")
    report = (cached / "report.md").read_text()
    (cached / "report.md").unlink()
    assert run(capsys, "okrs.yaml", "--baseline", str(baseline), "-o", "report.md",
               "--format", "markdown") == first
    assert (cached / "report.md").read_text() == report
    assert len(entries(cached / ".aligngraph_cache")) == 1


def test_a_hit_imports_neither_networkx_nor_pydantic_and_known_words_no_simplemma(cached):
    probe = ("import contextlib, io, json, sys\nfrom aligngraph.cli import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             "    code = main(['check', 'okrs.yaml'])\n"
             "print(json.dumps([code, sorted({m.split('.')[0] for m in sys.modules})]))")

    def modules_of_a_run() -> tuple[int, set[str]]:
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True,
                                text=True, cwd=cached, check=True)
        code, modules = json.loads(result.stdout)
        return code, set(modules)

    miss, hit = modules_of_a_run(), modules_of_a_run()
    with (cached / "okrs.yaml").open("a") as okrs:
        okrs.write("# a comment: a miss, but no new word in a title\n")
    known_words = modules_of_a_run()
    assert miss[0] == hit[0] == known_words[0] == 1
    assert {"networkx", "pydantic", "simplemma"} <= miss[1]
    assert not {"networkx", "pydantic", "yaml", "simplemma"} & hit[1]
    assert {"networkx", "pydantic"} <= known_words[1] and "simplemma" not in known_words[1]


def fresh(capsys, *args: str) -> tuple[int, str, str]:
    return run(capsys, *args, "--no-cache")


def test_editing_an_input_a_config_or_an_option_misses(cached, capsys):
    folder = cached / ".aligngraph_cache"
    config = cached / "config.yaml"
    config.write_text("settings:\n  orphan-team:\n    severity: error\n")
    args = ("okrs.yaml", "--config", "config.yaml", "--format", "json")
    assert run(capsys, *args) == fresh(capsys, *args)
    seen = 1
    okrs = cached / "okrs.yaml"
    edits = [
        lambda: okrs.write_text(okrs.read_text().replace("name: Sales", "name: Sales EMEA", 1)),
        lambda: config.write_text("settings:\n  orphan-team:\n    severity: info\n"),
        # the same size, within the same second: only the bytes differ
        lambda: okrs.write_text(okrs.read_text().replace("name: Sales EMEA", "name: Sales AMER")),
    ]
    for edit in edits:
        before = run(capsys, *args)
        edit()
        after = run(capsys, *args)
        seen += 1
        assert after == fresh(capsys, *args) and after != before
        assert len(entries(folder)) == seen
    for option in (["--min-severity", "error"], ["--fail-on", "never"], ["--format", "csv"],
                   ["--as-of", "2026-01-15"], ["--group-by", "check"]):
        changed = (*args, *option)
        assert run(capsys, *changed) == fresh(capsys, *changed)
        seen += 1
        assert len(entries(folder)) == seen


def test_a_file_added_to_a_folder_misses(cached, capsys):
    okrs = cached / "okrs"
    okrs.mkdir()
    (cached / "okrs.yaml").rename(okrs / "nimbus.yaml")
    before = run(capsys, "okrs", "--format", "json")
    (okrs / "notes.txt").write_text("not read by the loader")
    assert run(capsys, "okrs", "--format", "json") == before  # a hit: nothing it reads
    (okrs / "extra.yaml").write_text("teams: []\nobjectives: []\npeople:\n"
                                     "- id: newcomer\n  name: New Comer\n  team: nimbus\n")
    after = run(capsys, "okrs", "--format", "json")
    assert after == fresh(capsys, "okrs", "--format", "json") and after != before
    assert len(entries(cached / ".aligngraph_cache")) == 2


def test_an_edited_baseline_misses(cached, capsys):
    baseline = cached / "base.json"
    run(capsys, "okrs.yaml", "--baseline", str(baseline), "--write-baseline")
    data = json.loads(baseline.read_text())
    known = run(capsys, "okrs.yaml", "--baseline", str(baseline))
    assert known[0] == 0
    data["findings"] = data["findings"][1:]
    baseline.write_text(json.dumps(data))
    now = run(capsys, "okrs.yaml", "--baseline", str(baseline))
    assert now == fresh(capsys, "okrs.yaml", "--baseline", str(baseline)) and now != known


@pytest.mark.parametrize("junk", ["", "{not json", '{"stdout": 1}', "[]",
                                  '{"stdout": "", "stderr": "", "exit_code": "0",'
                                  ' "report_file": null}'])
def test_a_corrupt_entry_is_a_miss_and_is_rewritten(cached, capsys, junk):
    first = run(capsys, "okrs.yaml")
    (entry,) = entries(cached / ".aligngraph_cache")
    entry.write_text(junk)
    assert run(capsys, "okrs.yaml") == first
    assert json.loads(entry.read_text())["stdout"] == first[1]


def test_no_cache_the_environment_and_an_unwritable_folder(cached, capsys, monkeypatch):
    expected = fresh(capsys, "okrs.yaml")
    assert not (cached / ".aligngraph_cache").exists()
    monkeypatch.setenv("ALIGNGRAPH_NO_CACHE", "1")
    assert run(capsys, "okrs.yaml") == expected
    assert not (cached / ".aligngraph_cache").exists()
    monkeypatch.delenv("ALIGNGRAPH_NO_CACHE")
    (cached / "blocked").write_text("a file where the folder would go")
    assert run(capsys, "okrs.yaml", "--cache-dir", "blocked") == expected
    monkeypatch.setenv("ALIGNGRAPH_CACHE_DIR", str(cached / "elsewhere"))
    assert run(capsys, "okrs.yaml") == expected
    assert len(entries(cached / "elsewhere")) == 1


def test_a_missing_input_is_reported_not_cached(cached, capsys):
    code, out, err = run(capsys, "okrs.yaml", "gone.yaml")
    assert code == 2 and "gone.yaml" in err
    assert entries(cached / ".aligngraph_cache") == []


def test_the_cache_reads_a_folder_as_the_loader_does():
    from aligngraph.io.loader import SUFFIXES
    from aligngraph.io.tables import TABLE_SUFFIXES

    assert cache.INPUT_SUFFIXES == {*SUFFIXES, *TABLE_SUFFIXES}


def test_the_samples_report_the_same_with_the_lemma_index(cached, capsys):
    for sample in ("meridian.yaml", "nimbus.yaml"):
        path = str(SAMPLES / sample)
        assert run(capsys, path, "--format", "json") == fresh(capsys, path, "--format", "json")
    assert len(list((cached / ".aligngraph_cache").glob("lemmas-en-*.idx"))) == 1


def title_words() -> set[str]:
    words = {"hired", "hiring", "launches", "Finalized", "diversified", "ran", "built",
             "wrote", "dogfooding", "re-launch", "children", "analyses", "criteria",
             "team's", "x", "zzzzqx", "Ægir", "naïve"}
    for sample in ("meridian.yaml", "nimbus.yaml"):
        words |= set(text.normalise((SAMPLES / sample).read_text()).split())
    return words


def test_the_cached_lemmas_answer_as_simplemma_does(tmp_path):
    import simplemma

    words = sorted(title_words())
    expected = [(simplemma.lemmatize(w.lower(), lang="en"),
                 simplemma.is_known(w.lower(), lang="en"),
                 text._can_be_verb(text.lemma(w))) for w in words]
    try:
        # answered over the index (built, then read back), then from the answers file
        for round_ in range(3):
            if round_ == 1:
                next(tmp_path.glob("lemmas-en-*.answers")).unlink()
            lemmas = CachedLemmas(tmp_path)
            text.use_lemmas(lemmas)
            assert [(text.lemma(w), lemmas.is_known(w.lower()),
                     text._can_be_verb(text.lemma(w))) for w in words] == expected
            lemmas.save()
        assert len(list(tmp_path.glob("lemmas-en-*.idx"))) == 1
        (answers,) = tmp_path.glob("lemmas-en-*.answers")
        assert json.loads(answers.read_text())["lemma"]["hired"] == "hire"
    finally:
        text.use_lemmas(None)


def test_a_damaged_answers_file_is_ignored(tmp_path):
    try:
        for junk in ("", "[1]", '{"lemma": {"hired": 3}, "known": {}}', '{"lemma": []}'):
            lemmas = CachedLemmas(tmp_path)
            lemmas._answers_file.write_text(junk)
            text.use_lemmas(CachedLemmas(tmp_path))
            assert text.lemma("hired") == "hire"
    finally:
        text.use_lemmas(None)


def test_the_lemma_index_holds_exactly_its_entries_and_refuses_damage():
    entries_ = {"ran": "run", "running": "run", "criteria": "criterion", "é": "e"}
    index = LemmaIndex(index_bytes(entries_))
    assert dict(index) == entries_ and len(index) == 4
    assert index.get("runs") is None and index.get("a") is None and index.get("zzz") is None
    assert index.get(b"ran") is None and index["criteria"] == "criterion"
    data = bytearray(index_bytes(entries_))
    data[-1] ^= 1
    for damaged in (bytes(data), index_bytes(entries_)[:-3], b"", b"something else"):
        with pytest.raises(ValueError):
            LemmaIndex(damaged)


def test_a_damaged_lemma_index_is_rebuilt(tmp_path):
    try:
        text.use_lemmas(CachedLemmas(tmp_path))
        assert text.lemma("hired") == "hire"
        (path,) = tmp_path.glob("lemmas-en-*.idx")
        size = path.stat().st_size
        path.write_bytes(path.read_bytes()[:1000])
        text.use_lemmas(CachedLemmas(tmp_path))
        assert text.lemma("launches") == "launch"
        assert path.stat().st_size == size
    finally:
        text.use_lemmas(None)



def test_the_oldest_entries_go_past_the_count_or_the_size(cached, capsys, monkeypatch):
    import os

    folder = cached / ".aligngraph_cache"
    monkeypatch.setattr(cache, "KEPT", 2)
    for severity in ("info", "warning", "error"):
        run(capsys, "okrs.yaml", "--min-severity", severity)
        for age, entry in enumerate(sorted(entries(folder), key=lambda p: p.stat().st_mtime_ns)):
            os.utime(entry, ns=(age * 10**9, age * 10**9))  # distinct times, oldest first
    kept = {json.loads(entry.read_text())["stdout"] for entry in entries(folder)}
    assert kept == {fresh(capsys, "okrs.yaml", "--min-severity", severity)[1]
                    for severity in ("warning", "error")}
    monkeypatch.setattr(cache, "KEPT_BYTES", 1)
    newest = run(capsys, "okrs.yaml", "--format", "csv")
    (entry,) = entries(folder)  # only the newest, however large
    assert json.loads(entry.read_text())["stdout"] == newest[1]
