"""The scoring engine at national scale: 4,000 units × 120 scored leaves.

Steps: load the framework; read the inputs (text → typed values, where input errors arise);
evaluate every unit (leaf rules, sums up the tree, totals, index); aggregate (field statistics);
rank and group. The floor is the cheapest conceivable work on the same data: adding one
precomputed Decimal per scored leaf per unit in a plain loop. Explanations are written only when
read, so they are no step: a note gives what one unit's page costs.
"""

from decimal import Decimal

from bench.campaign_generator import generate_campaign
from bench.measure import Report, Step, best_time, peak_memory
from parindex.scoring import (
    Context,
    evaluate_units,
    field_statistics,
    group_of,
    group_shares,
    load_framework,
    rank,
    read_inputs,
)

NAME = "engine"
DESCRIPTION = "scoring engine: load, read inputs, evaluate, aggregate, rank and group"
FULL = (4000, 120)
QUICK = (200, 120)
BUDGET_SECONDS = 2.0
FLOOR_LIMIT = 10.0


def _floor(values: list[list[Decimal]]) -> list[Decimal]:
    totals = []
    for unit in values:
        total = Decimal(0)
        for value in unit:
            total += value
        totals.append(total)
    return totals


def run(quick: bool = False) -> Report:
    unit_count, leaf_count = QUICK if quick else FULL
    repeats = 3
    campaign = generate_campaign(unit_count, leaf_count)
    framework = load_framework(campaign.document)
    context = Context(year=framework.year)
    node_count = len(framework.nodes)
    raw = list(campaign.inputs.values())
    codes = list(campaign.inputs)
    # One precomputed Decimal per scored leaf per unit, as varied as real points.
    floor_values = [
        [Decimal(f"0.{(u + i) % 100:02d}") for i in range(leaf_count)] for u in range(unit_count)
    ]

    def read_all():
        return [read_inputs(framework, inputs) for inputs in raw]

    unit_inputs = read_all()

    def evaluate_all():
        return evaluate_units(framework, unit_inputs, context)

    results = evaluate_all()
    by_code = dict(zip(codes, results, strict=True))

    def aggregate():
        return field_statistics(framework, by_code)

    def explain_one_unit(language: str) -> list[str]:
        # What a unit's page costs: explanations are written only when read.
        result = results[0]
        return [result.explain(node.code, language) for node in framework.nodes]

    def rank_and_group():
        published = [result.index_rounded for result in results]
        groups = [group_of(index, framework.groups) for index in published]
        return rank(published), group_shares(groups, framework.groups)

    measured = [
        (
            "floor: sum precomputed Decimals",
            lambda: _floor(floor_values),
            unit_count * leaf_count,
            "values",
        ),
        ("load framework", lambda: load_framework(campaign.document), node_count, "nodes"),
        ("read inputs (text → typed)", read_all, unit_count * leaf_count, "leaves"),
        ("evaluate (rules, tree, index)", evaluate_all, unit_count * node_count, "nodes"),
        ("aggregate (field statistics)", aggregate, unit_count * len(framework.fields), "fields"),
        ("rank and group", rank_and_group, unit_count, "units"),
    ]
    steps = []
    for name, action, items, item_name in measured:
        seconds, _ = best_time(action, repeats)
        steps.append(Step(name, seconds, items, item_name, peak_memory(action)))
    floor = steps[0].seconds
    for step in steps[1:]:
        step.floor_ratio = step.seconds / floor
    pipeline = sum(step.seconds for step in steps[1:])
    engine_work = sum(step.seconds for step in steps[3:])  # evaluate, aggregate, rank
    steps.append(
        Step(
            "total (load … rank and group)",
            pipeline,
            unit_count,
            "units",
            floor_ratio=pipeline / floor,
        )
    )
    notes = [
        f"{unit_count} units × {leaf_count} scored leaves ({node_count} nodes), "
        f"best of {repeats} runs; floor = {unit_count * leaf_count:,} Decimal additions.",
        f"Budget {BUDGET_SECONDS:.0f} s for the whole pipeline: {pipeline:.2f} s "
        f"({'within' if pipeline <= BUDGET_SECONDS else 'OVER'} budget).",
        f"Evaluate + aggregate + rank and group on read inputs: {engine_work / floor:.1f}× "
        f"the floor (target ≤ {FLOOR_LIMIT:.0f}×: "
        f"{'met' if engine_work <= FLOOR_LIMIT * floor else 'NOT met'}); "
        f"reading text inputs: {steps[2].floor_ratio:.1f}×.",
    ]
    explained = {
        language: best_time(lambda language=language: explain_one_unit(language), repeats)[0]
        for language in ("vi", "en")
    }
    notes.append(
        f"Explaining one unit's {node_count} nodes when read (not part of the pipeline): "
        f"{explained['vi'] * 1000:.1f} ms in Vietnamese, {explained['en'] * 1000:.1f} ms in "
        "English."
    )
    if quick:
        notes.append("Quick run: sizes too small for the budget figures to mean much.")
    return Report(f"{NAME}: {DESCRIPTION}", steps, notes)
