"""The JSON Schema for editors: published in the repository, draft-07, never stale."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from aligngraph.output.json_schema import okr_schema_text

ROOT = Path(__file__).parent.parent
PUBLISHED = ROOT / "schema" / "aligngraph.schema.json"


def test_the_published_schema_is_the_one_the_models_give():
    assert PUBLISHED.read_text(encoding="utf-8") == okr_schema_text(), (
        "schema/aligngraph.schema.json is stale: regenerate it with "
        "'aligngraph schema -o schema/aligngraph.schema.json'")


def test_the_schema_is_valid_draft_07():
    schema = json.loads(PUBLISHED.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    assert "$defs" not in json.dumps(schema)


@pytest.mark.parametrize("sample", ["nimbus.yaml", "meridian.yaml"])
def test_the_samples_are_valid_against_the_schema(sample):
    schema = json.loads(PUBLISHED.read_text(encoding="utf-8"))
    data = yaml.load((ROOT / "samples" / sample).read_text(encoding="utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    as_an_editor_sees_it = json.loads(json.dumps(data, default=str))  # dates as text
    jsonschema.Draft7Validator(schema).validate(as_an_editor_sees_it)


def test_the_schema_catches_what_an_editor_should_flag():
    schema = json.loads(PUBLISHED.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    assert not validator.is_valid({"teams": [{"id": "a", "colour": "red"}], "objectives": []})
    assert not validator.is_valid({"teams": [{"name": "no id"}], "objectives": []})
    assert validator.is_valid({"teams": [{"id": "a", "x-colour": "red"}], "objectives": []})


def test_schema_command_writes_the_file(tmp_path, capsys):
    from aligngraph.cli import main

    assert main(["schema", "-o", str(tmp_path / "s.json")]) == 0
    assert (tmp_path / "s.json").read_text(encoding="utf-8") == okr_schema_text()
