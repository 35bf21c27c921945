import unicodedata
from decimal import Decimal

import pytest

from parindex.audit.models import AuditEntry
from parindex.frameworks import node_editing, services


def _leaf(**extra) -> dict:
    fields = {"code": "2.2", "title": "Mới", "max_points": Decimal("1")}
    return fields | {"rule": {"kind": "yes_no"}} | extra


def test_adding_a_leaf_with_a_bad_rule_is_refused_with_the_rule_path(draft_set):
    parent = draft_set.nodes.get(code="2")
    bad = _leaf(rule={"kind": "proportional", "floor": "eighty"})
    with pytest.raises(services.RefusedError) as caught:
        node_editing.add_node(None, draft_set, parent, **bad)
    assert all(p.code == "2.2" for p in caught.value.problems)
    assert any(p.path.startswith("rule") for p in caught.value.problems)
    assert not draft_set.nodes.filter(code="2.2").exists()


def test_an_unfinished_field_may_be_saved_in_a_draft(draft_set):
    field = {"code": "3", "title": "Lĩnh vực mới", "max_points": Decimal("5"), "rule": None}
    node = node_editing.add_node(None, draft_set, None, **field)
    assert node.position == 4 and node.depth == 1


def test_a_child_code_outside_its_parent_is_refused(draft_set):
    parent = draft_set.nodes.get(code="2")
    with pytest.raises(services.RefusedError, match="parent"):
        node_editing.add_node(None, draft_set, parent, **_leaf(code="3.1"))


def test_a_duplicate_code_is_refused(draft_set):
    parent = draft_set.nodes.get(code="1")
    with pytest.raises(services.RefusedError, match="already used"):
        node_editing.add_node(None, draft_set, parent, **_leaf(code="1.1"))


def test_update_is_audited_with_before_and_after_and_text_is_nfc(draft_set, organiser):
    node = draft_set.nodes.get(code="1.1")
    decomposed = unicodedata.normalize("NFD", "Kế hoạch")
    node_editing.update_node(organiser, node, title=decomposed)
    node.refresh_from_db()
    assert node.title == unicodedata.normalize("NFC", "Kế hoạch")
    entry = AuditEntry.objects.get(action="framework.node_changed")
    assert entry.data["before"]["title"] == "Ban hành kế hoạch CCHC năm"
    assert entry.data["after"]["title"] == node.title


def test_a_parent_keeps_its_code_while_it_has_children(draft_set):
    node = draft_set.nodes.get(code="1")
    with pytest.raises(services.RefusedError, match="children"):
        node_editing.update_node(None, node, code="9")


def test_delete_removes_the_subtree_and_keeps_it_in_the_audit(draft_set):
    node_editing.delete_node(None, draft_set.nodes.get(code="1"))
    assert not draft_set.nodes.filter(code__startswith="1").exists()
    removed = AuditEntry.objects.get(action="framework.node_deleted").data["removed"]
    assert [n["code"] for n in removed[0]["children"]] == ["1.1", "1.2", "1.3", "1.4"]


def test_move_reorders_siblings(draft_set):
    node_editing.move_node(None, draft_set.nodes.get(code="1.3"), -1)
    order = list(
        draft_set.nodes.filter(parent__code="1").order_by("position").values_list("code", flat=True)
    )
    assert order == ["1.1", "1.3", "1.2", "1.4"]
