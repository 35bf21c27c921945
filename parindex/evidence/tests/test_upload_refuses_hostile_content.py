"""Content decides the type: anything off the allow-list is refused and nothing is stored."""

import pytest

from parindex.evidence.exceptions import UploadRefused
from parindex.evidence.tests import samples
from parindex.evidence.tests.conftest import assert_nothing_stored

SHELL_SCRIPT = b"#!/bin/sh\nrm -rf / --no-preserve-root\n"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", SHELL_SCRIPT, "not a PDF, an image"),
        ("page.pdf", b"<html><script>alert(1)</script></html>", "not a PDF, an image"),
        ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>', "not a PDF"),
        ("empty.pdf", b"", "The file is empty"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "Old Word/Excel"),
        ("plain.docx", samples.zip_bytes({"a.txt": b"hello"}), "not a PDF, an image"),
        ("no-types.docx", samples.zip_bytes({"word/document.xml": b"<w/>"}), "not a PDF"),
        ("both.docx", samples.office_zip("word/document.xml", {"xl/workbook.xml": b""}), "not"),
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 100, "damaged ZIP"),
        (
            "macro.docx",
            samples.office_zip("word/document.xml", {"word/vbaProject.bin": b"\x00"}),
            "contains macros",
        ),
        (
            "slip.xlsx",
            samples.office_zip("xl/workbook.xml", {"../../etc/cron.d/x": b"* * * * * root"}),
            "unsafe paths",
        ),
    ],
)
def test_refused_with_message_and_nothing_stored(
    commune, reporter, upload, media_root, name, content, message
):
    with pytest.raises(UploadRefused) as refused:
        upload(commune, reporter, name, content)

    assert message in str(refused.value.message)
    assert_nothing_stored(media_root)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("photo.pdf", samples.png_bytes(), ".png"),
        ("scan.png", samples.pdf_bytes(), ".pdf"),
        ("table.docx", samples.xlsx_bytes(), ".xlsx"),
        ("noextension", samples.pdf_bytes(), ".pdf"),
    ],
)
def test_extension_that_disagrees_with_the_content_is_refused(
    commune, reporter, upload, media_root, name, content, expected
):
    with pytest.raises(UploadRefused) as refused:
        upload(commune, reporter, name, content)

    assert f"does not end in {expected}" in str(refused.value.message)
    assert_nothing_stored(media_root)
