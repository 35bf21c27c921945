"""Taking snapshots and publishing: the jurisdiction's organisers only; publishing takes the
final snapshot when none is current, marks it published, moves the campaign on, and is audited."""

import pytest
from django.core.exceptions import PermissionDenied

from parindex.appraisal.council import approve_campaign
from parindex.assessments.models import CampaignStatus
from parindex.audit.models import AuditEntry
from parindex.orgs.models import Role, UnitKind
from parindex.orgs.tests.factories import MembershipFactory, UnitFactory, UserFactory
from parindex.results import services
from parindex.results.models import SnapshotKind
from parindex.results.snapshot import SnapshotRefused


@pytest.fixture
def other_organiser(province):
    elsewhere = UnitFactory(
        code="SL-MC", name="Huyện Mộc Châu", kind=UnitKind.DISTRICT, parent=province
    )
    user = UserFactory(username="other_organiser", full_name="Organiser Elsewhere")
    MembershipFactory(user=user, unit=elsewhere, role=Role.ORGANISER)
    return user


@pytest.fixture
def province_organiser(province):
    user = UserFactory(username="province_organiser", full_name="Sở Nội vụ")
    MembershipFactory(user=user, unit=province, role=Role.ORGANISER)
    return user


ACTIONS = [
    lambda user, campaign: services.take_provisional(user, campaign),
    lambda user, campaign: services.take_final(user, campaign),
    lambda user, campaign: services.publish(user, campaign),
]


@pytest.mark.parametrize(
    "who", ["council", "viewer", "appraiser", "reporter", "head", "dept_owner", "other_organiser"]
)
def test_only_the_jurisdictions_organisers_take_and_publish(request, approved, who):
    user = request.getfixturevalue(who)
    for action in ACTIONS:
        with pytest.raises(PermissionDenied):
            action(user, approved)
    assert not approved.snapshots.exists()
    approved.refresh_from_db()
    assert approved.status == CampaignStatus.APPROVED


def test_an_organiser_above_the_jurisdiction_may_publish(approved, province_organiser):
    snapshot = services.publish(province_organiser, approved)
    assert snapshot.published_by == province_organiser


def test_publishing_takes_the_final_snapshot_and_moves_the_campaign_on(approved, organiser):
    assert services.latest_snapshot(approved, published_only=True) is None
    snapshot = services.publish(organiser, approved, reason="Quyết định số 15/QĐ-UBND")
    approved.refresh_from_db()
    assert approved.status == CampaignStatus.PUBLISHED
    assert snapshot.kind == SnapshotKind.FINAL and snapshot.is_published
    assert services.latest_snapshot(approved, published_only=True) == snapshot
    published = AuditEntry.objects.get(action="results.published")
    assert published.reason == "Quyết định số 15/QĐ-UBND" and published.actor == organiser
    assert AuditEntry.objects.filter(action="results.snapshot_taken").count() == 1


def test_publishing_reuses_a_current_final_snapshot(approved, organiser):
    taken = services.take_final(organiser, approved)
    assert services.publish(organiser, approved) == taken
    assert approved.snapshots.count() == 1


def test_a_final_snapshot_and_publishing_are_refused_before_approval(step2, organiser):
    with pytest.raises(SnapshotRefused):
        services.take_final(organiser, step2)
    with pytest.raises(SnapshotRefused):
        services.publish(organiser, step2)


def test_publishing_twice_is_refused(approved, organiser):
    services.publish(organiser, approved)
    with pytest.raises(SnapshotRefused):
        services.publish(organiser, approved)


def test_provisional_then_final_the_reader_sees_the_final(appraised, organiser, council):
    provisional = services.take_provisional(organiser, appraised)
    assert provisional.kind == SnapshotKind.PROVISIONAL
    assert services.latest_snapshot(appraised) == provisional
    assert services.latest_snapshot(appraised, published_only=True) is None
    campaign = approve_campaign(council, appraised)
    final = services.take_final(organiser, campaign)
    assert services.latest_snapshot(campaign) == final


def test_a_reopened_unit_holds_back_the_final_snapshot(approved, organiser, assessment):
    from parindex.appraisal.council import reopen_unit

    services.take_final(organiser, approved)
    reopen_unit(organiser, assessment, "Sửa điểm tiêu chí 1.1")
    with pytest.raises(SnapshotRefused, match="Xã Tường Phù"):
        services.take_final(organiser, approved)
    with pytest.raises(SnapshotRefused, match="Xã Tường Phù"):
        services.publish(organiser, approved)
