"""A campaign's schedule: the order of its dates, and the deadline in force for one unit.

Seed 003's plan: self-assessment until 10/12/2022, step-1 notice 14/12, explanations, step 2
from 18/12 to 22/12, council, publication 31/01/2023. Each date is optional except the opening
and the submission deadline; those given must not go backwards.
"""

import datetime
from collections.abc import Iterable, Mapping

from django.utils.translation import gettext as _

from parindex.assessments.models import Assessment, Campaign, Deadline, DeadlineExtension

SCHEDULE_FIELDS: tuple[str, ...] = (
    "self_open",
    "submit_due",
    "step1_due",
    "notice_on",
    "explain_from",
    "explain_due",
    "step2_due",
    "council_on",
    "publish_on",
)
REQUIRED_FIELDS = frozenset({"self_open", "submit_due"})


def schedule_label(name: str) -> str:
    return str(Campaign._meta.get_field(name).verbose_name)


def schedule_problems(values: Mapping[str, datetime.datetime | None]) -> dict[str, str]:
    """{field: message} for missing required dates and dates earlier than one before them."""
    problems: dict[str, str] = {}
    for name in SCHEDULE_FIELDS:
        if name in REQUIRED_FIELDS and not values.get(name):
            problems[name] = _("This date is required.")
    previous: tuple[str, datetime.datetime] | None = None
    for name in SCHEDULE_FIELDS:
        value = values.get(name)
        if not value:
            continue
        if previous is not None and value < previous[1]:
            problems.setdefault(
                name,
                _("%(this)s cannot be before %(that)s.")
                % {"this": schedule_label(name), "that": schedule_label(previous[0])},
            )
        previous = (name, value)
    if not problems and values["submit_due"] == values["self_open"]:
        problems["submit_due"] = _("The submission deadline must be after the opening.")
    return problems


def schedule_of(campaign: Campaign) -> dict[str, datetime.datetime | None]:
    return {name: getattr(campaign, name) for name in SCHEDULE_FIELDS}


def latest_extensions(
    extensions: Iterable[DeadlineExtension],
) -> dict[tuple[int, str], DeadlineExtension]:
    """{(assessment_id, deadline): the newest extension} from rows in any order."""
    newest: dict[tuple[int, str], DeadlineExtension] = {}
    for extension in sorted(extensions, key=lambda e: (e.granted_at, e.pk)):
        newest[(extension.assessment_id, extension.deadline)] = extension
    return newest


def effective_due(
    campaign: Campaign, extension: DeadlineExtension | None, deadline: str = Deadline.SUBMIT
) -> datetime.datetime | None:
    """The deadline in force for one unit: its newest extension, else the campaign's date."""
    if extension is not None:
        return extension.new_due
    return getattr(campaign, deadline)


def due_for(assessment: Assessment, deadline: str = Deadline.SUBMIT) -> datetime.datetime | None:
    """The deadline in force for `assessment` (one query)."""
    extension = (
        DeadlineExtension.objects.filter(assessment=assessment, deadline=deadline)
        .order_by("-granted_at", "-pk")
        .first()
    )
    return effective_due(assessment.campaign, extension, deadline)
