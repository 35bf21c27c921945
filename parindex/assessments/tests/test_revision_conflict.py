"""Two people editing one node: the save that did not start from the current revision is
refused with the current value, and a race on the same revision fails safely."""

import pytest
from django.db import transaction

from parindex.assessments.entries import RevisionConflict, _insert, record_self_entry
from parindex.assessments.models import Layer, ScoreEntry


def test_a_save_from_a_stale_revision_is_refused_with_the_current_value(reporter, head, assessment):
    record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)  # both opened at 0…
    with pytest.raises(RevisionConflict) as refused:
        record_self_entry(head, assessment, "1.1", {"value": False}, "", 0)  # …head saves late

    assert refused.value.current.revision == 1
    assert refused.value.current.inputs == {"value": True}
    assert "0.5" in refused.value.message and "Lò Văn Báo Cáo" in refused.value.message
    assert ScoreEntry.objects.filter(assessment=assessment, node_code="1.1").count() == 1


def test_after_seeing_the_current_value_the_save_goes_through(reporter, head, assessment):
    record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    entry = record_self_entry(head, assessment, "1.1", {"value": False}, "", 1)
    assert entry.revision == 2


def test_a_save_ahead_of_the_current_revision_is_refused_too(reporter, assessment):
    record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    with pytest.raises(RevisionConflict):
        record_self_entry(reporter, assessment, "1.1", {"value": False}, "", 5)


def test_two_inserts_of_the_same_revision_fail_on_the_unique_constraint(reporter, assessment):
    first = record_self_entry(reporter, assessment, "1.1", {"value": True}, "", 0)
    racing = ScoreEntry(
        assessment=assessment,
        node_code="1.1",
        layer=Layer.SELF,
        revision=first.revision,  # what a concurrent save that read revision 0 would insert
        inputs={"value": False},
        points=0,
    )
    with transaction.atomic(), pytest.raises(RevisionConflict) as refused:
        _insert(racing)
    assert refused.value.current.pk == first.pk
    assert ScoreEntry.objects.filter(assessment=assessment).count() == 1
