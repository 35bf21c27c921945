"""Blobs left without a row (crash, outer rollback) are found and removed; others are kept."""

import datetime
import io
import os

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command

from parindex.evidence.maintenance import delete_orphan_blobs, orphan_blob_names
from parindex.evidence.tests import samples

OLD = datetime.timedelta(hours=6)


def _age(media_root, name: str, hours: float) -> None:
    path = media_root / name
    past = path.stat().st_mtime - hours * 3600
    os.utime(path, (past, past))


def _orphan(media_root, name: str, hours_old: float) -> str:
    saved = storages["default"].save(name, ContentFile(b"left behind"))
    _age(media_root, saved, hours_old)
    return saved


def test_old_orphans_are_deleted_and_referenced_blobs_kept(commune, reporter, upload, media_root):
    kept = upload(commune, reporter, "a.pdf", samples.pdf_bytes()).document.file.storage_name
    _age(media_root, kept, 24)
    orphan = _orphan(media_root, "evidence/ab/cd/abcd.pdf", hours_old=24)

    assert delete_orphan_blobs(OLD) == [orphan]

    assert storages["default"].exists(kept)
    assert not storages["default"].exists(orphan)


def test_young_orphans_are_left_for_uploads_still_committing(db, media_root):
    _orphan(media_root, "evidence/ab/cd/young.pdf", hours_old=1)

    assert orphan_blob_names(OLD) == []


def test_files_outside_the_evidence_folder_are_not_touched(db, media_root):
    _orphan(media_root, "avatars/someone.png", hours_old=48)

    assert orphan_blob_names(OLD) == []


def test_command_lists_without_deleting_unless_asked(db, media_root):
    orphan = _orphan(media_root, "evidence/00/00/x.pdf", hours_old=48)
    out = io.StringIO()

    call_command("evidence_sweep_orphans", stdout=out, stderr=io.StringIO())

    assert orphan in out.getvalue()
    assert storages["default"].exists(orphan)
    call_command("evidence_sweep_orphans", "--delete", stdout=io.StringIO(), stderr=io.StringIO())
    assert not storages["default"].exists(orphan)


def test_empty_storage_has_no_orphans(db, media_root):
    assert orphan_blob_names(OLD) == []
