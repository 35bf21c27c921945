from parindex.frameworks import services
from parindex.frameworks.documents import to_document
from parindex.frameworks.tests.sample import sample_document
from parindex.frameworks.xlsx_format import read_xlsx, write_xlsx


def test_document_to_xlsx_and_back_is_the_same_document():
    parsed = read_xlsx(write_xlsx(sample_document()))
    assert parsed.document == sample_document()


def test_rows_of_codes_follow_the_header_block():
    rows = read_xlsx(write_xlsx(sample_document())).rows
    assert list(rows) == ["1", "1.1", "1.2", "1.3", "1.4", "2", "2.1", "B"]
    assert rows["1.1"] == rows["1"] + 1


def test_database_export_imports_to_the_same_document(draft_set, province, department):
    parsed = read_xlsx(write_xlsx(to_document(draft_set)))
    known = {"NV": department}
    again = services.import_document(None, province, parsed.document, departments=known)
    assert to_document(again) == sample_document()
