"""The allow-list of evidence file types: what each is called, its names and how it is shown.

Types are keyed by the MIME type we *detect from the content* (see inspection.py); the name a
user gave the file is only checked against it. No type here can carry script a browser would
run when shown inline: HTML, SVG and XML are deliberately absent.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
WEBP = "image/webp"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class FileType:
    mime: str
    label: str | Promise
    extensions: tuple[str, ...]  # lower case, without the dot; the first is canonical
    preview: str  # "pdf", "image" or "" (download only)

    @property
    def shown_inline(self) -> bool:
        return bool(self.preview)

    @property
    def canonical_extension(self) -> str:
        return self.extensions[0]


FILE_TYPES: dict[str, FileType] = {
    t.mime: t
    for t in (
        FileType(PDF, _("PDF document"), ("pdf",), "pdf"),
        FileType(PNG, _("PNG image"), ("png",), "image"),
        FileType(JPEG, _("JPEG image"), ("jpg", "jpeg", "jpe", "jfif"), "image"),
        FileType(GIF, _("GIF image"), ("gif",), "image"),
        FileType(WEBP, _("WebP image"), ("webp",), "image"),
        FileType(DOCX, _("Word document (.docx)"), ("docx",), ""),
        FileType(XLSX, _("Excel workbook (.xlsx)"), ("xlsx",), ""),
    )
}


def file_type(mime: str) -> FileType:
    """The allow-listed type for a stored MIME type (KeyError for anything else)."""
    return FILE_TYPES[mime]


def accepted_extensions() -> list[str]:
    """Every accepted extension with its dot, for the file input's `accept` hint."""
    return [f".{ext}" for t in FILE_TYPES.values() for ext in t.extensions]
