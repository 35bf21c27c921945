"""The cross-unit figures of a snapshot, computed once when it is taken and stored as JSON.

Everything here comes from the engine's own results (`field_statistics`, `index_spread`,
`group_shares`, each unit's points and maxima) or from the stored unit rows; reading a summary
back (summary.py) converts, never recomputes. JSON holds decimals as strings.

The stored shape (version 1)::

    {"version": 1, "units": 27, "names": {code: name},
     "index": {spread} | null, "fields": [{code, title, maximum, average_percent, spread}],
     "groups": [{label, min, count, share, units: [code]}],
     "nodes": {code: {average, lost_units, lost_share, lost_total}},
     "changes": {compared, score_up, score_same, score_down, gained, lost,
                 rank_up, rank_kept, rank_down, previous: {campaign, year, average, gap} | null},
     "late": [{code, submitted_at}]}
"""

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, localcontext
from operator import itemgetter, sub

from parindex.assessments.models import Assessment
from parindex.scoring import CampaignResult, Framework, Spread, index_spread
from parindex.scoring.rounding import ARITHMETIC, HUNDRED, ZERO, round_average, round_share

SUMMARY_VERSION = 1


def spread_json(spread: Spread | None) -> dict | None:
    if spread is None:
        return None
    return {
        "units": spread.units,
        "average": str(spread.average),
        "highest": str(spread.highest),
        "lowest": str(spread.lowest),
        "gap": str(spread.gap),
        "above_average": spread.above_average,
        "highest_units": list(spread.highest_units),
        "lowest_units": list(spread.lowest_units),
    }


def _fields(campaign_result: CampaignResult) -> list[dict]:
    return [
        {
            "code": row.code,
            "title": row.title,
            "maximum": str(row.maximum),
            "average_percent": None if row.average_percent is None else str(row.average_percent),
            "spread": spread_json(row.spread),
        }
        for row in campaign_result.field_statistics()
    ]


def _groups(campaign_result: CampaignResult, bands: Sequence[dict]) -> list[dict]:
    members: dict[str, list[str]] = {}
    for unit in campaign_result.ranked():
        if unit.group:
            members.setdefault(unit.group, []).append(unit.code)
    minima = {str(band["label"]): str(band["min"]) for band in bands}
    return [
        {
            "label": share.label,
            "min": minima.get(share.label),
            "count": share.count,
            "share": str(share.share),
            "units": members.get(share.label, []),
        }
        for share in campaign_result.shares
    ]


def node_losses(framework: Framework, results: Iterable) -> dict[str, dict]:
    """Per node outside the bonus block: average points, units that lost points, points lost
    (maximum after N/A minus points), from the engine's results.

    Points and maxima are turned node-major once (zip), so each node's figures are a sum and a
    filter over one column rather than 4,000 × 186 steps of Python."""
    nodes = [node for node in framework.nodes if not _in_bonus(framework, node)]
    results = list(results)
    count = len(results)
    if not count:
        empty = {"average": "0", "lost_units": 0, "lost_share": "0", "lost_total": str(ZERO)}
        return {node.code: dict(empty) for node in nodes}
    figures = {}
    with localcontext(ARITHMETIC):
        points = list(zip(*map(points_of, results), strict=True))
        maxima = list(zip(*(result.maxima for result in results), strict=True))
        for node in nodes:
            column = points[node.position]
            gaps = [gap for gap in map(sub, maxima[node.position], column) if gap > 0]
            figures[node.code] = (sum(column, ZERO), len(gaps), sum(gaps, ZERO))
    return {
        code: {
            "average": str(round_average(total / count)),
            "lost_units": losers,
            "lost_share": str(round_share(losers * HUNDRED / count)),
            "lost_total": str(lost),
        }
        for code, (total, losers, lost) in figures.items()
    }


def points_of(result) -> tuple:
    """A unit's points per node in Framework.nodes order: what `result.points` gives, read
    from the engine's shared columns at the unit's index (the way UnitResult documents them)
    in one C-level pass."""
    return tuple(map(itemgetter(result.unit), result.columns))


def _in_bonus(framework: Framework, node) -> bool:
    bonus = framework.plan.bonus
    return bonus is not None and (
        node.position == bonus or bonus in framework.plan.ancestors[node.position]
    )


def changes(rows: Sequence, previous_summary: Mapping | None) -> dict:
    """Rose and fell in score (index points) and in rank against each unit's previous result."""
    up, same, down, rank_up, rank_kept, rank_down = [], [], [], [], [], []
    gained, lost = ZERO, ZERO
    for row in sorted(rows, key=lambda r: (r.rank is None, r.rank or 0, r.unit.code)):
        before = row.previous
        if not before or before.get("index") is None or row.index is None:
            continue
        change = row.index - Decimal(before["index"])
        if change > 0:
            up.append(row.unit.code)
            gained += change
        elif change < 0:
            down.append(row.unit.code)
            lost -= change
        else:
            same.append(row.unit.code)
        if before.get("rank") is not None and row.rank is not None:
            moved = before["rank"] - row.rank
            (rank_up if moved > 0 else rank_down if moved < 0 else rank_kept).append(row.unit.code)
    return {
        "compared": len(up) + len(same) + len(down),
        "score_up": up,
        "score_same": same,
        "score_down": down,
        "gained": str(gained),
        "lost": str(lost),
        "rank_up": rank_up,
        "rank_kept": rank_kept,
        "rank_down": rank_down,
        "previous": previous_summary,
    }


def late_submissions(assessments: Iterable[Assessment]) -> list[dict]:
    late = [a for a in assessments if a.late]
    late.sort(key=lambda a: (a.submitted_at is None, a.submitted_at, a.unit.code))
    return [
        {
            "code": a.unit.code,
            "submitted_at": a.submitted_at.isoformat() if a.submitted_at else None,
        }
        for a in late
    ]


def build_summary(
    campaign_result: CampaignResult,
    rows: Sequence,
    assessments: Sequence[Assessment],
    bands: Sequence[dict],
    previous_summary: Mapping | None,
) -> dict:
    """The JSON stored in ResultSnapshot.summary."""
    results = campaign_result.results()
    return {
        "version": SUMMARY_VERSION,
        "units": len(results),
        "names": {a.unit.code: a.unit.name for a in assessments},
        "index": spread_json(index_spread(results)),
        "fields": _fields(campaign_result),
        "groups": _groups(campaign_result, bands),
        "nodes": node_losses(campaign_result.framework, results.values()),
        "changes": changes(rows, previous_summary),
        "late": late_submissions(assessments),
    }
