"""`manage.py take_results_snapshot`: as an organiser it takes the snapshot; anyone else, or a
final snapshot before approval, is refused with a message."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from parindex.results.models import SnapshotKind


def _run(*args) -> str:
    out = StringIO()
    call_command("take_results_snapshot", *args, stdout=out)
    return out.getvalue()


def test_an_organiser_takes_the_final_snapshot(approved, organiser):
    assert "2 units" in _run(str(approved.pk), "--as", "organiser", "--final")
    assert approved.snapshots.get().kind == SnapshotKind.FINAL


def test_others_and_early_final_snapshots_are_refused(step2, organiser, council):
    with pytest.raises(CommandError, match="may not"):
        _run(str(step2.pk), "--as", "council")
    with pytest.raises(CommandError, match="after the council approves"):
        _run(str(step2.pk), "--as", "organiser", "--final")
    assert "Provisional" in _run(str(step2.pk), "--as", "organiser")
