from parindex.frameworks.demo import load_demo_frameworks
from parindex.frameworks.models import FrameworkVersion, Status
from parindex.frameworks.tests.sample import sample_document
from parindex.frameworks.yaml_format import dump_yaml


def test_demo_sets_are_imported_published_once(tmp_path, district, department):
    (tmp_path / "commune-2022.yaml").write_text(dump_yaml(sample_document()), encoding="utf-8")
    first = load_demo_frameworks(district, {"NV": department}, directory=tmp_path)
    assert [(v.code, v.status) for v in first] == [("commune-2022", Status.PUBLISHED)]
    assert load_demo_frameworks(district, {"NV": department}, directory=tmp_path) == []
    assert FrameworkVersion.objects.count() == 1


def test_departments_given_are_used_before_lookup(tmp_path, province, department):
    # The province has no department NV of its own: the mapping passed in resolves it.
    (tmp_path / "a.yaml").write_text(dump_yaml(sample_document()), encoding="utf-8")
    (version,) = load_demo_frameworks(province, {"NV": department}, directory=tmp_path)
    assert version.nodes.get(code="1").department == department
