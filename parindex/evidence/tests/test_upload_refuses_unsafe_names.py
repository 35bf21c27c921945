"""Names with paths or hidden characters are refused; others are kept as display text only."""

import pytest

from parindex.evidence.exceptions import UploadRefused
from parindex.evidence.filenames import MAX_NAME_LENGTH
from parindex.evidence.tests import samples
from parindex.evidence.tests.conftest import assert_nothing_stored


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("../../etc/passwd", "folder path"),
        ("../../etc/passwd.pdf", "folder path"),
        ("/etc/passwd.pdf", "folder path"),
        ("a\\b.pdf", "folder path"),
        ("..\\..\\boot.ini.pdf", "folder path"),
        ("evil\x00.pdf", "control or invisible"),
        ("line\nbreak.pdf", "control or invisible"),
        ("invoice\u202efdp.exe", "control or invisible"),  # shows as "invoiceexe.pdf"
        ("", "has no name"),
        ("..", "has no name"),
    ],
)
def test_unsafe_name_refused_and_nothing_stored(
    commune, reporter, upload, media_root, name, message
):
    with pytest.raises(UploadRefused) as refused:
        upload(commune, reporter, name, samples.pdf_bytes())

    assert message in str(refused.value.message)
    assert "\x00" not in str(refused.value.message)
    assert_nothing_stored(media_root)


def test_long_name_is_shortened_keeping_its_extension(commune, reporter, upload):
    name = "Báo cáo " * 60 + ".pdf"

    document = upload(commune, reporter, name, samples.pdf_bytes()).document

    assert len(document.original_name) <= MAX_NAME_LENGTH
    assert document.original_name.endswith(".pdf")
    assert document.original_name.startswith("Báo cáo Báo cáo")
