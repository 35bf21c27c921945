"""Saving a node: `record_entry` for any layer, `record_self_entry` for the unit's own.

Every save appends a ScoreEntry with the next revision. The caller says which revision it
started from (`base_revision`, 0 for none); if someone saved the node since, the save is refused
with `RevisionConflict` carrying the current entry, so nobody overwrites what they never saw.
Points and the explanation line come from the engine at save time and are kept for history;
the line is written in the product's language (settings.LANGUAGE_CODE) whoever saved, so the
record reads the same for everyone. Pages show the current explanation in the reader's language
from the engine instead.
"""

import datetime
from collections.abc import Mapping

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from parindex.assessments.criteria import criteria_for
from parindex.assessments.models import (
    Assessment,
    AssessmentStatus,
    CampaignStatus,
    Layer,
    ScoreEntry,
)
from parindex.assessments.self_scores import refresh_self_scores
from parindex.audit.services import log_action
from parindex.orgs import access
from parindex.scoring import Context, InputError, InputErrors, NodeResult, evaluate_unit
from parindex.textnorm import nfc

# Campaign stages during which a unit that has not submitted may still work on its self layer
# (seed 003: three communes submitted after the deadline, while step 1 had begun).
SELF_ENTRY_CAMPAIGN_STATUSES = frozenset({CampaignStatus.OPEN, CampaignStatus.APPRAISAL})


class EntryError(Exception):
    """Base: `message` is a translated sentence for the person who saved."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class EntryRefused(EntryError):
    """Saving is not possible now (closed, locked, not a leaf); nothing was saved."""


class EntryInvalid(EntryError):
    """The engine refused the inputs; `errors` are its InputErrors. Nothing was saved."""

    def __init__(self, errors: tuple[InputError, ...]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors


class RevisionConflict(EntryError):
    """Someone saved the node after the revision the user started from."""

    def __init__(self, current: ScoreEntry) -> None:
        when = formats.date_format(timezone.localtime(current.created_at), "DATETIME_FORMAT")
        super().__init__(
            _(
                "%(who)s saved this criterion at %(when)s after you opened it. Your change was "
                "not saved. The current value is %(points)s points; review it and save again."
            )
            % {"who": current.author or _("someone"), "when": when, "points": current.points}
        )
        self.current = current


def clean_inputs(raw: object) -> object:
    """NFC every text in an input structure; JSON-shaped values pass through unchanged."""
    if isinstance(raw, str):
        return nfc(raw)
    if isinstance(raw, Mapping):
        return {nfc(str(key)): clean_inputs(value) for key, value in raw.items()}
    if isinstance(raw, list | tuple):
        return [clean_inputs(item) for item in raw]
    return raw


def _latest(assessment: Assessment, node_code: str, layer: str) -> ScoreEntry | None:
    return (
        ScoreEntry.objects.filter(assessment=assessment, node_code=node_code, layer=layer)
        .select_related("author")
        .order_by("-revision")
        .first()
    )


def score_leaf(
    assessment: Assessment, node_code: str, inputs: dict, *, language: str | None = None
) -> NodeResult:
    """The engine's NodeResult for one leaf's inputs; EntryInvalid/EntryRefused otherwise.

    Its explanation is in `language`, by default the active one."""
    criteria = criteria_for(assessment.campaign.framework)
    node = criteria.framework.by_code.get(node_code)
    if node is None or node.rule is None:
        raise EntryRefused(
            _("%(code)s is not a scored criterion of this set.") % {"code": node_code}
        )
    context = Context(year=assessment.campaign.year)
    try:
        result = evaluate_unit(
            criteria.framework,
            {node_code: inputs} if inputs else {},
            context,
            language=language or translation.get_language(),
        )
    except InputErrors as errors:
        raise EntryInvalid(errors.errors) from None
    return result.node(node_code)


def _is_repeat(current: ScoreEntry | None, inputs: dict, note: str, na_reason: str) -> bool:
    return (
        current is not None
        and current.inputs == inputs
        and current.note == note
        and current.na_reason == na_reason
    )


def record_entry(
    assessment: Assessment,
    node_code: str,
    layer: str,
    inputs: Mapping,
    note: str,
    author,
    base_revision: int,
    *,
    na_reason: str = "",
    at: datetime.datetime | None = None,
) -> ScoreEntry:
    """Append the next revision of one node in one layer; audited in the same transaction.

    No permission or schedule check here: callers (record_self_entry, the appraisal services)
    decide who may write which layer when. Saving what is already current adds no row.
    """
    inputs = clean_inputs(dict(inputs))  # type: ignore[assignment]
    note, na_reason = nfc(note or ""), nfc(na_reason or "")
    result = score_leaf(
        assessment,
        node_code,
        inputs,  # type: ignore[arg-type]
        language=settings.LANGUAGE_CODE,  # the stored record's language: see the docstring
    )
    with transaction.atomic():
        Assessment.objects.select_for_update().filter(pk=assessment.pk).first()
        current = _latest(assessment, node_code, layer)
        if (current.revision if current else 0) != base_revision:
            raise RevisionConflict(current)  # type: ignore[arg-type]
        if _is_repeat(current, inputs, note, na_reason):  # type: ignore[arg-type]
            return current  # type: ignore[return-value]
        entry = ScoreEntry(
            assessment=assessment,
            node_code=node_code,
            layer=layer,
            revision=base_revision + 1,
            inputs=inputs,
            points=result.points,
            explanation=result.explanation,
            note=note,
            na_claimed=bool(inputs.get("na")),  # type: ignore[union-attr]
            na_reason=na_reason,
            author=author if getattr(author, "is_authenticated", False) else None,
            created_at=at or timezone.now(),
        )
        _insert(entry)
        log_action(
            author,
            "assessment.entry_saved",
            assessment,
            unit=assessment.unit,
            data={
                "node": node_code,
                "layer": layer,
                "revision": entry.revision,
                "points": str(entry.points),
            },
        )
        if layer == Layer.SELF:
            # Under the lock taken above: concurrent saves of one unit refresh in turn.
            refresh_self_scores([assessment])
    return entry


def _insert(entry: ScoreEntry) -> None:
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        # Another save took this revision between our read and our insert.
        current = _latest(entry.assessment, entry.node_code, entry.layer)
        raise RevisionConflict(current) from None  # type: ignore[arg-type]


def self_entry_refusal(assessment: Assessment, now: datetime.datetime | None = None) -> str | None:
    """Why the unit cannot change its self layer now, or None when it can."""
    now = now or timezone.now()
    campaign = assessment.campaign
    if campaign.status == CampaignStatus.DRAFT:
        return _("This campaign has not been opened yet.")
    if campaign.status not in SELF_ENTRY_CAMPAIGN_STATUSES:
        return _("Self-assessment is closed for this campaign.")
    if now < campaign.self_open:
        when = formats.date_format(timezone.localtime(campaign.self_open), "DATETIME_FORMAT")
        return _("Self-assessment opens on %(when)s.") % {"when": when}
    if assessment.locked:
        return _("This assessment has been submitted and is locked.")
    return None


def record_self_entry(
    actor,
    assessment: Assessment,
    node_code: str,
    inputs: Mapping,
    note: str,
    base_revision: int,
    *,
    na_reason: str = "",
    now: datetime.datetime | None = None,
) -> ScoreEntry:
    """A reporter or head saves one answer of their unit's self-assessment.

    PermissionDenied for anyone else; EntryRefused before the opening, after submission, or when
    the campaign is closed (checked on the locked row, so a save racing a submission loses).
    """
    if not access.may_edit_self_assessment(actor, assessment):
        raise PermissionDenied
    now = now or timezone.now()
    with transaction.atomic():
        fresh = (
            Assessment.objects.select_for_update()
            .select_related("campaign__framework", "unit")
            .get(pk=assessment.pk)
        )
        refusal = self_entry_refusal(fresh, now)
        if refusal:
            raise EntryRefused(refusal)
        entry = record_entry(
            fresh,
            node_code,
            Layer.SELF,
            inputs,
            note,
            actor,
            base_revision,
            na_reason=na_reason,
            at=now,
        )
        if fresh.status == AssessmentStatus.NOT_STARTED:
            fresh.status = AssessmentStatus.IN_PROGRESS
            fresh.save(update_fields=["status"])
            log_action(actor, "assessment.started", fresh, unit=fresh.unit)
    assessment.status = fresh.status
    return entry
