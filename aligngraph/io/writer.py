"""Write a v1 document (plain data) as YAML or JSON, by the file's suffix."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def write_document(data: dict[str, Any], path: Path) -> None:
    """Write ``data`` to ``path``: JSON for ``.json``, YAML (with libyaml) otherwise."""
    with path.open("w", encoding="utf-8") as handle:
        if path.suffix.lower() == ".json":
            json.dump(data, handle, ensure_ascii=False)
        else:
            yaml.dump(data, handle, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                      width=100)
