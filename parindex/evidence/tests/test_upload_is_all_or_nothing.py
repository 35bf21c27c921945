"""If the upload's transaction fails, neither its rows nor a newly stored blob remain."""

import pytest
from django.core.files.storage import FileSystemStorage

from parindex.evidence import services
from parindex.evidence.models import EvidenceDocument, EvidenceFile
from parindex.evidence.tests import samples
from parindex.evidence.tests.conftest import assert_nothing_stored, stored_files


class AuditDown(Exception):
    pass


def _raise_audit_down(*args, **kwargs):
    raise AuditDown


@pytest.fixture
def failing_audit(monkeypatch):
    monkeypatch.setattr(services, "log_action", _raise_audit_down)


def test_failure_after_the_blob_was_written_removes_it(
    commune, reporter, upload, media_root, failing_audit
):
    with pytest.raises(AuditDown):
        upload(commune, reporter, "a.pdf", samples.pdf_bytes())

    assert_nothing_stored(media_root)


def test_failure_while_reusing_a_blob_keeps_the_existing_blob(
    commune, reporter, upload, media_root, monkeypatch
):
    content = samples.pdf_bytes()
    upload(commune, reporter, "a.pdf", content)
    monkeypatch.setattr(services, "log_action", _raise_audit_down)

    with pytest.raises(AuditDown):
        upload(commune, reporter, "again.pdf", content)

    assert EvidenceDocument.objects.count() == 1
    assert EvidenceFile.objects.count() == 1
    assert len(stored_files(media_root)) == 1


def test_storage_failure_leaves_no_rows(commune, reporter, upload, media_root, monkeypatch):
    def broken_save(self, name, content, max_length=None):
        raise OSError("disk full")

    monkeypatch.setattr(FileSystemStorage, "save", broken_save)

    with pytest.raises(OSError, match="disk full"):
        upload(commune, reporter, "a.pdf", samples.pdf_bytes())

    assert_nothing_stored(media_root)
