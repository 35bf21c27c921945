"""The load benchmark's data, stored through the project's own services (bench/load_seed.py).

A province of districts and communes; organisers; one reporter per commune; the generated
criteria set imported and published as an organiser does; a campaign opened over every commune,
mid-way: each unit has answered part of its leaves (a fifth of them twice), as in December.
"""

import datetime
import random

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from bench.campaign_generator import generate_framework
from parindex.accounts.models import User
from parindex.assessments import services as campaign_services
from parindex.assessments.answer_samples import sample_answer
from parindex.assessments.criteria import CriteriaSet, criteria_for, evaluate
from parindex.assessments.models import (
    Assessment,
    AssessmentStatus,
    Campaign,
    CampaignStatus,
    Layer,
    ScoreEntry,
)
from parindex.assessments.self_scores import refresh_self_scores
from parindex.frameworks import services as framework_services
from parindex.orgs import services as org_services
from parindex.orgs.models import Role, Unit, UnitKind

PASSWORD = "bench-load-password"  # noqa: S105 - throwaway accounts of a throwaway database
YEAR = 2024
COMMUNES_PER_DISTRICT = 20
ORGANISERS = 2
NOTE = "Số liệu theo báo cáo công tác CCHC năm 2024 của UBND xã."


def _units(count: int) -> tuple[Unit, list[Unit]]:
    province = Unit(code="BENCH", name="Tỉnh Thử Tải", kind=UnitKind.PROVINCE)
    org_services.save_unit(None, province, source="bench")
    communes, district = [], None
    for number in range(count):
        if number % COMMUNES_PER_DISTRICT == 0:
            code = f"BENCH-D{number // COMMUNES_PER_DISTRICT + 1:02d}"
            district = Unit(
                code=code, name=f"Huyện {code}", kind=UnitKind.DISTRICT, parent=province
            )
            org_services.save_unit(None, district, source="bench")
        commune = Unit(
            code=f"U{number + 1:05d}", name=f"Xã Thử {number + 1}", kind=UnitKind.COMMUNE
        )
        commune.parent = district
        org_services.save_unit(None, commune, source="bench")
        communes.append(commune)
    return province, communes


def _member(actor, username: str, unit: Unit, role: str) -> User:
    return org_services.create_member(
        actor,
        username=username,
        full_name=f"Cán bộ {username}",
        email=f"{username}@bench.invalid",
        password=None,
        unit=unit,
        role=role,
        department=None,
    )


def _schedule() -> dict[str, datetime.datetime]:
    now = timezone.now()
    return {
        "self_open": now - datetime.timedelta(days=10),
        "submit_due": now + datetime.timedelta(days=20),
    }


def _answers(criteria: CriteriaSet, campaign: Campaign, rng: random.Random) -> int:
    """Part of each unit's leaves answered, a fifth of those twice; engine points as saved."""
    leaves = [node.code for node in criteria.entered_leaves]
    saved_at = timezone.now() - datetime.timedelta(hours=2)
    rows, started = [], []
    for assessment in campaign.assessments.order_by("pk"):
        share = rng.uniform(0.3, 1.0)
        codes = rng.sample(leaves, int(len(leaves) * share))
        history = {code: [sample_answer(criteria.rule_of(code), rng, year=YEAR)] for code in codes}
        for code in codes:
            if rng.random() < 0.2:
                history[code].append(sample_answer(criteria.rule_of(code), rng, year=YEAR))
        current = {code: answers[-1] for code, answers in history.items()}
        result = evaluate(criteria, current, YEAR, language=settings.LANGUAGE_CODE)
        for code, answers in history.items():
            node = result.node(code)
            for revision, inputs in enumerate(answers, start=1):
                rows.append(
                    ScoreEntry(
                        assessment=assessment,
                        node_code=code,
                        layer=Layer.SELF,
                        revision=revision,
                        inputs=inputs,
                        points=node.points,
                        explanation=node.explanation,
                        note=NOTE,
                        created_at=saved_at,
                    )
                )
        started.append(assessment.pk)
    ScoreEntry.objects.bulk_create(rows, batch_size=2000)
    Assessment.objects.filter(pk__in=started).update(status=AssessmentStatus.IN_PROGRESS)
    # Entries bulk-created outside record_entry: their summaries are computed here, as
    # `manage.py refresh_self_scores` does after an import.
    refresh_self_scores(campaign.assessments.select_related("campaign__framework"))
    return len(rows)


@transaction.atomic
def seed(unit_count: int, leaf_count: int) -> dict:
    province, communes = _units(unit_count)
    organisers = [
        _member(None, f"bench-org-{n + 1}", province, Role.ORGANISER) for n in range(ORGANISERS)
    ]
    organiser = organisers[0]
    reporters = [_member(organiser, f"bench-{c.code.lower()}", c, Role.REPORTER) for c in communes]
    # One hash for every account: hashing 200 passwords would cost a minute for nothing.
    User.objects.filter(username__startswith="bench-").update(password=make_password(PASSWORD))
    version = framework_services.import_document(
        organiser, province, generate_framework(leaf_count), source="bench"
    )
    version = framework_services.publish(organiser, version)
    campaign = campaign_services.create_campaign(
        organiser,
        jurisdiction=province,
        framework=version,
        year=YEAR,
        title=f"Chỉ số CCHC năm {YEAR} (thử tải)",
        schedule=_schedule(),
        units=communes,
    )
    campaign_services.advance_campaign(organiser, campaign, CampaignStatus.OPEN)
    entries = _answers(criteria_for(version), campaign, random.Random(2024))
    by_unit = dict(campaign.assessments.values_list("unit_id", "pk"))
    return {
        "campaign": campaign.pk,
        "password": PASSWORD,
        "organisers": [user.username for user in organisers],
        "reporters": [
            {"username": user.username, "assessment": by_unit[unit.pk]}
            for user, unit in zip(reporters, communes, strict=True)
        ],
        "entries": entries,
        "leaves": len(criteria_for(version).framework.leaves),
    }


def refresh_statistics() -> None:
    """On PostgreSQL, ANALYZE: autovacuum does it within a minute or so of a bulk insert in
    production, but the load starts seconds after seeding, and without statistics the planner
    finds current entries ~5 times slower. SQLite gathers no statistics by itself: none here."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def count_since(moment: str) -> dict:
    since = datetime.datetime.fromisoformat(moment)
    saved = ScoreEntry.objects.filter(created_at__gte=since)
    return {"entries": saved.count(), "total": ScoreEntry.objects.count()}
