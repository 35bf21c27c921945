"""Who may do what with evidence, expressed only through parindex.orgs.access.

This module holds no scope rules of its own: it names the roles for each action and asks
`access` whether the user holds one of them over the document's unit. The refusals follow
`access.get_unit`: outside the user's sight → 404, seen but without the role → 403.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from parindex.evidence.models import EvidenceDocument
from parindex.orgs import access
from parindex.orgs.models import Role, Unit
from parindex.textnorm import fold

# Read a unit's library, preview and download its documents. Department owners are left out on
# purpose: they see lost points and remediation tasks, not the units' evidence (evidence.md).
VIEW_ROLES = frozenset(
    {Role.REPORTER, Role.HEAD, Role.ORGANISER, Role.COUNCIL, Role.VIEWER, Role.APPRAISER}
)
# Upload to a unit's library, edit metadata, cite documents in the unit's assessment.
EDIT_ROLES = frozenset({Role.REPORTER, Role.HEAD, Role.ORGANISER})


def get_document(user, pk: int, roles=VIEW_ROLES) -> EvidenceDocument:
    """The document, or 404 when its unit is outside the user's sight, 403 when seen without
    one of `roles`."""
    try:
        document = EvidenceDocument.objects.select_related("unit", "file", "uploaded_by").get(pk=pk)
    except EvidenceDocument.DoesNotExist:
        raise Http404 from None
    if not access.has_role(user, document.unit, access.ALL_ROLES):
        raise Http404
    if not access.has_role(user, document.unit, roles):
        raise PermissionDenied
    return document


def may_edit(user, unit: Unit) -> bool:
    return access.has_role(user, unit, EDIT_ROLES)


def library_units(user) -> QuerySet[Unit]:
    """Units whose evidence library the user may open."""
    return access.units_with_role(user, VIEW_ROLES)


def library_documents(unit: Unit, query: str = "") -> QuerySet[EvidenceDocument]:
    """A unit's documents, newest first; `query` words must all appear (accent-insensitive)."""
    documents = EvidenceDocument.objects.filter(unit=unit).select_related("file", "uploaded_by")
    for word in fold(query).split():
        documents = documents.filter(search_text__contains=word)
    return documents
