"""The read API over a small approved campaign: every reader returns the stored figures."""

from decimal import Decimal

from parindex.results import services
from parindex.results.summary import (
    campaign_summary,
    criterion_losses,
    unit_rows,
    unit_scorecard,
)


def test_readers_return_the_snapshot_figures(approved, organiser, commune):
    snapshot = services.take_final(organiser, approved)
    assert services.latest_snapshot(approved) == snapshot

    summary = campaign_summary(snapshot)
    assert summary.units == 2
    assert summary.compared == 0 and summary.previous_year is None
    assert [f.code for f in summary.fields] == ["1", "2"]

    rows = unit_rows(snapshot)
    assert [r.rank for r in rows] == sorted(r.rank for r in rows)
    assert all(r.direction is None for r in rows)

    card = unit_scorecard(snapshot, commune)
    assert card.unit.code == commune.code
    node = next(n for n in card.nodes if n.code == "1.1")
    assert node.points == Decimal("0.5") and node.reason == "Văn bản hợp lệ"
    assert node.explanation

    losses = criterion_losses(snapshot)
    assert [loss.lost_total for loss in losses] == sorted(
        (loss.lost_total for loss in losses), reverse=True
    )
