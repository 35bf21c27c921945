import pytest

from parindex.audit.models import AuditEntry
from parindex.frameworks import services
from parindex.frameworks.documents import to_document
from parindex.frameworks.models import Status
from parindex.frameworks.tests.sample import sample_document


def test_copy_makes_next_years_draft_with_the_same_tree(published_set, organiser):
    copy = services.copy_to_next_year(organiser, published_set)
    assert (copy.code, copy.year, copy.status) == ("commune-2023", 2023, Status.DRAFT)
    assert copy.title == "Bộ chỉ số CCHC cấp xã năm 2023"
    assert copy.copied_from == published_set
    assert to_document(copy)["nodes"] == sample_document()["nodes"]
    assert copy.nodes.get(code="1").department == published_set.nodes.get(code="1").department
    assert AuditEntry.objects.filter(action="framework.copied", actor=organiser).count() == 1


def test_the_source_is_untouched(published_set):
    before = to_document(published_set)
    copy = services.copy_to_next_year(None, published_set)
    copy.nodes.filter(code="1.1").update(title="Đổi tên")
    assert to_document(published_set) == before


def test_copying_twice_is_refused_because_the_code_exists(published_set):
    services.copy_to_next_year(None, published_set)
    with pytest.raises(services.RefusedError, match="commune-2023"):
        services.copy_to_next_year(None, published_set)


def test_next_year_code_without_a_year_gets_one():
    assert services.next_year_code("xa", 2022) == "xa-2023"
    assert services.next_year_code("xa-2022-v2", 2022) == "xa-2023-v2"
