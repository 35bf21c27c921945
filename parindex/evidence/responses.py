"""Streaming a stored blob back to a browser with headers that keep it inert.

The Content-Type is the one we detected at upload (never the browser's claim), only PDF and
raster images are ever shown inline, `nosniff` stops a browser from second-guessing the type,
and the file name goes out RFC 5987-encoded (filename*=utf-8''…) so Vietnamese names survive.
"""

from django.core.files.storage import storages
from django.http import FileResponse
from django.utils.cache import patch_cache_control

from parindex.evidence.models import EvidenceDocument


def file_response(document: EvidenceDocument, *, inline: bool) -> FileResponse:
    """Stream the document's blob through the storage API (local disk or S3)."""
    blob = document.file
    show_inline = inline and blob.file_type.shown_inline
    handle = storages["default"].open(blob.storage_name, "rb")
    response = FileResponse(
        handle,
        as_attachment=not show_inline,
        filename=document.original_name,
        content_type=blob.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Evidence is private to the unit and its appraisers: no shared cache may keep a copy.
    patch_cache_control(response, private=True, no_cache=True)
    return response
