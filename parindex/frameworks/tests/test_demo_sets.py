"""The demo criteria sets in parindex/frameworks/demo/ follow the format and the seeds.

No database: the YAML files are read as plain documents. The engine checks at the end
(validation, and the golden interim evaluation of seed 000) use parindex.scoring.
"""

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

DEMO = Path(__file__).resolve().parents[1] / "demo"
COMMUNE = DEMO / "commune-2022.yaml"
DISTRICT = DEMO / "district-2025.yaml"
INTERIM = DEMO / "district-2025-interim-inputs.yaml"
SETS = [COMMUNE, DISTRICT]

# Node keys whose values are numbers, and rule-config keys that hold numbers.
NUMBER_KEYS = {"max", "min", "max_gap"}
RULE_NUMBER_KEYS = {"yes", "no", "points", "each", "start", "floor", "otherwise", "missing"}
RULE_NUMBER_KEYS |= {"step", "target", "on_error", "min", "max"}
DEPARTMENTS = {"NV", "TP", "TCKH", "VHTT", "VP", "KTHT", "NNPTNT", "TNMT", "YT", "CA"}
YEAR_END_ONLY_SO_FAR = {"1.1.3", "1.2.3", "2.4", "5.6", "5.7.5", "8.2", "8.3"}
YEAR_END_ONLY_SO_FAR |= {"8.4.1", "8.4.2", "8.4.3"}

# Seed 003 (§I.2.2): per field, (criteria, sub-criteria); maxima from its Biểu số 4–11.
COMMUNE_FIELDS = {
    "1": ("11.5", 6, 3),
    "2": ("6.5", 5, 2),
    "3": ("14", 6, 10),
    "4": ("5.5", 5, 4),
    "5": ("8", 4, 6),
    "6": ("8.5", 7, 0),
    "7": ("12", 3, 10),
    "8": ("4", 3, 0),
}
# Seed 000: the interim self-score per field, out of these maxima.
DISTRICT_FIELDS = {
    "1": ("13", "10"),
    "2": ("8.5", "7.5"),
    "3": ("11", "10.95"),
    "4": ("6.5", "6.5"),
    "5": ("9", "6.25"),
    "6": ("9", "8.25"),
    "7": ("9", "5.75"),
    "8": ("4", "0"),
}
# Codes seeds 000 and 004 name (5.7.x, 6.2.x, 7.3.x and 8.2–8.4.3 spelled out).
SEED_CODES = [
    "1.1.3",
    "1.2.3",
    "1.3.3",
    "1.4.3",
    "1.5",
    "1.6.1",
    "1.6.2",
    "1.7.1",
    "2.4",
    "3.5.1",
    "3.6.1",
    "4.1.3",
    "4.3.3",
    "5.4.2",
    "5.4.3",
    "5.6",
    "5.7.1",
    "5.7.2",
    "5.7.5",
    "6.2.1",
    "6.2.2",
    "6.2.6",
    "6.6.2",
    "7.1.1",
    "7.2.1",
    "7.3.1",
    "7.3.2",
    "7.3.3",
    "7.6.1",
    "8.2",
    "8.3",
    "8.4.1",
    "8.4.2",
    "8.4.3",
]


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def walk(nodes, depth=0):
    for node in nodes:
        yield node, depth
        yield from walk(node.get("children") or [], depth + 1)


def by_code(path: Path) -> dict:
    return {node["code"]: node for node, _ in walk(load(path)["nodes"])}


def scalars(value, path=""):
    """Every scalar of a YAML tree with where it sits."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from scalars(item, f"{path}/{key}")
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from scalars(item, f"{path}[{position}]")
    else:
        yield path, value


@pytest.mark.parametrize("path", [*SETS, INTERIM], ids=lambda p: p.name)
def test_file_is_nfc_yaml_without_floats(path):
    text = path.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    floats = [where for where, value in scalars(load(path)) if isinstance(value, float)]
    assert floats == []


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_header_follows_the_format(path):
    doc = load(path)
    assert doc["format"] == "parindex-framework/1"
    assert isinstance(doc["year"], int)
    assert doc["scale_to"] == "100"
    assert isinstance(doc["nodes"], list)


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_every_leaf_has_a_rule_and_no_parent_has_one(path):
    for node, _ in walk(load(path)["nodes"]):
        assert ("rule" in node) != bool(node.get("children")), node["code"]


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_codes_nest_and_are_unique(path):
    seen = set()

    def check(nodes, parent):
        for node in nodes:
            code = node["code"]
            assert isinstance(code, str)
            assert code not in seen
            seen.add(code)
            if parent is not None:
                assert code.startswith(parent + "."), code
                assert "." not in code.removeprefix(parent + "."), code
            check(node.get("children") or [], code)

    check(load(path)["nodes"], None)


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_numbers_are_decimal_strings(path):
    for node, _ in walk(load(path)["nodes"]):
        for key in NUMBER_KEYS & node.keys():
            Decimal(node[key])  # a string that reads as a decimal
            assert isinstance(node[key], str), (node["code"], key)
        for where, value in scalars(node.get("rule", {})):
            if where.rsplit("/", 1)[-1] in RULE_NUMBER_KEYS:
                assert isinstance(value, str), (node["code"], where)
                Decimal(value)


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_children_maxima_add_up_to_the_parent(path):
    for node, _ in walk(load(path)["nodes"]):
        children = node.get("children") or []
        if children:
            total = sum(Decimal(child["max"]) for child in children)
            assert total == Decimal(node["max"]), node["code"]


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_departments_are_demo_codes(path):
    used = {node["department"] for node, _ in walk(load(path)["nodes"]) if "department" in node}
    assert used <= DEPARTMENTS


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (COMMUNE, {code: maximum for code, (maximum, _, _) in COMMUNE_FIELDS.items()}),
        (DISTRICT, {code: maximum for code, (maximum, _) in DISTRICT_FIELDS.items()}),
    ],
    ids=["commune", "district"],
)
def test_field_maxima_are_the_seeds_and_sum_to_70(path, expected):
    fields = load(path)["nodes"]
    assert {field["code"]: field["max"] for field in fields} == expected
    assert sum(Decimal(field["max"]) for field in fields) == Decimal(70)


def test_commune_set_has_seed_003_counts_per_field():
    doc = load(COMMUNE)
    assert (doc["unit_kind"], doc["year"], doc["code"]) == ("commune", 2022, "phu-yen-xa-2022")
    assert [g["min"] for g in doc["groups"]] == ["90", "70", "50", "0"]
    for field in doc["nodes"]:
        criteria = field["children"]
        subs = [sub for criterion in criteria for sub in criterion.get("children") or []]
        assert all(not sub.get("children") for sub in subs)
        assert (len(criteria), len(subs)) == COMMUNE_FIELDS[field["code"]][1:], field["code"]
    depths = [depth for _, depth in walk(doc["nodes"])]
    assert (depths.count(0), depths.count(1), depths.count(2)) == (8, 39, 35)


def test_commune_leaves_are_marked_as_invented():
    # Seed 003 gives fields, counts and maxima only: every criterion's content is invented.
    for node, _ in walk(load(COMMUNE)["nodes"]):
        if "rule" in node:
            assert node["guidance"].startswith("[Demo] "), node["code"]


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_every_leaf_says_how_it_is_scored_and_what_proves_it(path):
    for node, _ in walk(load(path)["nodes"]):
        if "rule" in node:
            assert node["guidance"].strip() and node["evidence"].strip(), node["code"]


def test_district_set_has_every_code_the_seeds_name():
    doc = load(DISTRICT)
    assert (doc["unit_kind"], doc["year"], doc["code"]) == ("district", 2025, "phu-yen-huyen-2025")
    nodes = by_code(DISTRICT)
    assert [code for code in SEED_CODES if code not in nodes] == []


def test_district_rules_have_the_kinds_the_seeds_imply():
    nodes = by_code(DISTRICT)
    rule = {code: node.get("rule", {}) for code, node in nodes.items()}
    assert (rule["7.3.2"]["kind"], rule["7.3.2"]["target"]) == ("proportional", "85")
    assert (rule["7.3.3"]["kind"], rule["7.3.3"]["target"]) == ("proportional", "75")
    assert (rule["1.6.1"]["kind"], rule["1.6.1"]["measure"]) == ("bands", "ratio")
    assert (rule["7.1.1"]["kind"], rule["7.1.1"]["due"]) == ("deadline", "01-31")
    assert rule["5.4.3"]["kind"] == "deductions" and nodes["5.4.3"]["max"] == "1.5"
    assert [event.get("zeroes") for event in rule["5.4.3"]["events"]] == [True]
    options = {option["key"]: Decimal(option["points"]) for option in rule["7.6.1"]["options"]}
    assert options["tot"] - options["dat"] == Decimal("0.5")
    assert (rule["1.5"]["kind"], rule["1.5"]["measure"]) == ("bands", "count")
    assert rule["1.3.3"]["expression"] == "(b/a)*1 + (c/a)*0.5"
    assert rule["8.3"]["kind"] == "derived"
    assert any(rule[code].get("kind") == "survey" and nodes[code].get("survey") for code in rule)
    assert {event["each"] for event in rule["1.2.1"]["events"]} == {"0.25", "0.5"}
    assert rule["1.2.1"]["floor"] == "0"
    kinds = {r["kind"] for r in rule.values() if r}
    assert {"checklist", "manual", "yes_no", "formula"} <= kinds
    assert rule["3.6.2"]["nothing_arose"] == "full"


def test_interim_inputs_answer_only_leaves_and_leave_year_end_items_open():
    nodes = by_code(DISTRICT)
    inputs = load(INTERIM)
    assert all("rule" in nodes[code] for code in inputs)
    year_end = {code for code, node in nodes.items() if node.get("year_end_only")}
    assert year_end == YEAR_END_ONLY_SO_FAR
    assert year_end.isdisjoint(inputs)


def test_interim_inputs_use_seed_000_figures():
    inputs = load(INTERIM)
    assert inputs["7.2.1"]["value"] == {"num": "37", "den": "301"}
    assert inputs["7.3.3"]["value"] == {"num": "38", "den": "489"}
    assert inputs["5.7.1"]["value"] == {"num": "212", "den": "216"}
    assert inputs["5.7.2"]["value"] == {"num": "182", "den": "216"}
    assert inputs["1.7.1"]["value"] == {"num": "30", "den": "100"}
    assert inputs["5.4.2"]["value"] == {"ky_luat": "19"}
    tasks = inputs["1.6.1"]["value"]
    assert int(tasks["den"]) - int(tasks["num"]) == 17  # overdue province-assigned tasks
    on_time = inputs["3.5.1"]["value"]  # district 574/596 plus communes 22,855/23,067
    assert (on_time["num"], on_time["den"]) == (str(574 + 22855), str(596 + 23067))


# --- with the scoring engine -----------------------------------------------------------------


@pytest.fixture(scope="module")
def scoring():
    return pytest.importorskip("parindex.scoring", reason="scoring engine not available")


@pytest.mark.parametrize("path", SETS, ids=lambda p: p.name)
def test_engine_finds_no_issues(scoring, path):
    assert scoring.validate_framework(load(path)) == []


@pytest.fixture(scope="module")
def district(scoring):
    return scoring.load_framework(load(DISTRICT))


@pytest.fixture(scope="module")
def interim(scoring, district):
    return scoring.evaluate_unit(district, load(INTERIM))


def test_interim_reproduces_seed_000_field_self_scores(interim):
    fields = {field.code: (field.maximum, field.points) for field in interim.field_scores()}
    expected = {
        code: (Decimal(maximum), Decimal(points))
        for code, (maximum, points) in DISTRICT_FIELDS.items()
    }
    assert fields == expected
    assert (interim.total, interim.maximum) == (Decimal("55.20"), Decimal(70))
    assert interim.index_rounded == Decimal("78.86")


@pytest.mark.parametrize(
    ("code", "points"),
    [
        ("1.6.1", "0.5"),  # 17 overdue tasks: 0.5 lost
        ("1.6.2", "0"),  # one reprimand letter from the province
        ("1.7.1", "0"),  # 30 of 100 million allocated
        ("3.5.1", "0.95"),  # −0.05: on-time share under 100%
        ("5.4.2", "0"),  # 19 disciplined
        ("5.7.1", "0"),  # 212/216
        ("5.7.2", "0.25"),  # 182/216: not the full 0.5
        ("6.2.6", "0"),  # no additional self-financing unit
        ("6.6.2", "0"),  # scheme not finished
        ("7.1.1", "0"),  # plan issued after January
        ("7.2.1", "0"),  # 37/301
        ("7.3.1", "0"),  # 7/301
        ("7.3.2", "0"),  # no dossier through the postal service
        ("7.3.3", "0"),  # 38/489
    ],
)
def test_interim_loses_points_where_seed_000_says(interim, code, points):
    assert interim.node(code).points == Decimal(points)


@pytest.mark.parametrize(
    ("code", "entry", "lost"),
    [
        ("1.3.3", {"a": "4", "b": "0", "c": "0"}, "1"),  # issues found, none remedied
        ("1.4.3", {"value": []}, "0.75"),  # only traditional channels
        ("1.5", {"value": "1"}, "1"),  # one initiative, two needed
        ("3.6.1", {"value": {"num": "0", "den": "5"}}, "0.5"),  # no apology letters
        ("4.1.3", {"value": {"num": "0", "den": "40"}}, "1"),  # no reduction since 2020
        ("4.3.3", {"value": {"num": "3", "den": "4"}}, "1.5"),  # not all issues handled
        ("5.4.3", {"value": {"nhung_nhieu": "1"}}, "1.5"),  # a staff member disciplined
        ("7.6.1", {"value": "dat"}, "0.5"),  # ISO 9001 rated Đạt, not Tốt
    ],
)
def test_seed_004_losses_are_reproduced(scoring, district, code, entry, lost):
    result = scoring.evaluate_unit(district, {code: entry})
    node = result.node(code)
    assert node.maximum - node.points == Decimal(lost)
