from parindex.frameworks import services
from parindex.frameworks.documents import to_document
from parindex.frameworks.tests.sample import find_node, sample_document
from parindex.frameworks.yaml_format import dump_yaml, load_yaml


def test_dump_load_dump_is_byte_identical():
    first = dump_yaml(sample_document())
    assert dump_yaml(load_yaml(first)) == first


def test_load_gives_back_the_document_with_multiline_text_and_decimals():
    doc = load_yaml(dump_yaml(sample_document()))
    assert doc == sample_document()
    assert find_node(doc, "1.2")["max"] == "0.8042"
    assert "\n" in find_node(doc, "1.1")["guidance"]


def test_export_import_export_through_the_database_is_byte_identical(
    draft_set, province, department
):
    exported = dump_yaml(to_document(draft_set)).encode()
    known = {"NV": department}
    again = services.import_document(None, province, load_yaml(exported), departments=known)
    assert dump_yaml(to_document(again)).encode() == exported
    assert "Bộ chỉ số CCHC cấp xã năm 2022" in exported.decode()
    assert "'0.8042'" in exported.decode()


def test_database_document_equals_the_imported_one(draft_set):
    assert to_document(draft_set) == sample_document()
