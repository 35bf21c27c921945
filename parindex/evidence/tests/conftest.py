"""Evidence test fixtures: a throw-away MEDIA_ROOT, an upload helper, "nothing stored" checks."""

import io
from pathlib import Path

import pytest
from django.utils import translation

from parindex.audit.models import AuditEntry
from parindex.evidence.models import EvidenceDocument, EvidenceFile
from parindex.evidence.services import EvidenceMetadata, upload_evidence
from parindex.evidence.tests.samples import pdf_bytes


@pytest.fixture(autouse=True)
def _english(settings):
    """Messages are asserted in English, whatever the Vietnamese catalogue later says."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    """Every evidence test stores blobs on local disk under its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    # WhiteNoise warns (an error under pytest) when STATIC_ROOT is missing, as on a fresh clone.
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return settings.MEDIA_ROOT


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def assert_nothing_stored(root: Path) -> None:
    assert EvidenceFile.objects.count() == 0
    assert EvidenceDocument.objects.count() == 0
    assert not AuditEntry.objects.filter(action__startswith="evidence.").exists()
    assert stored_files(root) == []


@pytest.fixture
def upload():
    """`upload(unit, actor, name, content, title=...)` → UploadResult via the service."""

    def make(unit, actor, name: str, content: bytes, title: str = "Tài liệu", **metadata):
        return upload_evidence(
            actor=actor,
            unit=unit,
            stream=io.BytesIO(content),
            file_name=name,
            metadata=EvidenceMetadata(title=title, **metadata),
        )

    return make


@pytest.fixture
def commune_pdf(commune, reporter, upload) -> EvidenceDocument:
    """A PDF in the commune's library, uploaded by its reporter."""
    return upload(
        commune, reporter, "Quyết định 125.pdf", pdf_bytes(), title="Kế hoạch CCHC năm 2022"
    ).document
