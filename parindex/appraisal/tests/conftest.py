"""Fixtures of the appraisal tests, on top of the shared cast in the root conftest.py.

The criteria set has two fields: field 1 belongs to `department` (Phòng Nội vụ, whose appraiser
is the cast's `appraiser`), field 2 to `justice` (Phòng Tư pháp, `justice_appraiser`).
"""

import pytest
from django.utils import translation

from parindex.appraisal.tests.factories import (
    change_and_close,
    explain_and_start_step2,
    open_appraisal_campaign,
    refresh,
    start_step1,
    submit_by,
    submit_without_people,
)
from parindex.orgs.models import Role
from parindex.orgs.tests.factories import DepartmentFactory, MembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def _english(settings):
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def justice(district):
    return DepartmentFactory(jurisdiction=district, code="TP", name="Phòng Tư pháp")


@pytest.fixture
def justice_appraiser(district, justice):
    user = UserFactory(username="tp_appraiser", full_name="Sa Văn Tư Pháp")
    MembershipFactory(user=user, unit=district, role=Role.APPRAISER, department=justice)
    return user


@pytest.fixture
def other_head(other_commune):
    user = UserFactory(username="other_head", full_name="Lừ Văn Xã Bên")
    MembershipFactory(user=user, unit=other_commune, role=Role.HEAD)
    return user


@pytest.fixture
def campaign(organiser, district, commune, other_commune, department, justice):
    return open_appraisal_campaign(
        organiser, district, [commune, other_commune], {"1": department, "2": justice}
    )


@pytest.fixture
def assessment(campaign, commune):
    return campaign.assessments.select_related("campaign__framework", "unit").get(unit=commune)


@pytest.fixture
def other_assessment(campaign, other_commune):
    return campaign.assessments.select_related("campaign__framework", "unit").get(
        unit=other_commune
    )


@pytest.fixture
def step1(
    campaign, assessment, other_assessment, organiser, reporter, head, appraiser, justice_appraiser
):
    """Both communes submitted; the campaign at step 1, assigned by department."""
    submit_by(reporter, head, assessment)
    submit_without_people(other_assessment)
    start_step1(organiser, refresh(assessment).campaign)
    return refresh(assessment).campaign


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded evidence goes to a throw-away folder (as in the evidence tests)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return settings.MEDIA_ROOT


@pytest.fixture
def step2(step1, organiser, appraiser, reporter, head, assessment):
    """Step 1 changed 1.1 of Tường Phù, which explained it; the campaign is at step 2."""
    change_and_close(organiser, appraiser, assessment)
    explain_and_start_step2(organiser, reporter, head, assessment)
    return refresh(assessment).campaign
