"""settings.UPLOAD_MAX_BYTES is honoured, and an oversized stream is not read to its end."""

import pytest
from django.test import override_settings

from parindex.evidence.exceptions import UploadRefused
from parindex.evidence.services import EvidenceMetadata, upload_evidence
from parindex.evidence.tests import samples
from parindex.evidence.tests.conftest import assert_nothing_stored


def _padded_pdf(size: int) -> bytes:
    content = samples.pdf_bytes()
    return content + b"%" * (size - len(content))


@override_settings(UPLOAD_MAX_BYTES=4096)
def test_file_at_the_limit_is_accepted(commune, reporter, upload):
    document = upload(commune, reporter, "ok.pdf", _padded_pdf(4096)).document

    assert document.file.size == 4096


@override_settings(UPLOAD_MAX_BYTES=4096)
def test_file_one_byte_over_the_limit_is_refused(commune, reporter, upload, media_root):
    with pytest.raises(UploadRefused) as refused:
        upload(commune, reporter, "big.pdf", _padded_pdf(4097))

    assert "larger than the limit of 4.0" in str(refused.value.message)
    assert_nothing_stored(media_root)


class EndlessPdf:
    """A stream that never ends, counting what was read from it."""

    def __init__(self) -> None:
        self.read_bytes = 0

    def read(self, size: int = -1) -> bytes:
        assert size > 0, "an unbounded read() would never return"
        chunk = (b"%PDF-1.4\n" + b"0" * size)[:size] if self.read_bytes == 0 else b"0" * size
        self.read_bytes += size
        return chunk


@override_settings(UPLOAD_MAX_BYTES=200_000)
def test_reading_stops_just_past_the_limit(commune, reporter, media_root):
    stream = EndlessPdf()

    with pytest.raises(UploadRefused):
        upload_evidence(
            actor=reporter,
            unit=commune,
            stream=stream,
            file_name="endless.pdf",
            metadata=EvidenceMetadata(title="x"),
        )

    assert stream.read_bytes == 200_001
    assert_nothing_stored(media_root)
