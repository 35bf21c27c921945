"""Reading an upload once: size limit, SHA-256, and the file type detected from its content.

Nothing here trusts the file name or the browser's Content-Type. The bytes are copied in
chunks into a spooled temporary file (memory, then the temp dir), hashing as they go and
stopping one byte past the limit, so an endless or oversized stream is refused without being
read to its end. Word and Excel files are ZIP archives: we read only their central directory
(names and declared sizes) and never extract anything.
"""

import hashlib
import tempfile
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from parindex.evidence import filetypes
from parindex.evidence.exceptions import UploadRefused

CHUNK_SIZE = 64 * 1024
SPOOL_IN_MEMORY_BYTES = 1024 * 1024

# Bounds against ZIP bombs; settings of the same name override them (tests lower them).
ZIP_MAX_ENTRIES = 5000
ZIP_MAX_UNCOMPRESSED_BYTES = 512 * 1024 * 1024
ZIP_MAX_RATIO = 100  # total uncompressed size / archive size …
ZIP_RATIO_FLOOR_BYTES = 10 * 1024 * 1024  # … checked once the total passes this

_SIGNATURES = (
    (b"%PDF-", filetypes.PDF),
    (b"\x89PNG\r\n\x1a\n", filetypes.PNG),
    (b"\xff\xd8\xff", filetypes.JPEG),
    (b"GIF87a", filetypes.GIF),
    (b"GIF89a", filetypes.GIF),
)
_ZIP_SIGNATURE = b"PK\x03\x04"
# Legacy .doc/.xls/.ppt, and also encrypted .docx/.xlsx (Office wraps those in OLE2).
_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass
class ReceivedFile:
    """An accepted upload's bytes (rewound), size, hex SHA-256 and detected MIME type."""

    file: BinaryIO
    size: int
    sha256: str
    mime: str

    def close(self) -> None:
        self.file.close()


def receive_upload(stream: BinaryIO, max_bytes: int) -> ReceivedFile:
    """Copy, hash and type-check `stream`; UploadRefused (nothing kept) when it fails."""
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY_BYTES)  # noqa: SIM115
    try:
        size, sha256 = _copy_within_limit(stream, spool, max_bytes)
        if size == 0:
            raise UploadRefused(_("The file is empty (0 bytes)."))
        mime = detect_type(spool, size)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    return ReceivedFile(file=spool, size=size, sha256=sha256, mime=mime)


def _copy_within_limit(stream: BinaryIO, out: BinaryIO, max_bytes: int) -> tuple[int, str]:
    digest = hashlib.sha256()
    size = 0
    while chunk := stream.read(min(CHUNK_SIZE, max_bytes + 1 - size)):
        size += len(chunk)
        if size > max_bytes:
            raise UploadRefused(
                _("The file is larger than the limit of %(limit)s.")
                % {"limit": filesizeformat(max_bytes)}
            )
        digest.update(chunk)
        out.write(chunk)
    return size, digest.hexdigest()


def detect_type(file: BinaryIO, size: int) -> str:
    """The allow-listed MIME type of the content, or UploadRefused saying what is wrong."""
    file.seek(0)
    head = file.read(16)
    for signature, mime in _SIGNATURES:
        if head.startswith(signature):
            return mime
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return filetypes.WEBP
    if head.startswith(_ZIP_SIGNATURE):
        return _office_type(file, size)
    if head.startswith(_OLE2_SIGNATURE):
        raise UploadRefused(
            _(
                "Old Word/Excel files (.doc, .xls) and password-protected Office files are "
                "not accepted. Save the file as .docx, .xlsx or PDF without a password and "
                "upload it again."
            )
        )
    raise UploadRefused(_not_allowed_message())


def _not_allowed_message() -> str:
    return _(
        "This file is not a PDF, an image (PNG, JPEG, GIF, WebP), a Word document (.docx) or "
        "an Excel workbook (.xlsx), whatever its name says. Only these types are accepted."
    )


def _office_type(file: BinaryIO, size: int) -> str:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise UploadRefused(_("The file is a damaged ZIP archive.")) from None
    _check_zip_bounds(entries, size)
    names = [entry.filename for entry in entries]
    if any(_unsafe_member_name(name) for name in names):
        raise UploadRefused(_("The archive contains entries with unsafe paths."))
    has_word = any(name.startswith("word/") for name in names)
    has_excel = any(name.startswith("xl/") for name in names)
    if "[Content_Types].xml" not in names or has_word == has_excel:
        raise UploadRefused(_not_allowed_message())
    if any(name.casefold().endswith("vbaproject.bin") for name in names):
        raise UploadRefused(
            _("The document contains macros. Save it without macros (.docx, .xlsx) or as PDF.")
        )
    return filetypes.DOCX if has_word else filetypes.XLSX


def _check_zip_bounds(entries: list[zipfile.ZipInfo], archive_size: int) -> None:
    max_entries = getattr(settings, "EVIDENCE_ZIP_MAX_ENTRIES", ZIP_MAX_ENTRIES)
    max_total = getattr(settings, "EVIDENCE_ZIP_MAX_UNCOMPRESSED_BYTES", ZIP_MAX_UNCOMPRESSED_BYTES)
    max_ratio = getattr(settings, "EVIDENCE_ZIP_MAX_RATIO", ZIP_MAX_RATIO)
    if len(entries) > max_entries:
        raise UploadRefused(
            _("The archive has %(count)d parts; at most %(max)d are accepted.")
            % {"count": len(entries), "max": max_entries}
        )
    total = sum(entry.file_size for entry in entries)
    too_big = total > max_total
    too_compressed = total > ZIP_RATIO_FLOOR_BYTES and total > max_ratio * archive_size
    if too_big or too_compressed:
        raise UploadRefused(
            _(
                "The archive would expand to %(total)s when opened: "
                "it looks like a ZIP bomb and was refused."
            )
            % {"total": filesizeformat(total)}
        )


def _unsafe_member_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return name.startswith("/") or ".." in parts or "\x00" in name
