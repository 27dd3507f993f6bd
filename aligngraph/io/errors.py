"""Turn pydantic's validation errors into messages a person can act on."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from ..errors import excerpt
from ..model import field_names, model_at

_EXPECTED = {
    "string_type": "expected text",
    "float_type": "expected a number",
    "float_parsing": "expected a number",
    "int_type": "expected a whole number",
    "list_type": "expected a list",
    "dict_type": "expected a mapping of keys to values",
    "model_type": "expected a mapping of keys to values",
    "model_attributes_type": "expected a mapping of keys to values",
    "date_type": "expected a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "expected a date written YYYY-MM-DD",
    "date_parsing": "expected a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "expected a date written YYYY-MM-DD, with no time",
    "finite_number": "expected a finite number",
    "string_too_short": "expected non-empty text",
    "less_than_equal": "expected a number from 0 to 1",
    "greater_than_equal": "expected a number from 0 to 1",
    "literal_error": None,
}


def describe_validation_error(error: Mapping[str, Any]) -> tuple[tuple, str]:
    """Return the path and the message for one pydantic error dict."""
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "missing":
        return loc, f"missing required field {excerpt(loc[-1])}"
    expected = _EXPECTED.get(kind) or error["msg"]
    return loc, f"{expected}, got {_shown(error.get('input'))}"


def unknown_key_message(record_loc: tuple, key: str) -> str:
    """Name an unknown key, suggest the nearest valid one, and list the valid keys."""
    model = model_at(record_loc)
    valid = field_names(model) if model else []
    close = difflib.get_close_matches(key, valid, n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    listing = f" Valid keys here: {', '.join(valid)} (and x-… extension keys)." if valid else ""
    return f"unknown key {excerpt(key)}{hint}{listing}"


def _shown(value) -> str:
    return excerpt(value)


def dotted(loc: tuple) -> str:
    """Render a path such as ``objectives[3].key_results[0].target``.

    >>> dotted(("objectives", 3, "key_results", 0, "target"))
    'objectives[3].key_results[0].target'
    >>> dotted(("teams", 0, ""))
    "teams[0]['']"
    """
    text = ""
    for part in loc:
        if isinstance(part, int) or part == "":
            text += f"[{part!r}]"  # an empty key still shows in the path
        else:
            text += f".{part}" if text else str(part)
    return text
