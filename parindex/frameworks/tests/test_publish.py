import pytest

from parindex.audit.models import AuditEntry
from parindex.frameworks import services
from parindex.frameworks.models import Status


def test_publishing_a_valid_draft_freezes_it_and_is_audited(draft_set, organiser):
    services.publish(organiser, draft_set)
    draft_set.refresh_from_db()
    assert draft_set.status == Status.PUBLISHED
    assert draft_set.published_by == organiser and draft_set.published_at is not None
    entry = AuditEntry.objects.get(action="framework.published")
    assert entry.actor == organiser and entry.object_id == str(draft_set.pk)


def test_publishing_is_refused_listing_every_issue(draft_set):
    leaf = draft_set.nodes.get(code="1.1")
    leaf.max_points = 2  # the field's children no longer add up to its maximum
    leaf.save()
    draft_set.nodes.filter(code="1.3").update(rule={"kind": "bands", "bands": []})
    with pytest.raises(services.RefusedError) as caught:
        services.publish(None, draft_set)
    codes = {(p.code, p.kind) for p in caught.value.problems}
    assert ("1", "node.children_maxima") in codes
    assert any(code == "1.3" for code, _kind in codes)
    draft_set.refresh_from_db()
    assert draft_set.status == Status.DRAFT
    assert not AuditEntry.objects.filter(action="framework.published").exists()


def test_an_empty_draft_cannot_be_published(district):
    fields = {"code": "e", "title": "E", "year": 2024, "unit_kind": "commune"}
    draft = services.create_draft(None, district, **fields)
    with pytest.raises(services.RefusedError, match="no criteria"):
        services.publish(None, draft)
