"""Removing stored blobs that no row points at.

The upload service deletes the blob it wrote when its own transaction fails, but two cases are
beyond its reach: a process killed between writing the blob and committing, and a caller that
wraps `upload_evidence` in an outer transaction which later rolls back (Django has no
on-rollback hook). Both leave a blob without an `EvidenceFile` row; this sweep finds them.
Young blobs are left alone: they may belong to an upload whose transaction is still open.
"""

import datetime
from collections.abc import Iterator

from django.core.files.storage import Storage, storages
from django.utils import timezone

from parindex.evidence.models import EvidenceFile

BLOB_ROOT = "evidence"
DEFAULT_MIN_AGE = datetime.timedelta(hours=6)


def stored_blob_names(storage: Storage, folder: str = BLOB_ROOT) -> Iterator[str]:
    """Every file name under `folder`, depth first (works on local disk and on S3)."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from stored_blob_names(storage, f"{folder}/{sub}")


def orphan_blob_names(min_age: datetime.timedelta = DEFAULT_MIN_AGE) -> list[str]:
    """Stored blobs older than `min_age` that no EvidenceFile row names."""
    storage = storages["default"]
    cutoff = timezone.now() - min_age
    known = set(EvidenceFile.objects.values_list("storage_name", flat=True))
    return [
        name
        for name in stored_blob_names(storage)
        if name not in known and storage.get_modified_time(name) < cutoff
    ]


def delete_orphan_blobs(min_age: datetime.timedelta = DEFAULT_MIN_AGE) -> list[str]:
    """Delete what `orphan_blob_names` finds; returns the names deleted."""
    storage = storages["default"]
    orphans = orphan_blob_names(min_age)
    for name in orphans:
        storage.delete(name)
    return orphans
