"""Opening a campaign: the set must be published and fit the units; units come from the
jurisdiction's subtree, by kind or by hand; dates must follow one another; groups go highest
first; the campaign moves through its stages in order. Everything is audited."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from parindex.assessments import services
from parindex.assessments.entries import record_self_entry
from parindex.assessments.models import Campaign, CampaignStatus
from parindex.assessments.tests.factories import published_set, schedule, set_document
from parindex.audit.models import AuditEntry
from parindex.frameworks import services as framework_services
from parindex.orgs.models import UnitKind
from parindex.orgs.tests.factories import UnitFactory


def _create(organiser, district, units, **overrides):
    fields = {
        "jurisdiction": district,
        "framework": overrides.pop("framework", None) or published_set(district, 10),
        "year": 2022,
        "title": "Chỉ số CCHC 2022",
        "schedule": schedule(),
        "units": units,
    }
    return services.create_campaign(organiser, **(fields | overrides))


def test_a_campaign_starts_as_a_draft_with_the_sets_groups_and_is_audited(
    organiser, district, commune, other_commune
):
    campaign = _create(organiser, district, [commune, other_commune])
    assert campaign.status == CampaignStatus.DRAFT
    assert campaign.groups[0] == {"label": "A", "min": "90"}
    assert sorted(a.unit.code for a in campaign.assessments.all()) == [
        "PY-TUONGPHU",
        "PY-TUONGTIEN",
    ]
    entry = AuditEntry.objects.get(action="campaign.created")
    assert entry.actor == organiser and entry.data["units"] == ["PY-TUONGPHU", "PY-TUONGTIEN"]


def test_dates_out_of_order_are_refused_field_by_field(organiser, district, commune):
    dates = schedule()
    dates["step1_due"] = dates["submit_due"] - datetime.timedelta(days=1)
    dates["notice_on"] = None
    with pytest.raises(services.CampaignRefused) as refused:
        _create(organiser, district, [commune], schedule=dates)
    assert list(refused.value.problems) == ["step1_due"]
    assert not Campaign.objects.exists()


def test_a_draft_set_a_unit_outside_or_of_another_kind_are_refused(
    organiser, district, province, commune
):
    draft = framework_services.import_document(
        None, district, set_document(5, code="draft"), departments={}
    )
    elsewhere = UnitFactory(code="SL-OTHER", parent=province)
    with pytest.raises(services.CampaignRefused) as refused:
        _create(organiser, district, [elsewhere, district], framework=draft)
    problems = refused.value.problems
    assert problems["framework"] == ["Only a published criteria set can be used."]
    assert len(problems["units"]) == 2


def test_groups_must_go_highest_first(organiser, district, commune):
    groups = [{"label": "A", "min": "50"}, {"label": "B", "min": "70"}]
    with pytest.raises(services.CampaignRefused) as refused:
        _create(organiser, district, [commune], groups=groups)
    assert "groups" in refused.value.problems


@pytest.mark.parametrize("role", ["council", "head", "viewer"])
def test_only_organisers_of_the_jurisdiction_open_campaigns(request, role, district, commune):
    with pytest.raises(PermissionDenied):
        _create(request.getfixturevalue(role), district, [commune])


def test_units_can_be_added_and_not_started_ones_taken_out(
    organiser, reporter, district, commune, other_commune, campaign
):
    third = UnitFactory(code="PY-TUONGTHUONG", name="Xã Tường Thượng", parent=district)
    change = services.set_campaign_units(organiser, campaign, [commune, third])
    assert change == {"added": ["PY-TUONGTHUONG"], "removed": ["PY-TUONGTIEN"]}

    record_self_entry(
        reporter, campaign.assessments.get(unit=commune), "1.1", {"value": True}, "", 0
    )
    with pytest.raises(services.CampaignRefused, match="started"):
        services.set_campaign_units(organiser, campaign, [third])


def test_stages_follow_in_order_and_are_audited(organiser, campaign):
    with pytest.raises(services.CampaignRefused):
        services.advance_campaign(organiser, campaign, CampaignStatus.APPROVED)
    services.advance_campaign(organiser, campaign, CampaignStatus.APPRAISAL, reason="Hết hạn")
    entry = AuditEntry.objects.get(action="campaign.status_changed", data__to="appraisal")
    assert entry.reason == "Hết hạn"


def test_a_campaign_without_units_cannot_open(organiser, district):
    campaign = _create(organiser, district, [])
    with pytest.raises(services.CampaignRefused, match="units"):
        services.advance_campaign(organiser, campaign, CampaignStatus.OPEN)


def test_schedule_changes_are_audited_with_old_and_new(organiser, campaign):
    later = campaign.submit_due + datetime.timedelta(days=2)
    changed = services.update_campaign(organiser, campaign, submit_due=later, title="Mới")
    assert set(changed) == {"submit_due", "title"}
    entry = AuditEntry.objects.get(action="campaign.updated")
    assert entry.data["submit_due"][1] == later.isoformat()


def test_the_create_page_picks_units_by_kind_and_goes_to_the_units_page(
    client_for, organiser, district, commune, other_commune
):
    framework = published_set(district, 10)
    UnitFactory(code="PY-TT", name="Thị trấn Phù Yên", kind=UnitKind.TOWNSHIP, parent=district)
    data = {
        "jurisdiction": district.pk,
        "framework": framework.pk,
        "year": "2022",
        "title": "Chỉ số CCHC cấp xã năm 2022",
        "kinds": ["commune"],
        "self_open": "2022-11-01T08:00",
        "submit_due": "2022-12-10T23:00",
        "groups_text": "",
    }
    response = client_for(organiser).post(reverse("assessments:campaign_create"), data)

    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:campaign_units", args=[campaign.pk])
    assert sorted(a.unit.code for a in campaign.assessments.all()) == [
        "PY-TUONGPHU",
        "PY-TUONGTIEN",
    ]
    assert campaign.submit_due.isoformat() == "2022-12-10T16:00:00+00:00"  # 23:00 in Hà Nội time
    assert campaign.groups == framework.groups


def _form(framework, district, **changes) -> dict:
    return {
        "jurisdiction": district.pk,
        "framework": framework.pk,
        "year": "2022",
        "title": "x",
        "self_open": "2022-11-01T08:00",
        "submit_due": "2022-12-10T23:00",
        "groups_text": "A: 90\nB: 70",
    } | changes


def test_the_create_page_shows_problems_and_creates_nothing(client_for, organiser, district):
    framework = published_set(district, 10)
    client = client_for(organiser)
    url = reverse("assessments:campaign_create")

    bad_groups = client.post(url, _form(framework, district, groups_text="A: 90\nB 70"))
    bad_dates = client.post(url, _form(framework, district, step1_due="2022-12-01T08:00"))

    assert "Line 2" in bad_groups.content.decode()
    assert "cannot be before" in bad_dates.content.decode()
    assert not Campaign.objects.exists()
