import pytest

from parindex.frameworks import node_editing, services
from parindex.frameworks.models import FrameworkNode, FrameworkVersion, FrozenVersionError


@pytest.fixture
def node(published_set):
    return published_set.nodes.get(code="1.1")


def test_saving_a_node_of_a_published_set_raises(node):
    node.title = "Changed"
    with pytest.raises(FrozenVersionError):
        node.save()


def test_deleting_a_node_of_a_published_set_raises(node):
    with pytest.raises(FrozenVersionError):
        node.delete()


def test_bulk_changes_to_published_nodes_raise(published_set, node):
    with pytest.raises(FrozenVersionError):
        FrameworkNode.objects.filter(version=published_set).update(title="x")
    with pytest.raises(FrozenVersionError):
        published_set.nodes.all().delete()
    with pytest.raises(FrozenVersionError):
        FrameworkNode.objects.bulk_create(
            [FrameworkNode(version=published_set, code="9", title="x", max_points=1)]
        )
    assert published_set.nodes.get(code="1.1").title == node.title


def test_a_published_version_cannot_be_saved_or_deleted(published_set):
    published_set.title = "Changed"
    with pytest.raises(FrozenVersionError):
        published_set.save()
    with pytest.raises(FrozenVersionError):
        published_set.delete()
    with pytest.raises(FrozenVersionError):
        FrameworkVersion.objects.filter(pk=published_set.pk).update(title="x")


def test_a_stale_draft_instance_cannot_change_a_version_published_since(draft_set):
    stale = FrameworkVersion.objects.get(pk=draft_set.pk)
    services.publish(None, draft_set)
    stale.title = "Changed"
    with pytest.raises(FrozenVersionError):
        stale.save()


def test_services_refuse_to_edit_a_published_set(published_set, node):
    with pytest.raises(FrozenVersionError):
        node_editing.update_node(None, node, title="Changed")
    with pytest.raises(FrozenVersionError):
        services.delete_draft(None, published_set)
    with pytest.raises(FrozenVersionError):
        services.publish(None, published_set)


def test_draft_nodes_can_still_change(draft_set):
    node = draft_set.nodes.get(code="1.1")
    node.title = "Changed"
    node.save()
    assert draft_set.nodes.get(code="1.1").title == "Changed"
