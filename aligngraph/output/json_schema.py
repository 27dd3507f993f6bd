"""The JSON Schema of the OKR file format, for editors: draft-07, which every
YAML and JSON language server reads.

The repository publishes it as ``schema/aligngraph.schema.json``; regenerate that file
with ``aligngraph schema -o schema/aligngraph.schema.json`` (a test fails when it is
stale).
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Document

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def okr_schema() -> dict[str, Any]:
    """The schema of one OKR file, in JSON Schema draft-07.

    pydantic writes draft 2020-12, whose only keyword this schema uses that draft-07
    lacks is ``$defs``: it becomes ``definitions``, and every ``$ref`` points there.
    """
    schema = Document.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    return {"$schema": DRAFT_07, **schema, "definitions": definitions}


def okr_schema_text() -> str:
    """The schema as the indented JSON text the repository publishes."""
    return json.dumps(okr_schema(), indent=2, ensure_ascii=False) + "\n"
