from parindex.frameworks.diff import diff_documents
from parindex.frameworks.tests.sample import find_node, sample_document


def test_identical_documents_have_an_empty_diff():
    assert diff_documents(sample_document(), sample_document()).is_empty


def test_equal_numbers_spelt_differently_are_not_a_change():
    new = sample_document()
    find_node(new, "1.4")["max"] = "0.50"
    assert diff_documents(sample_document(), new).is_empty


def test_every_kind_of_change_is_reported_by_code():
    old, new = sample_document(), sample_document()
    new["year"] = 2023
    find_node(new, "1.1")["title"] = "Ban hành kế hoạch CCHC"
    find_node(new, "1.2")["max"] = "1"
    find_node(new, "1.3")["rule"]["options"][1]["points"] = "0.25"
    find_node(new, "1.4")["guidance"] = "Mới"
    new["nodes"][0]["children"].pop()  # 1.4 removed after its change: removal wins
    new["nodes"][1]["children"].append({"code": "2.2", "title": "Mới", "max": "1"})
    diff = diff_documents(old, new)
    assert [(c.field, c.old, c.new) for c in diff.header] == [("year", 2022, 2023)]
    assert [c.code for c in diff.renamed] == ["1.1"]
    assert [(c.code, c.old, c.new) for c in diff.max_changed] == [("1.2", "0.8042", "1")]
    assert [c.code for c in diff.rule_changed] == ["1.3"]
    assert [n.code for n in diff.removed] == ["1.4"]
    assert [n.code for n in diff.added] == ["2.2"]
    assert not diff.other_changed


def test_flags_and_order_are_other_changes():
    old, new = sample_document(), sample_document()
    find_node(new, "1.1")["survey"] = True
    children = new["nodes"][0]["children"]
    children[2], children[3] = children[3], children[2]
    changed = {(c.code, c.field) for c in diff_documents(old, new).other_changed}
    assert changed == {("1.1", "survey"), ("1.3", "order"), ("1.4", "order")}


def test_false_flag_equals_a_missing_flag():
    new = sample_document()
    find_node(new, "1.1")["survey"] = False
    assert diff_documents(sample_document(), new).is_empty
