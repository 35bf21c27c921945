"""The name a person gave a file: checked, normalised, kept only as display text.

Stored blobs are named by their SHA-256 (see services.blob_storage_name), never by anything a
user typed, so a hostile name cannot reach the file system or the bucket. We still refuse names
that only an attacker or a broken client sends — path separators, traversal, control and
invisible formatting characters (U+202E can make "gpj.exe" display as "exe.jpg") — because a
name that is silently rewritten would no longer match what the person sees on their disk.
"""

import os

from django.utils.translation import gettext as _

from parindex.evidence.exceptions import UploadRefused
from parindex.textnorm import nfc

MAX_NAME_LENGTH = 200


def clean_display_name(raw: str) -> str:
    """NFC, trimmed, at most MAX_NAME_LENGTH characters (extension kept); refuses unsafe names."""
    name = nfc(raw or "")
    if name in {"", ".", ".."}:
        raise UploadRefused(_("The file has no name. Give it a name and upload it again."))
    if "/" in name or "\\" in name:
        raise UploadRefused(
            _(
                "The file name “%(name)s” contains a folder path. "
                "Upload the file under a plain name."
            )
            % {"name": _printable(name)}
        )
    if not name.isprintable():
        raise UploadRefused(
            _(
                "The file name “%(name)s” contains control or invisible characters. "
                "Rename the file and upload it again."
            )
            % {"name": _printable(name)}
        )
    return _shorten(name)


def extension_of(name: str) -> str:
    """The lower-case extension without its dot ('' when there is none)."""
    return os.path.splitext(name)[1].lstrip(".").casefold()


def _shorten(name: str) -> str:
    if len(name) <= MAX_NAME_LENGTH:
        return name
    stem, ext = os.path.splitext(name)
    ext = ext[:20]
    return stem[: MAX_NAME_LENGTH - len(ext)].rstrip() + ext


def _printable(name: str) -> str:
    """The name as it may be echoed in a message: unprintable characters shown as '?'."""
    return "".join(ch if ch.isprintable() else "?" for ch in name)[:MAX_NAME_LENGTH]
