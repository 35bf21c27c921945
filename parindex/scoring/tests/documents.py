"""Builders for small framework documents: each test spells out only what it is about."""

from parindex.scoring import Context, Framework, NodeResult, evaluate_unit, load_framework

FORMAT = "parindex-framework/1"


def leaf(code: str, maximum: str, rule: dict, **extra: object) -> dict:
    return {"code": code, "title": f"Leaf {code}", "max": maximum, "rule": rule, **extra}


def parent(code: str, maximum: str, children: list[dict], **extra: object) -> dict:
    return {"code": code, "title": f"Node {code}", "max": maximum, "children": children, **extra}


def document(*nodes: dict, **header: object) -> dict:
    return {
        "format": FORMAT,
        "code": "test-set",
        "title": "Test set",
        "year": 2022,
        **header,
        "nodes": list(nodes),
    }


def one_leaf_framework(rule: dict, maximum: str = "1", **leaf_extra: object) -> Framework:
    """Field "1" holding the single leaf "1.1" scored by `rule`."""
    return load_framework(
        document(parent("1", maximum, [leaf("1.1", maximum, rule, **leaf_extra)]))
    )


def score_leaf(
    rule: dict,
    entry: dict | None,
    maximum: str = "1",
    year: int = 2022,
    *,
    language: str | None = None,
    **leaf_extra: object,
) -> NodeResult:
    """The result of leaf 1.1 for one unit whose only input is `entry`; explanations in
    `language` (None: the engine's default, Vietnamese)."""
    framework = one_leaf_framework(rule, maximum, **leaf_extra)
    inputs = {} if entry is None else {"1.1": entry}
    return evaluate_unit(framework, inputs, Context(year=year), language=language).node("1.1")
