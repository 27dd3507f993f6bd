"""Spreadsheets: the five layouts, located problems, and lossless round trips."""

from __future__ import annotations

import io
import textwrap
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from aligngraph.cli import main
from aligngraph.errors import InputError
from aligngraph.io.tables import TableOptions
from aligngraph.io.writer import document_data
from aligngraph.output import report_json
from aligngraph.pipeline import analyse, load, load_bytes, load_texts

ROOT = Path(__file__).parent.parent
SHEETS = Path(__file__).parent / "sheets"


def shape(org) -> dict:
    """Teams with parents, and each objective with its team, links and key results."""
    return {
        "teams": {t.id: t.parent for t in org.teams},
        "objectives": {o.id: (o.team, sorted(o.aligns_to), [k.id for k in o.key_results])
                       for o in org.objectives},
    }


def numbers(org) -> dict:
    return {k.id: (k.baseline, k.target, k.current) for _, k in org.key_results()}


def problems_of(paths, **options) -> list[str]:
    with pytest.raises(InputError) as caught:
        load(paths, TableOptions(**options) if options else None)
    return [str(p) for p in caught.value.problems]


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return str(path)


# The five layouts, from the files in tests/sheets/

EXPECTED_TREE = {"company": None, "sales": "company", "support": "company"}


def test_layout_2_key_result_rows_with_a_team_sheet():
    org = load([SHEETS / "rows_goals.csv", SHEETS / "rows_teams.csv"])
    assert shape(org) == {"teams": EXPECTED_TREE, "objectives": {
        "grow-revenue": ("company", [], ["raise-arr-from-10-to-15", "sign-20-new-logos"]),
        "win-the-mid-market": ("sales", ["grow-revenue"], [
            "close-12-mid-market-deals", "raise-win-rate-from-20-to-30",
            "shorten-the-sales-cycle-to-40-days"]),
        "keep-customers-happy": ("support", ["raise-arr-from-10-to-15"],
                                 ["cut-first-reply-time-to-1-hour"])}}
    assert numbers(org)["raise-arr-from-10-to-15"] == (10, 15, 12)
    kr = next(k for _, k in org.key_results() if k.id == "raise-arr-from-10-to-15")
    assert (kr.owner, kr.score, kr.confidence) == ("ana@acme.test", 0.4, 0.7)
    assert org.cycle.name == "2026-Q3"
    support = next(t for t in org.teams if t.id == "support")
    assert support.lead == "dan-wu" and support.extensions["x-team-owners"] == ["dan-wu", "ben-ode"]
    assert {p.id: p.name for p in org.people or []}["cara-li"] == "Cara Li"
    assert not org.notices


def test_layout_2_without_a_team_sheet_infers_the_tree_and_says_so():
    org = load([SHEETS / "rows_goals.csv"])
    assert {t.id: t.parent for t in org.teams} == EXPECTED_TREE
    assert [t.extensions.get("x-inferred-parent") for t in org.teams] == [None, True, True]
    assert len(org.notices) == 1 and "inferred from the goal tree" in org.notices[0]


def test_layout_3_parent_references():
    org = load([SHEETS / "references.csv", SHEETS / "references_teams.csv"])
    assert shape(org) == {"teams": EXPECTED_TREE, "objectives": {
        "O-1": ("company", [], ["KR-1"]), "O-2": ("sales", ["O-1"], ["KR-2"]),
        "O-3": ("support", ["KR-1", "O-2"], ["KR-3"])}}
    assert numbers(org)["KR-3"] == (4, 1, 2)
    assert {t.id: t.lead for t in org.teams}["sales"] == "cara@acme.test"


OUTLINE_GOALS = {
    "grow-revenue": ("company", [], ["raise-arr-from-10-to-15"]),
    "win-the-mid-market": ("sales", ["grow-revenue"], ["close-12-mid-market-deals"]),
    "grow-the-partner-channel": ("partners", ["win-the-mid-market"], ["sign-5-resellers"]),
    "keep-customers-happy": ("support", ["grow-revenue"], ["cut-first-reply-time-to-1-hour"]),
}
OUTLINE_TREE = {"company": None, "sales": "company", "partners": "sales", "support": "company"}


def test_layout_4_outline_numbers():
    org = load([SHEETS / "outline.csv"])
    assert shape(org) == {"teams": OUTLINE_TREE, "objectives": OUTLINE_GOALS}
    assert numbers(org)["sign-5-resellers"] == (0, 5, 2)
    assert len(org.notices) == 1


def test_layout_5_indentation_columns():
    org = load([SHEETS / "indented.csv"])
    assert shape(org) == {"teams": OUTLINE_TREE, "objectives": OUTLINE_GOALS}
    assert org.people is None
    assert not any(k.extensions for _, k in org.key_results())


def test_layout_1_from_an_xlsx_the_project_writes(tmp_path):
    out = tmp_path / "nimbus.xlsx"
    assert main(["convert", str(ROOT / "samples" / "nimbus.yaml"), "-o", str(out)]) == 0
    org = load([out])
    assert len(org.teams) == 8 and len(org.objectives) == 15
    assert {t.id: t.parent for t in org.teams}["mobile"] == "engineering"


def test_the_same_sheet_as_xlsx_reads_as_the_csv(tmp_path):
    from aligngraph.io.tables.sheets import read_sheets

    csv_org = load([SHEETS / "references.csv", SHEETS / "references_teams.csv"])
    book = tmp_path / "refs.xlsx"
    _xlsx_from_csvs(book, {"OKRs": SHEETS / "references.csv",
                           "Teams": SHEETS / "references_teams.csv"})
    assert [s.name for s in read_sheets(str(book), book.read_bytes())[0]] == ["OKRs", "Teams"]
    assert document_data(load([book])) == document_data(csv_org)


def _xlsx_from_csvs(book: Path, sheets: dict[str, Path]) -> None:
    import csv

    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, path in sheets.items():
        sheet = workbook.create_sheet(title)
        with path.open(encoding="utf-8") as handle:
            for row in csv.reader(handle):
                sheet.append([float(c) if c.replace(".", "", 1).isdigit() else c for c in row])
    workbook.save(book)


def test_layout_forced_and_columns_mapped(tmp_path):
    path = write(tmp_path, "odd.csv", """
        Squad,Goal,Measure,Baseline,Target
        Sales,Win the mid-market,Close 12 deals,0,12
        """)
    assert problems_of([path])[0].endswith("or map columns with --columns")
    org = load([path], TableOptions(columns={"Squad": "team", "Goal": "objective",
                                             "Measure": "key_result"}))
    assert shape(org)["objectives"] == {"win-the-mid-market": ("sales", [], ["close-12-deals"])}
    bad = write(tmp_path, "bad.csv", "Squad,Goal,Measure,Target\nSales,,Close,1\n")
    assert problems_of([bad], columns={"Squad": "team", "Goal": "objective",
                                       "Measure": "key_result"}) == [
        f"{bad}:2:2: Goal: missing objective"]
    assert problems_of([path], layout="outline", columns={"Squad": "team"})[0].startswith(
        f"{path}:1: cannot tell what this sheet holds in layout outline (4)")
    assert "unknown layout 'nope'" in problems_of([path], layout="nope")[0]


# Bad files: every problem at once, FILE[:SHEET]:ROW:COLUMN: field: message

def test_layout_1_problems_are_located_in_cells(tmp_path):
    folder = tmp_path / "okrs"
    folder.mkdir()
    write(folder, "teams.csv", """
        id,name,parent,lead
        a,A,,
        b,B,zz,
        """)
    write(folder, "goals.csv", """
        type,id,title,team,objective,target,aligns_too

        objective,O1,Grow,a,,,
        key_result,O1.1,Reach 5,,O1,5%,
        task,T1,Do it,a,,,
        key_result,K9,Orphan,,O7,,
        objective,O2,,b,,,
        """)
    assert problems_of([folder]) == [
        f"{folder}/goals.csv:1:7: aligns_too: unknown column 'aligns_too'; did you mean "
        "'aligns_to'? Valid columns here: type, id, title, team, objective, owner, aligns_to, "
        "depends_on, liaison, contributors, baseline, target, current, unit, score, "
        "confidence, origin, intentional (and x-… extension columns).",
        f"{folder}/goals.csv:4:6: target: expected a number, got '5%'",
        f"{folder}/goals.csv:5:1: type: unknown type 'task'; expected objective or "
        "key_result (or key result, KR)",
        f"{folder}/goals.csv:6:5: objective: unknown objective 'O7'",
        f"{folder}/goals.csv:7:3: title: missing required field 'title'",
        f"{folder}/teams.csv:3:3: parent: unknown team 'zz'",
    ]


def test_layout_2_problems(tmp_path):
    path = write(tmp_path, "rows.csv", """
        Team,Objective,Key Result,Target,Aligns To,Quarter
        Sales,Win,Close deals,12,Grow revenue,Q3
        Sales,Win,Raise win rate,30,Keep customers,Q3
        Sales,Grow,Sign partners,x,,Q4
        Sales,Grow,,,,Q3
        """)
    assert problems_of([path]) == [
        f"{path}:2:5: Aligns To: 'Grow revenue' matches no goal; nearest: 'Grow'",
        f"{path}:3:5: Aligns To: 'Keep customers' differs from 'Grow revenue' on row 2 for "
        "the same objective 'Win'; give one value on every row",
        f"{path}:4:4: Target: expected a number, got 'x'",
        f"{path}:4:6: Quarter: 'Q4' differs from 'Q3' on {path} row 2; one organisation "
        "has one cycle",
    ]


def test_parents_by_title_report_nearest_and_ambiguous(tmp_path):
    path = write(tmp_path, "rows.csv", """
        Team,Objective,Key Result,Aligns To
        Sales,Grow revenue,Close deals,
        Ops,Grow revenue,Cut costs,
        Ops,Be lean,Cut waste,Grow revenue
        Ops,Be quick,Ship faster,Grow revenu
        """)
    assert problems_of([path]) == [
        f"{path}:4:4: Aligns To: 'Grow revenue' matches 2 goals (row 2, row 3); name one "
        "by its reference or exact title",
        f"{path}:5:4: Aligns To: 'Grow revenu' matches no goal; nearest: 'Grow revenue'",
    ]


def test_layout_3_problems(tmp_path):
    path = write(tmp_path, "refs.csv", """
        Row ID,Title,Type,Parent Row IDs,Team
        1,Grow,Objective,,Sales
        2,Reach 5,Key Result,"1, 3",Sales
        3,Shrink,Initiative,,Sales
        1,Again,Objective,,Sales
        4,,Objective,9,Sales
        5,Loop A,Objective,6,Sales
        6,Loop B,Objective,5,Sales
        7,Free,Key Result,,Sales
        """)
    assert problems_of([path]) == [
        f"{path}:3:4: Parent Row IDs: 2 parents where the layout allows one: a key "
        "result's parent is its objective",
        f"{path}:4:3: Type: unknown type 'Initiative'; expected Objective or Key Result",
        f"{path}:5:1: Row ID: duplicate reference '1'; first on row 2",
        f"{path}:6:2: Title: missing title",
        f"{path}:7:4: Parent Row IDs: aligns_to links form a cycle: 5 → 6 → 5",
        f"{path}:9:4: Parent Row IDs: a key result with no parent: name its objective",
    ]


def test_layout_3_unknown_parent_reference(tmp_path):
    path = write(tmp_path, "refs.csv", """
        Row ID,Title,Type,Parent Row IDs,Team
        1,Grow,Objective,9,Sales
        """)
    assert problems_of([path]) == [
        f"{path}:2:4: Parent Row IDs: unknown objective or key result '9'"]


def test_layout_4_and_5_problems(tmp_path):
    outline = write(tmp_path, "outline.csv", """
        Order,Type,Summary,Teams
        1,Objective,Grow,Sales
        1.a,Key Result,Bad number,
        2.1,Key Result,No parent,
        1,Objective,Twice,Sales
        1.1,Key Result,Under KR parent,
        1.1.1,Key Result,Nested KR,
        3,Objective,Two teams,"Sales, Ops"
        """)
    assert problems_of([outline]) == [
        f"{outline}:3:1: Order: expected an outline number such as 1.2.1, got '1.a'",
        f"{outline}:4:1: Order: the parent reference '2' resolves to nothing: no row is "
        "numbered 2",
        f"{outline}:5:1: Order: duplicate reference '1'; first on row 2",
        f"{outline}:7:1: Order: the parent 'Under KR parent' (row 6) is a key result; "
        "a key result's parent is an objective",
        f"{outline}:8:4: Teams: 2 teams given; an objective belongs to one team",
    ]
    indented = write(tmp_path, "goalscape.csv", """
        Main,L1,L2,L3
        Company,,,
        ,,,Too deep
        ,One,Two,
        """)
    assert problems_of([indented]) == [
        f"{indented}:3:4: L3: a goal at level 3 with no goal at level 2 above it",
        f"{indented}:4:3: L2: titles in L1 and L2; write one goal a row, in the column of "
        "its depth",
    ]


def test_a_sheet_of_another_layout_is_not_ignored(tmp_path):
    teams = write(tmp_path, "teams.csv", "id,name,parent\nsales,Sales,\n")
    assert problems_of([SHEETS / "outline.csv", teams]) == [
        f"{teams}:1: this sheet is in aligngraph's layout, unlike the workbook's goal "
        "sheets; one workbook, one layout"]


def test_xlsx_problems_name_the_sheet(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "OKRs"
    sheet.append(["Team", "Objective", "Key Result", "Target"])
    sheet.append(["Sales", "Win", "Close deals", "lots"])
    book.save(tmp_path / "okrs.xlsx")
    assert problems_of([tmp_path / "okrs.xlsx"]) == [
        f"{tmp_path}/okrs.xlsx:OKRs:2:4: Target: expected a number, got 'lots'"]


def test_not_a_spreadsheet_and_exit_code_2(tmp_path, capsys):
    bad = tmp_path / "broken.xlsx"
    bad.write_bytes(b"not a zip")
    assert main(["check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "broken.xlsx: cannot be read as a spreadsheet" in err and "Traceback" not in err


# Round trips: YAML → XLSX → YAML and YAML → CSV folder → YAML lose nothing

def enriched(sample: str) -> str:
    """A sample with settings and x- fields at every level, as the round trip must keep."""
    text = (ROOT / "samples" / sample).read_text(encoding="utf-8")
    org = load_texts([(sample, text)])
    data = document_data(org)
    data["settings"] = {"overloaded-contributor": {"max_objectives": 4, "severity": "error"},
                        "individual-okr": {"enabled": False}, "progress": {"green": 0.8}}
    data["cycle"]["x-board"] = "approved 2026-06-30"
    data["teams"][0]["x-cost-centre"] = "0042"
    data["teams"][1]["x-tags"] = ["core", 2]
    objective = data["objectives"][0]
    objective["x-reported"] = "=81%"
    objective["title"] = "-" + objective["title"]
    kr = objective["key_results"][0]
    kr["x-weight"] = 0.5
    kr["x-done"] = True
    kr["check_ins"][0]["note"] = "blocked; waiting, on legal\nsecond line"
    kr["check_ins"][0]["x-source"] = "2026-07-01"
    import yaml
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


@pytest.mark.parametrize("sample", ["nimbus.yaml", "meridian.yaml"])
@pytest.mark.parametrize("middle", ["okrs.xlsx", "csv/", "okrs.json"])
def test_round_trip_loses_nothing(tmp_path, sample, middle):
    source = tmp_path / sample
    source.write_text(enriched(sample), encoding="utf-8")
    between, back = f"{tmp_path}/{middle}", tmp_path / "back.yaml"
    assert main(["convert", str(source), "-o", between]) == 0
    assert main(["convert", between, "-o", str(back)]) == 0
    before, after = load([source]), load([back])
    assert document_data(after) == document_data(before)
    assert document_data(load([between])) == document_data(before)
    assert report_json(analyse(after)) == report_json(analyse(before))


def test_written_xlsx_has_frozen_header_widths_validation_and_text_not_formulas(tmp_path):
    from openpyxl import load_workbook

    source = tmp_path / "n.yaml"
    source.write_text(enriched("nimbus.yaml"), encoding="utf-8")
    assert main(["convert", str(source), "-o", str(tmp_path / "n.xlsx")]) == 0
    book = load_workbook(tmp_path / "n.xlsx")
    assert book.sheetnames == ["teams", "people", "goals", "check_ins", "cycle", "settings"]
    goals = book["goals"]
    assert goals.freeze_panes == "A2"
    assert [c.value for c in goals[1]][:4] == ["type", "id", "title", "team"]
    assert 10 < goals.column_dimensions["C"].width <= 60
    rules = {str(r.sqref).split(":")[0]: r for r in goals.data_validations.dataValidation}
    assert rules["A2"].formula1 == '"objective,key_result"'
    assert book["check_ins"].data_validations.dataValidation[0].type == "date"
    reported = next(c for c in goals[2] if c.value == "=81%")
    assert reported.data_type == "s"


def test_csv_folder_neutralises_formulas_and_reads_them_back(tmp_path):
    source = tmp_path / "n.yaml"
    source.write_text(enriched("nimbus.yaml"), encoding="utf-8")
    assert main(["convert", str(source), "-o", str(tmp_path / "out") + "/"]) == 0
    text = (tmp_path / "out" / "goals.csv").read_text(encoding="utf-8")
    assert ",'=81%" in text and ",'-Become" in text


def test_template_loads_and_has_instructions(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "okrs.xlsx"
    assert main(["template", "-o", str(out)]) == 0
    assert load_workbook(out).sheetnames[0] == "instructions"
    org = load([out])
    assert [o.id for o in org.objectives] == ["C1"] and org.settings
    assert main(["template", "-o", str(tmp_path / "t.yaml")]) == 2


def test_check_format_csv_neutralises_formula_cells(tmp_path, capsys):
    source = write(tmp_path, "evil.yaml", """
        teams: [{id: "=cmd", name: "=HYPERLINK(\\"http://x\\")"}, {id: "@b", parent: "=cmd"}]
        objectives: []
        """)
    assert main(["check", source, "--format", "csv", "--fail-on", "never"]) == 0
    import csv
    import io
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows[0][:3] == ["severity", "check", "code"]
    cells = [cell for row in rows[1:] for cell in row]
    assert cells and not any(cell and cell[0] in "=+-@\t\r" for cell in cells)
    assert "'=cmd" in cells or "'@b" in cells


def test_uploads_of_csv_and_xlsx_merge_like_files():
    rows = (SHEETS / "rows_goals.csv").read_bytes()
    teams = (SHEETS / "rows_teams.csv").read_bytes()
    org = load_bytes([("goals.csv", rows), ("teams.csv", teams)])
    assert {t.id: t.parent for t in org.teams} == EXPECTED_TREE


def test_reading_yaml_imports_no_pandas():
    import subprocess
    import sys
    code = ("import sys; from aligngraph.cli import main; "
            f"main(['check', {str(ROOT / 'samples' / 'nimbus.yaml')!r}, '--format', 'csv']); "
            "print('pandas' in sys.modules or 'openpyxl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr


def test_blank_rows_and_trailing_empty_columns_are_fine_stray_values_are_not(tmp_path):
    folder = tmp_path / "okrs"
    folder.mkdir()
    write(folder, "teams.csv", "id,name,,\n\na,A,,\n,,,\nb,B,,\n")
    write(folder, "goals.csv", """
        type,id,title,team,objective,x-status,,
        objective,O1,Grow,a,,"[on track, 81]",,
        ,O1.1,Reach 5,,O1,true,,
        objective,O2,Keep,b,,DONE: 81%,,
        """)
    org = load([folder])
    assert [t.id for t in org.teams] == ["a", "b"]
    assert org.objectives[0].extensions == {"x-status": ["on track", 81]}
    assert org.objectives[0].key_results[0].extensions == {"x-status": True}
    assert org.objectives[1].extensions == {"x-status": "DONE: 81%"}
    write(folder, "people.csv", "id,name,team\nana,Ana,a,oops\n")
    assert problems_of([folder]) == [
        f"{folder}/people.csv:2:4: a value in a column with no header"]


def test_cycle_and_settings_rows_are_located(tmp_path):
    folder = tmp_path / "okrs"
    folder.mkdir()
    write(folder, "teams.csv", "id\na\n")
    write(folder, "goals.csv", "type,id,title,team\nobjective,O1,Grow,a\n")
    write(folder, "cycle.csv", "key,value\nname,2026-Q3\nstart,2026-13-01\n")
    write(folder, "settings.csv", "key,value\noverloaded-contributor.max_objectivs,4\n"
                                  "orphan-team.severity,warning\n")
    found = problems_of([folder])
    assert found[0].startswith(f"{folder}/cycle.csv:3:2: start (value): expected a date")
    assert found[1].startswith(f"{folder}/settings.csv:2:2: overloaded-contributor."
                               "max_objectivs (value): unknown option 'max_objectivs'")
    assert len(found) == 2


def test_a_duplicate_id_across_a_sheet_and_a_yaml_file_names_both_places(tmp_path):
    yaml_file = write(tmp_path, "more.yaml", """
        teams: [{id: sales}]
        objectives: [{id: O1, team: sales, title: Again}]
        """)
    sheet = write(tmp_path, "goals.csv", "type,id,title,team\nobjective,O1,Grow,sales\n")
    found = problems_of([yaml_file, sheet])
    assert len(found) == 1 and found[0].startswith(
        f"{sheet}:2:2: id: duplicate objective or key result id 'O1'; first defined at "
        f"{yaml_file}:2")



def ods_bytes(sheets):
    """A minimal OpenDocument spreadsheet: {sheet name: rows of cells}."""
    def cell(v):
        if isinstance(v, (int, float)):
            return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'
        return f'<table:table-cell office:value-type="string"><text:p>{escape(str(v))}</text:p></table:table-cell>'
    tables = "".join(
        f'<table:table table:name="{escape(name)}">' + "".join(
            "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows)
        + "</table:table>" for name, rows in sheets.items())
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>'
               '</office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", manifest)
        z.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def test_ods_is_read_too():
    data = ods_bytes({"OKRs": [["Team", "Objective", "Key Result", "Target"],
                               ["Sales", "Win", "Close deals", 12],
                               ["Sales", "Win", "Raise win rate", "lots"]]})
    with pytest.raises(InputError) as caught:
        load_bytes([("okrs.ods", data)])
    assert [str(p) for p in caught.value.problems] == [
        "okrs.ods:OKRs:3:4: Target: expected a number, got 'lots'"]
    good = ods_bytes({"OKRs": [["Team", "Objective", "Key Result", "Target"],
                               ["Sales", "Win", "Close deals", 12]]})
    org = load_bytes([("okrs.ods", good)])
    assert numbers(org) == {"close-deals": (None, 12, None)}


def test_a_column_map_file_names_itself_in_its_problems(tmp_path, capsys):
    from aligngraph.io.tables import load_column_map

    good = write(tmp_path, "map.yaml", "columns: {Squad: team, Status: x-status}\nlayout: 2\n")
    assert load_column_map(good) == ({"Squad": "team", "Status": "x-status"}, "2")
    bad = write(tmp_path, "bad.yaml", "Squad: tem\n")
    assert main(["check", str(SHEETS / "outline.csv"), "--columns", bad]) == 2
    assert f"{bad}: columns: 'Squad': unknown field 'tem'" in capsys.readouterr().err


def test_semicolon_separated_csv_is_read(tmp_path):
    path = write(tmp_path, "okrs.csv", """
        Team;Objective;Key Result;Target Value
        Sales;Win, then grow;Close deals;12,5
        """)
    with pytest.raises(InputError) as caught:
        load([path])
    assert [str(p) for p in caught.value.problems] == [
        f"{path}:2:4: Target Value: expected a number, got '12,5'"]
