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


SCALARS = ["", "~", "null", "Null", "NULL", "n", "no", "No", "N", "nope", "y", "yes", "Yes",
           "true", "True", "TRUE", "t", "team", "title", "target", "on", "off", "On", "o",
           "owner", "f", "false", "F", "0", "0.8", "1.9", "-1", "+3", ".5", ".inf", "-.inf",
           ".NaN", "0x1F", "0o17", "017", "1_000", "1:30", "190:20:30", "2026-02-01",
           "2026-02-01 10:00:00+02:00", "2026-02-30", "1e5", "1.0e+5", "<<", "=", "!", "&",
           "*", "a", "id", "Cost per order", "t0-o1.1", "€", "😀", " ", "-", "9" * 5000]


@pytest.mark.parametrize("implicit", [(True, False), (False, True), (True, True),
                                      (False, False)])
def test_the_quick_resolver_answers_what_pyyaml_answers(implicit):
    import yaml

    from aligngraph.io import yaml_source

    quick, pyyaml = yaml_source._QuickLoader(""), yaml_source._BaseLoader("")
    for value in SCALARS * 2:  # the second time from what the quick resolver keeps
        assert quick.resolve(yaml.ScalarNode, value, implicit) == pyyaml.resolve(
            yaml.ScalarNode, value, implicit), value
    for kind in (yaml.SequenceNode, yaml.MappingNode):
        assert quick.resolve(kind, None, implicit[0]) == pyyaml.resolve(kind, None, implicit[0])


def test_the_quick_resolver_keeps_a_bounded_number_of_tags(monkeypatch):
    import yaml

    from aligngraph.io import yaml_source

    monkeypatch.setattr(yaml_source, "_KEPT", 3)
    quick, pyyaml = yaml_source._QuickLoader(""), yaml_source._BaseLoader("")
    for value in SCALARS:
        assert quick.resolve(yaml.ScalarNode, value, (True, False)) == pyyaml.resolve(
            yaml.ScalarNode, value, (True, False)), value
    assert len(quick._tags) == 3


def test_the_quick_resolver_leaves_path_resolvers_to_pyyaml():
    import yaml

    from aligngraph.io import yaml_source

    class WithPaths(yaml_source._QuickLoader):
        pass

    WithPaths.add_path_resolver("!given", ["a"], yaml.ScalarNode)
    loader = WithPaths("a: b")
    try:
        assert loader.get_single_node().value[0][1].tag == "!given"
    finally:
        loader.dispose()


def test_the_plain_path_builds_repeated_and_many_scalars_as_pyyaml(monkeypatch):
    from aligngraph.io import yaml_source

    monkeypatch.setattr(yaml_source, "_KEPT", 5)
    document = "\n".join(f"k{i}: [{i % 7}, {i % 3}.5, 2026-02-0{1 + i % 9}, yes, ~, '1', "
                         f"{{n: {i}, no: x}}]" for i in range(40))
    assert repr(yaml_source._plain_data(document)) == repr(
        yaml_source._StrictLoader(document).get_single_data())


def _nesting_by_walking(data) -> int:
    from aligngraph.io.limits import deepest_path

    return next(n for n in range(200) if deepest_path(data, n) is None)


@pytest.mark.parametrize("document", PLAIN_DOCUMENTS + [
    "a: {b: [[], [{c: [1]}]], d: x}", "- - - - []", "a: 1\nb: {}", "[[[[[{}]]]]]", "5"])
def test_the_plain_path_counts_the_nesting_as_the_depth_limit_counts_it(document):
    from aligngraph.io import yaml_source

    data, problems, nesting = yaml_source.read_yaml(document, "doc.yaml")
    assert not problems and nesting == _nesting_by_walking(data)


@pytest.mark.parametrize("levels", [60, 61, 62, 63, 100])
def test_deep_yaml_is_refused_exactly_past_the_limit_by_either_path(levels):
    import hostile_files as hostile

    from aligngraph import InputError
    from aligngraph.io import yaml_source
    from aligngraph.io.loader import load_texts

    name, text = hostile.deep_yaml(levels=levels)  # nests levels + 3 deep
    data, _, nesting = yaml_source.read_yaml(text, name)
    assert nesting == _nesting_by_walking(data) == levels + 3
    outcomes = []
    for document in (text, text.replace("end\n", "&e end\n")):  # plain, then general path
        try:
            outcomes.append(load_texts([(name, document)]).teams[0].id)
        except InputError as exc:
            outcomes.append([(p.path, p.line, p.column, p.message) for p in exc.problems])
    assert outcomes[0] == outcomes[1] and (outcomes[0] == "a") == (levels + 3 <= 64)
