"""Evidence workflows: upload (validate, deduplicate, store, audit), metadata edits, citation.

An upload is all-or-nothing: the blob is written inside the transaction that creates its rows,
and deleted again if anything in that transaction fails, so there is never a row without its
blob nor (barring a crash between the two) a blob without its row. A blob that is already
stored is reused, never rewritten or deleted by a failing upload.
"""

import datetime
from dataclasses import asdict, dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from parindex.audit.services import log_action
from parindex.evidence.exceptions import CitationRefused, EditConflict, UploadRefused
from parindex.evidence.filenames import clean_display_name, extension_of
from parindex.evidence.filetypes import file_type
from parindex.evidence.inspection import ReceivedFile, receive_upload
from parindex.evidence.models import METADATA_FIELDS, EvidenceDocument, EvidenceFile
from parindex.evidence.queries import library_documents, may_edit
from parindex.orgs.models import Unit
from parindex.textnorm import nfc

LOCATOR_MAX_LENGTH = 200


@dataclass(frozen=True)
class EvidenceMetadata:
    """What a person says about a document (số hiệu, ngày, cơ quan ban hành, trích yếu)."""

    title: str
    number: str = ""
    issued_on: datetime.date | None = None
    issuing_body: str = ""
    notes: str = ""


@dataclass(frozen=True)
class UploadResult:
    document: EvidenceDocument
    reused_file: bool  # the same bytes were already stored (by any unit)
    same_file_in_unit: list[EvidenceDocument]  # earlier documents of this unit with these bytes


def blob_storage_name(sha256: str, mime: str) -> str:
    """Where a blob lives: derived from its hash only, never from a user-supplied name."""
    return f"evidence/{sha256[:2]}/{sha256[2:4]}/{sha256}.{file_type(mime).canonical_extension}"


def upload_evidence(
    *, actor, unit: Unit, stream, file_name: str, metadata: EvidenceMetadata
) -> UploadResult:
    """Validate `stream` by content and store it as a document of `unit`.

    `stream` is anything with `read(n)` (an UploadedFile, an open file); `file_name` is the name
    the person gave it. UploadRefused carries the reason; nothing is stored then.
    """
    display_name = clean_display_name(file_name)
    received = receive_upload(stream, settings.UPLOAD_MAX_BYTES)
    try:
        _check_extension(display_name, received.mime)
        return _store(actor, unit, received, display_name, metadata)
    finally:
        received.close()


def _check_extension(name: str, mime: str) -> None:
    kind = file_type(mime)
    if extension_of(name) not in kind.extensions:
        raise UploadRefused(
            _(
                "“%(name)s” is a %(kind)s, but its name does not end in %(expected)s. "
                "Rename the file and upload it again."
            )
            % {
                "name": name,
                "kind": kind.label,
                "expected": " / ".join(f".{ext}" for ext in kind.extensions),
            }
        )


def _store(
    actor, unit: Unit, received: ReceivedFile, name: str, metadata: EvidenceMetadata
) -> UploadResult:
    storage = storages["default"]
    saved: list[str] = []
    try:
        with transaction.atomic():
            blob, created = EvidenceFile.objects.get_or_create(
                sha256=received.sha256,
                defaults={"size": received.size, "content_type": received.mime},
            )
            if created:
                target = blob_storage_name(received.sha256, received.mime)
                blob.storage_name = storage.save(target, File(received.file))
                saved.append(blob.storage_name)
                blob.save(update_fields=["storage_name"])
            earlier = list(EvidenceDocument.objects.filter(unit=unit, file=blob))
            document = EvidenceDocument.objects.create(
                unit=unit,
                file=blob,
                original_name=name,
                uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
                **asdict(metadata),
            )
            log_action(actor, "evidence.uploaded", document, unit=unit, data=_upload_data(document))
    except BaseException:
        for stored_name in saved:
            storage.delete(stored_name)
        raise
    return UploadResult(document, reused_file=not created, same_file_in_unit=earlier)


def _upload_data(document: EvidenceDocument) -> dict:
    blob = document.file
    return {
        "file_name": document.original_name,
        "sha256": blob.sha256,
        "size": blob.size,
        "content_type": blob.content_type,
        **document.metadata(),
    }


@transaction.atomic
def edit_metadata(
    *, actor, document: EvidenceDocument, metadata: EvidenceMetadata, expected_version: int
) -> dict[str, list[str]]:
    """Apply new metadata; returns {field: [old, new]} of what changed (also in the audit).

    EditConflict when someone saved the document since `expected_version` was read.
    """
    locked = EvidenceDocument.objects.select_for_update().get(pk=document.pk)
    if locked.version != expected_version:
        raise EditConflict(
            _(
                "Someone else changed this document while you were editing it. "
                "Your changes were not saved; review the current values and edit again."
            )
        )
    before = locked.metadata()
    for name in METADATA_FIELDS:
        setattr(locked, name, getattr(metadata, name))
    locked.normalise()
    after = locked.metadata()
    changes = {k: [before[k], after[k]] for k in METADATA_FIELDS if before[k] != after[k]}
    if changes:
        locked.version += 1
        locked.save()
        log_action(
            actor, "evidence.metadata_changed", locked, unit=locked.unit, data={"changes": changes}
        )
    return changes


# --- The link the assessment app will make (see docs/evidence.md) ---------------------------


def citable_documents(user, unit: Unit) -> QuerySet[EvidenceDocument]:
    """Documents `user` may cite in `unit`'s assessment: the unit's own library, or none."""
    if not may_edit(user, unit):
        return EvidenceDocument.objects.none()
    return library_documents(unit)


def check_citation(user, document: EvidenceDocument, unit: Unit, locator: str = "") -> str:
    """Refuse unless `user` may cite `document` for `unit`; return the NFC page/section text.

    PermissionDenied when the user may not edit the unit's evidence; CitationRefused when the
    document is another unit's or the locator is too long.
    """
    if not may_edit(user, unit):
        raise PermissionDenied
    if document.unit_id != unit.pk:
        raise CitationRefused(
            _("This document belongs to another unit's library. Upload it to this unit first.")
        )
    locator = nfc(locator or "")
    if len(locator) > LOCATOR_MAX_LENGTH:
        raise CitationRefused(
            _("The page or section is longer than %(max)d characters.")
            % {"max": LOCATOR_MAX_LENGTH}
        )
    return locator
