"""The loader's fast path for plain YAML builds exactly what PyYAML's safe constructor
builds, and leaves everything else (and every error) to the general path."""

import pytest


PLAIN_DOCUMENTS = [
    "", "a: 1", "- 1\n- 1.5\n- .inf\n- -.NaN\n- 0x1F\n- 0o17\n- 017\n- 1_000\n- 1:30\n- +3",
    "a: yes\nb: No\nc: ~\nd: null\ne: ''\nf: 2026-02-01\ng: 2026-02-01 10:00:00+02:00",
    "'quoted': \"1\"\nlist: [a, 'b', 3]\nnested: {x: {y: [z, {w: 1}]}}",
    "text: |\n  two\n  lines\nfolded: >\n  one\n  line\n", "1: one\n2.5: two\n'1': three",
    "--- \n# just a comment\n...",
]
# "true" is 1 to Python: PyYAML keeps the key 1 with the later value, as the general path does
NOT_PLAIN = ["a: 1\na: 2", "1: one\ntrue: two", "<<: {x: 1}\ny: 2", "s: !!set {a, b}",
             "? [a, b]\n: c", "big: " + "9" * 5000, "d: 2026-02-30", "b: !!binary aGk=",
             "=: x"]


ANCHORED = ["base: &b {x: 1}\nother: *b"]  # parse_yaml takes the general path for these


@pytest.mark.parametrize("document", PLAIN_DOCUMENTS + NOT_PLAIN + ANCHORED)
def test_the_plain_yaml_path_builds_what_pyyaml_builds(document):
    import yaml

    from aligngraph.io import yaml_source

    general = yaml_source._StrictLoader(document)
    try:
        expected = general.get_single_data()
    except yaml.YAMLError:
        expected = "an error"
    if document in NOT_PLAIN:
        with pytest.raises((yaml_source._NotPlain, yaml.YAMLError, ValueError)):
            yaml_source._plain_data(document)
    elif document not in ANCHORED:
        data = yaml_source._plain_data(document)
        assert repr(data) == repr(expected) and data == expected
    parsed, problems = yaml_source.parse_yaml(document, "doc.yaml")
    assert repr(parsed if not problems else "an error") == repr(expected) or (
        general.duplicates and problems[0].message.startswith("duplicate key"))
