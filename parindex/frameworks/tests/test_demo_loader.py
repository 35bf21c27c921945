from parindex.frameworks.demo import load_demo_frameworks
from parindex.frameworks.models import FrameworkVersion, Status
from parindex.frameworks.tests.sample import sample_document
from parindex.frameworks.yaml_format import dump_yaml
from parindex.orgs.tests.factories import DepartmentFactory


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


def test_inputs_files_in_the_folder_are_not_taken_for_criteria_sets(tmp_path, district):
    (tmp_path / "inputs.yaml").write_text('"1.1": {value: true}\n', encoding="utf-8")
    assert load_demo_frameworks(district, {}, directory=tmp_path) == []


def test_the_shipped_demo_sets_load_and_publish(district):
    codes = ["NV", "TP", "TCKH", "VHTT", "VP", "KTHT", "NNPTNT", "TNMT", "YT", "CA"]
    departments = {
        code: DepartmentFactory(jurisdiction=district, code=code, name=f"Phòng {code}")
        for code in codes
    }
    loaded = load_demo_frameworks(district, departments)
    assert loaded and all(v.status == Status.PUBLISHED for v in loaded)
    assert all(v.nodes.exists() for v in loaded)
