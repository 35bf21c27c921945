from parindex.frameworks.documents import from_document, resolve_departments, to_document
from parindex.frameworks.models import FrameworkVersion
from parindex.frameworks.tests.sample import find_node, sample_document
from parindex.orgs.tests.factories import DepartmentFactory


def _empty_version(unit) -> FrameworkVersion:
    return FrameworkVersion.objects.create(
        jurisdiction=unit, code="x", title="X", year=2022, unit_kind="commune"
    )


def test_from_document_then_to_document_is_exact(district, department):
    version = _empty_version(district)
    doc = sample_document() | {"code": "x", "title": "X"}
    from_document(version, doc, {"NV": department})
    assert to_document(version)["nodes"] == doc["nodes"]


def test_stored_decimals_are_decimals_not_floats(draft_set):
    node = draft_set.nodes.get(code="1.2")
    assert str(node.max_points.normalize()) == "0.8042"
    assert node.min_points is None


def test_extension_keys_survive_the_round_trip(district, department):
    version = _empty_version(district)
    doc = sample_document()
    find_node(doc, "1.1")["x_source"] = "Seed 000, 7.1.1"
    from_document(version, doc, {"NV": department})
    assert find_node(to_document(version), "1.1")["x_source"] == "Seed 000, 7.1.1"


def test_department_codes_resolve_to_the_nearest_jurisdiction(province, district, department):
    DepartmentFactory(jurisdiction=province, code="NV", name="Sở Nội vụ")
    provincial = DepartmentFactory(jurisdiction=province, code="TP", name="Sở Tư pháp")
    resolved = resolve_departments(district, {"NV", "TP", "ZZ"})
    assert resolved == {"NV": department, "TP": provincial}
