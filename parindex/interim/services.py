"""Interim rounds: start one (optionally carrying the last round's answers), save an answer,
import a whole round from the scoring CLI's input file. Every refusal is an InterimRefused with a
sentence for the person; nothing is half-written."""

import datetime
import tempfile
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from parindex.assessments.criteria import CriteriaSet, criteria_for, evaluate
from parindex.audit.services import log_action
from parindex.cli_inputs import CliInputError, UnitInputs, read_unit_inputs
from parindex.frameworks.models import FrameworkVersion, Status
from parindex.interim import access
from parindex.interim.models import InterimAnswer, InterimRound
from parindex.orgs.models import Unit
from parindex.scoring import InputErrors, UnitResult, read_inputs
from parindex.textnorm import nfc


class InterimRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def current_answers(round_: InterimRound) -> dict[str, InterimAnswer]:
    """{leaf code: its latest revision} in one query."""
    latest: dict[str, InterimAnswer] = {}
    for answer in round_.answers.select_related("author").order_by("node_code", "revision"):
        latest[answer.node_code] = answer
    return latest


def inputs_of(answers: Mapping[str, InterimAnswer]) -> dict[str, dict]:
    return {code: answer.inputs for code, answer in answers.items() if answer.inputs}


def evaluate_round(round_: InterimRound, answers=None) -> UnitResult:
    """The engine over the round's current answers (deadlines resolve in the as-of year)."""
    answers = current_answers(round_) if answers is None else answers
    return evaluate(criteria_for(round_.framework), inputs_of(answers), round_.as_of.year)


def _check_framework(unit: Unit, framework: FrameworkVersion) -> None:
    if framework.status != Status.PUBLISHED:
        raise InterimRefused(_("Interim scores are recorded against a published criteria set."))
    if not unit.path.startswith(framework.jurisdiction.path):
        raise InterimRefused(_("This criteria set belongs to another jurisdiction."))
    if framework.unit_kind != unit.kind:
        raise InterimRefused(_("This criteria set is for another kind of unit."))


@transaction.atomic
def start_round(
    actor,
    unit: Unit,
    framework: FrameworkVersion,
    as_of: datetime.date,
    label: str,
    *,
    carry_over: bool = True,
) -> InterimRound:
    """A new dated round; with carry_over, the unit's latest earlier round's answers as r1."""
    if not access.may_record(actor, unit):
        raise PermissionDenied
    _check_framework(unit, framework)
    earlier = (
        InterimRound.objects.filter(unit=unit, framework=framework, as_of__lt=as_of)
        .order_by("-as_of")
        .first()
    )
    try:
        with transaction.atomic():
            round_ = InterimRound.objects.create(
                unit=unit, framework=framework, as_of=as_of, label=nfc(label), created_by=actor
            )
    except IntegrityError:
        raise InterimRefused(_("This unit already has an interim round on that date.")) from None
    if carry_over and earlier is not None:
        carried = [
            InterimAnswer(round=round_, node_code=code, revision=1, inputs=a.inputs, author=actor)
            for code, a in current_answers(earlier).items()
            if a.inputs
        ]
        InterimAnswer.objects.bulk_create(carried)
    data = {
        "as_of": as_of.isoformat(),
        "framework": framework.code,
        "carried_from": earlier and earlier.pk,
    }
    log_action(actor, "interim.started", round_, unit=unit, data=data)
    return round_


def _entered_leaf(criteria: CriteriaSet, code: str):
    node = criteria.framework.by_code.get(code)
    if node is None or not criteria.is_entered(node):
        raise InterimRefused(_("%(code)s is not a criterion the unit answers.") % {"code": code})
    return node


def _where(row: int | None, column: int | None) -> str:
    parts = []
    if row:
        parts.append(_("row %(row)s") % {"row": row})
    if column:
        parts.append(_("column %(column)s") % {"column": column})
    return ", ".join(parts)


def _engine_check(
    criteria: CriteriaSet, inputs_by_code: Mapping[str, dict], sources: Mapping = {}
) -> None:
    """The engine's own judgement of the values, all of them at once; with the file's
    (node, input) -> (row, column), each problem names its cell."""
    try:
        read_inputs(criteria.framework, inputs_by_code, strict=True)
    except InputErrors as errors:
        messages = []
        for error in errors.errors:
            where = _where(*sources.get((error.code, error.input), (None, None)))
            messages.append(f"{where} ({error.code}): {error.message}" if where else str(error))
        raise InterimRefused("; ".join(messages)) from None


@transaction.atomic
def record_answer(
    actor, round_: InterimRound, code: str, inputs: dict, *, note: str = "", base_revision=None
) -> InterimAnswer:
    """A new revision of one leaf; refused when someone saved the leaf since `base_revision`."""
    if not access.may_record(actor, round_.unit):
        raise PermissionDenied
    criteria = criteria_for(round_.framework)
    _entered_leaf(criteria, code)
    if inputs:
        _engine_check(criteria, {code: inputs})
    round_ = InterimRound.objects.select_for_update().get(pk=round_.pk)
    previous = round_.answers.filter(node_code=code).order_by("-revision").first()
    current = previous.revision if previous else 0
    if base_revision is not None and int(base_revision) != current:
        raise InterimRefused(
            _("Someone saved %(code)s after you opened it; its current answer is shown.")
            % {"code": code}
        )
    return InterimAnswer.objects.create(
        round=round_, node_code=code, revision=current + 1, inputs=inputs, note=note, author=actor
    )


def _inputs_for_unit(path: Path, unit: Unit) -> UnitInputs:
    """The unit's inputs in the file (by code, or the only unit a one-unit file has)."""
    try:
        units = read_unit_inputs(path)
    except CliInputError as error:
        where = _where(error.row, error.column)
        raise InterimRefused(f"{where}: {error.message}" if where else error.message) from None
    mine = [u for u in units if u.code == unit.code] or (units if len(units) == 1 else [])
    if not mine:
        raise InterimRefused(_("The file has no inputs for unit %(code)s.") % {"code": unit.code})
    return mine[0]


@transaction.atomic
def import_answers(actor, round_: InterimRound, name: str, content: bytes) -> int:
    """All-or-nothing: every changed leaf of the file becomes a new revision, or none does.

    The file is the scoring CLI's (docs/scoring-cli.md): YAML, or CSV/XLSX with the columns
    unit_code, unit_name, node, input, value. Errors name the row and column."""
    if not access.may_record(actor, round_.unit):
        raise PermissionDenied
    suffix = Path(name).suffix.lower()
    if suffix not in (".yaml", ".yml", ".csv", ".xlsx"):
        raise InterimRefused(_("Upload a .yaml, .csv or .xlsx inputs file."))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"inputs{suffix}"
        path.write_bytes(content)
        found = _inputs_for_unit(path, round_.unit)
    criteria = criteria_for(round_.framework)
    wanted = found.inputs
    for code in wanted:
        _entered_leaf(criteria, code)
    _engine_check(criteria, wanted, found.sources)
    existing = current_answers(round_)
    now = timezone.now()
    changed = [
        InterimAnswer(
            round=round_,
            node_code=code,
            revision=(existing[code].revision + 1) if code in existing else 1,
            inputs=inputs,
            note=_("imported from %(name)s") % {"name": nfc(Path(name).name)},
            author=actor,
            created_at=now,
        )
        for code, inputs in wanted.items()
        if code not in existing or existing[code].inputs != inputs
    ]
    InterimAnswer.objects.bulk_create(changed)
    log_action(actor, "interim.imported", round_, unit=round_.unit, data={"leaves": len(changed)})
    return len(changed)
