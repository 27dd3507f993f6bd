"""Hostile OKR files, built small and on demand: the tests assert their errors and
benchmarks/hostile_input.py times them. Each builder returns ``(name, text)``."""

from __future__ import annotations

import json

MEGABYTE = 1_000_000


def alias_bomb(levels: int = 9, under_extension: bool = False) -> tuple[str, str]:
    """Each line an anchor of nine aliases of the line above: 9**levels values, ~400 bytes.

    The last anchor is used as the teams, or stored under a team's ``x-`` key.
    """
    lines = ["x-l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, levels):
        lines.append(f"x-l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * 9)}]")
    last = f"*l{levels - 1}"
    if under_extension:
        lines.append(f"teams: [{{id: a, x-bomb: {last}}}]")
    else:
        lines.append(f"teams: {last}")
    lines.append("objectives: []")
    return "bomb.yaml", "\n".join(lines) + "\n"


def self_containing_alias() -> tuple[str, str]:
    """An anchor whose value holds an alias of itself: a structure with no end."""
    return "loop.yaml", "teams: [{id: a, x-loop: &loop [1, *loop]}]\nobjectives: []\n"


def deep_json(size: int = MEGABYTE) -> tuple[str, str]:
    """An ``x-`` field nested by brackets as deep as ``size`` bytes allow."""
    depth = (size - 60) // 2
    return "deep.json", ('{"teams": [{"id": "a", "x-deep": ' + "[" * depth + "]" * depth
                         + '}], "objectives": []}')


def deep_yaml(levels: int = 200) -> tuple[str, str]:
    """An ``x-`` field of nested block mappings, each level indented one more."""
    body = "".join(" " * (6 + i) + f"k{i}:\n" for i in range(levels))
    return "deep.yaml", f"teams:\n  - id: a\n    x-deep:\n{body}{' ' * (6 + levels)}end\n" \
                        "objectives: []\n"


def flat_list_json(size: int = MEGABYTE) -> tuple[str, str]:
    """A list of teams that are not mappings, as long as ``size`` bytes allow."""
    count = (size - 40) // 2
    return "flat.json", '{"teams": [' + ",".join(["1"] * count) + '], "objectives": []}'


def flat_list_yaml(size: int = MEGABYTE) -> tuple[str, str]:
    """The same flat list of non-mappings, in YAML's block style."""
    count = (size - 30) // 4
    return "flat.yaml", "teams:\n" + "- 1\n" * count + "objectives: []\n"


def many_teams_json(count: int) -> tuple[str, str]:
    """``count`` valid teams: more records than a small limit allows."""
    teams = [{"id": f"t{i}"} for i in range(count)]
    return "many.json", json.dumps({"teams": teams, "objectives": []})


def long_title_json(characters: int = MEGABYTE) -> tuple[str, str]:
    """One objective whose title is a single unbroken word of ``characters`` letters."""
    data = {"teams": [{"id": "a"}],
            "objectives": [{"id": "O1", "team": "a", "title": "W" * characters}]}
    return "title.json", json.dumps(data, indent=1)


def unknown_references_json(count: int = 10_000) -> tuple[str, str]:
    """``count`` teams and ``count`` objectives each naming a team that does not exist,
    with ids alike enough that a suggestion could be sought for every one."""
    teams = [{"id": f"team-{i:05d}"} for i in range(count)]
    objectives = [{"id": f"O{i}", "team": f"taem-{i:05d}", "title": "x"} for i in range(count)]
    return "refs.json", json.dumps({"teams": teams, "objectives": objectives})


def many_unknown_keys_yaml(count: int = 60_000) -> tuple[str, str]:
    """One team with ``count`` keys that are not in the format."""
    keys = "".join(f"    k{i}: 1\n" for i in range(count))
    return "keys.yaml", f"teams:\n  - id: a\n{keys}objectives: []\n"


def huge_number_yaml(digits: int = 100_000) -> tuple[str, str]:
    """A target with more digits than Python converts."""
    return "number.yaml", ("teams: [{id: a}]\nobjectives:\n  - id: O1\n    team: a\n"
                           "    title: x\n    key_results:\n"
                           f"      - {{id: K1, title: y, target: {'9' * digits}}}\n")


def huge_number_json(digits: int = 100_000) -> tuple[str, str]:
    """The same target, in JSON."""
    name, text = huge_number_yaml(digits)
    return "number.json", ('{"teams": [{"id": "a"}], "objectives": [{"id": "O1", "team": "a", '
                           '"title": "x", "key_results": [{"id": "K1", "title": "y", "target": '
                           + "9" * digits + "}]}]}")


ALL = {
    "alias bomb, 9 levels, as the teams": alias_bomb,
    "alias bomb, 9 levels, under a team's x- key": lambda: alias_bomb(under_extension=True),
    "alias inside its own anchor": self_containing_alias,
    "deep nesting, JSON, 1 MB of brackets": deep_json,
    "deep nesting, YAML, 200 block levels": deep_yaml,
    "huge flat list, JSON, 1 MB": flat_list_json,
    "huge flat list, YAML, 1 MB": flat_list_yaml,
    "1 MB title, one unbroken word": long_title_json,
    "10,000 unknown team references": unknown_references_json,
    "60,000 unknown keys in one team": many_unknown_keys_yaml,
    "whole number of 100,000 digits, YAML": huge_number_yaml,
    "whole number of 100,000 digits, JSON": huge_number_json,
}
