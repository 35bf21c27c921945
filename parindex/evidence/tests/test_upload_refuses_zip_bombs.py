"""Archives are judged by their central directory alone, without extracting anything."""

import pytest

from parindex.evidence.exceptions import UploadRefused
from parindex.evidence.tests import samples
from parindex.evidence.tests.conftest import assert_nothing_stored


def test_highly_compressed_archive_is_refused(commune, reporter, upload, media_root):
    # 40 MB of zeros deflates to ~40 kB: a ratio of ~1000.
    bomb = samples.office_zip("word/document.xml", {"word/media/zeros.bin": bytes(40 << 20)})
    assert len(bomb) < 100_000

    with pytest.raises(UploadRefused) as refused:
        upload(commune, reporter, "bomb.docx", bomb)

    assert "ZIP bomb" in str(refused.value.message)
    assert_nothing_stored(media_root)


def test_archive_over_the_uncompressed_bound_is_refused(
    commune, reporter, upload, media_root, settings
):
    settings.EVIDENCE_ZIP_MAX_UNCOMPRESSED_BYTES = 1000
    archive = samples.office_zip("xl/workbook.xml", {"xl/sheet.xml": b"x" * 2000})

    with pytest.raises(UploadRefused) as refused:
        upload(commune, reporter, "big.xlsx", archive)

    assert "ZIP bomb" in str(refused.value.message)
    assert_nothing_stored(media_root)


def test_archive_with_too_many_entries_is_refused(commune, reporter, upload, media_root, settings):
    settings.EVIDENCE_ZIP_MAX_ENTRIES = 50
    many = {f"word/media/{i}.xml": b"" for i in range(60)}
    archive = samples.office_zip("word/document.xml", many)

    with pytest.raises(UploadRefused) as refused:
        upload(commune, reporter, "many.docx", archive)

    assert "at most 50" in str(refused.value.message)
    assert_nothing_stored(media_root)


def test_ordinary_office_file_is_within_the_bounds(commune, reporter, upload):
    assert upload(commune, reporter, "ok.xlsx", samples.xlsx_bytes()).document.pk
