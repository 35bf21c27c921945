"""validate_framework names every problem with its node code, field path and a stable kind."""

import pytest

from parindex.scoring import FrameworkError, Issue, load_framework, validate_framework

from .documents import document, leaf, parent

YES = {"kind": "yes_no"}


def found(doc: object) -> list[tuple[str | None, str, str]]:
    return [(issue.code, issue.path, issue.kind) for issue in validate_framework(doc)]


def test_a_valid_document_has_no_issues():
    assert validate_framework(document(parent("1", "1", [leaf("1.1", "1", YES)]))) == []


def test_codes_must_be_unique():
    doc = document(parent("1", "2", [leaf("1.1", "1", YES), leaf("1.1", "1", YES)]))
    assert found(doc) == [("1", "children[1].code", "code.duplicate")]


def test_a_child_code_extends_its_parents_code():
    doc = document(parent("1", "1", [leaf("2.1", "1", YES)]))
    assert found(doc) == [("1", "children[0].code", "code.not_nested")]
    assert validate_framework(doc)[0].message == "'2.1' does not start with 1."


@pytest.mark.parametrize("code", ["1.2.3", "1 .1", "", "1..1"])
def test_top_level_codes_are_one_segment(code):
    doc = document(parent("1", "1", [leaf("1.1", "1", YES)]), leaf(code, "1", YES))
    kinds = [kind for _code, _path, kind in found(doc)]
    assert kinds in (["code.bad_segment"], ["value.required"])


def test_childrens_maxima_must_add_up_unless_a_gap_is_declared():
    doc = document(parent("1", "2", [leaf("1.1", "1", YES), leaf("1.2", "0.5", YES)]))
    (issue,) = validate_framework(doc)
    assert (issue.code, issue.path, issue.kind) == ("1", "max", "node.children_maxima")
    assert issue.message == (
        'children\'s maxima add up to 1.5, not 2 (declare max_gap: "0.5" if intended)'
    )
    declared = document(
        parent("1", "2", [leaf("1.1", "1", YES), leaf("1.2", "0.5", YES)], max_gap="0.5")
    )
    assert validate_framework(declared) == []


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (parent("1", "1", [leaf("1.1", "1", YES)], rule=YES), ("1", "rule", "node.rule_on_parent")),
        ({"code": "1", "title": "F", "max": "1"}, ("1", "rule", "node.rule_missing")),
        (leaf("1", "1", {"kind": "magic"}), ("1", "rule.kind", "rule.unknown_kind")),
        (leaf("1", 0.5, YES), ("1", "max", "value.not_number")),
        (leaf("1", "0.12345", YES), ("1", "max", "points.too_precise")),
        (leaf("1", "1", YES, min="0.5"), ("1", "min", "node.range")),
        (leaf("1", "1", YES, na="sometimes"), ("1", "na", "value.not_allowed")),
        (leaf("1", "1", YES, chidren=[]), ("1", "chidren", "key.unknown")),
        (leaf("1", "1", YES, max_gap="1"), ("1", "max_gap", "node.max_gap_on_leaf")),
        ({"code": "1", "max": "1", "rule": YES}, ("1", "title", "value.required")),
    ],
)
def test_node_mistakes(node, expected):
    assert expected in found(document(node))


def test_a_float_gets_a_hint_to_write_text():
    (issue,) = validate_framework(document(leaf("1", 0.5, YES)))
    assert issue.message == '0.5 is not a number (write decimals as text, e.g. "0.5")'


def test_bonus_blocks_are_top_level_and_single():
    nested = document(parent("1", "1", [leaf("1.1", "1", YES, bonus=True)]))
    assert ("1.1", "bonus", "node.bonus_nested") in found(nested)
    twice = document(
        leaf("1", "1", YES), leaf("B", "1", YES, bonus=True), leaf("C", "1", YES, bonus=True)
    )
    assert ("C", "bonus", "node.bonus_twice") in found(twice)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ({"format": "parindex-framework/2"}, (None, "format", "header.format")),
        ({"code": "bộ 2022"}, (None, "code", "header.code")),
        ({"year": 20222}, (None, "year", "header.year")),
        ({"scale_to": "0"}, (None, "scale_to", "header.scale_to")),
        ({"unit_kind": "village"}, (None, "unit_kind", "value.not_allowed")),
        (
            {"groups": [{"label": "A", "min": "50"}, {"label": "B", "min": "70"}]},
            (None, "groups[1].min", "groups.order"),
        ),
        (
            {"groups": [{"label": "A", "min": "90"}, {"label": "A", "min": "70"}]},
            (None, "groups[1].label", "groups.duplicate"),
        ),
    ],
)
def test_header_mistakes(header, expected):
    assert expected in found(document(leaf("1", "1", YES), **header))


@pytest.mark.parametrize("garbage", [None, [], "text", {"nodes": "x"}, {"nodes": [None]}])
def test_garbage_gives_issues_not_exceptions(garbage):
    assert validate_framework(garbage)


def test_load_framework_raises_with_every_issue():
    doc = document(parent("1", "2", [leaf("1.1", "1", {"kind": "magic"})]))
    with pytest.raises(FrameworkError) as raised:
        load_framework(doc)
    assert [issue.kind for issue in raised.value.issues] == [
        "rule.unknown_kind",
        "node.children_maxima",
    ]


def test_an_issue_reads_as_node_path_and_message():
    issue = Issue("1.6.1", "bands overlap", "bands.overlap", "rule.bands")
    assert str(issue) == "1.6.1 rule.bands: bands overlap"
    assert str(Issue(None, "format must be 'x'", "header.format")) == "format must be 'x'"
