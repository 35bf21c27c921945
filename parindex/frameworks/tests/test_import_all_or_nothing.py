import pytest

from parindex.audit.models import AuditEntry
from parindex.frameworks import services
from parindex.frameworks.models import FrameworkNode, FrameworkVersion
from parindex.frameworks.tests.sample import find_node, sample_document
from parindex.frameworks.xlsx_format import read_xlsx, write_xlsx


def _nothing_saved() -> bool:
    return not (
        FrameworkVersion.objects.exists()
        or FrameworkNode.objects.exists()
        or AuditEntry.objects.filter(action="framework.imported").exists()
    )


def test_every_problem_is_reported_and_nothing_is_saved(district, department):
    doc = sample_document()
    find_node(doc, "1.2")["rule"]["floor"] = "eighty"
    find_node(doc, "1.3")["department"] = "ZZ"
    find_node(doc, "2.1")["max"] = "2.12345"
    with pytest.raises(services.RefusedError) as caught:
        services.import_document(None, district, doc)
    by_code = {p.code: p for p in caught.value.problems}
    assert set(by_code) >= {"1.2", "1.3", "2.1"}
    assert by_code["1.3"].kind == "department.unknown"
    assert "ZZ" in str(by_code["1.3"])
    assert _nothing_saved()


def test_spreadsheet_problems_name_the_row(district, department):
    doc = sample_document()
    find_node(doc, "1.4")["department"] = "ZZ"
    parsed = read_xlsx(write_xlsx(doc))
    with pytest.raises(services.RefusedError) as caught:
        services.import_document(None, district, parsed.document, rows=parsed.rows)
    (problem,) = caught.value.problems
    assert problem.row == parsed.rows["1.4"]
    assert str(problem).startswith(f"row {parsed.rows['1.4']}")
    assert _nothing_saved()


def test_a_code_already_used_in_the_jurisdiction_is_refused(draft_set, district):
    with pytest.raises(services.RefusedError, match="already exists"):
        services.import_document(None, district, sample_document())
    assert FrameworkVersion.objects.count() == 1


def test_a_successful_import_is_one_audited_draft(district, department, organiser):
    version = services.import_document(organiser, district, sample_document())
    assert version.nodes.count() == 8
    entry = AuditEntry.objects.get(action="framework.imported")
    assert entry.actor == organiser and entry.data["nodes"] == 8
