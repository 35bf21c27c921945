"""Portal fixtures: the results tests' approved campaign (Tường Phù and Tường Tiến, district
Phù Yên, 2022) with its final snapshot taken or published, another district's campaign, and
the visitors the portal must treat alike. Helpers are in pages.py.
"""

import pytest
from django.test import Client

from parindex.appraisal.tests.factories import open_appraisal_campaign
from parindex.orgs.models import Role, UnitKind
from parindex.orgs.tests.factories import (
    DepartmentFactory,
    MembershipFactory,
    UnitFactory,
    UserFactory,
)
from parindex.results import services as results_services
from parindex.results.models import SnapshotKind
from parindex.results.snapshot import take_snapshot
from parindex.results.tests.conftest import (  # noqa: F401  (fixtures re-used here)
    _english,
    appraised,
    approved,
    assessment,
    campaign,
    justice,
    justice_appraiser,
    media_root,
    other_assessment,
    other_head,
    step1,
    step2,
)


@pytest.fixture
def final(approved, organiser):  # noqa: F811
    return take_snapshot(organiser, approved, SnapshotKind.FINAL)


@pytest.fixture
def published(approved, organiser):  # noqa: F811
    """The campaign published through the results workflow (final snapshot taken, marked)."""
    return results_services.publish(organiser, approved)


@pytest.fixture
def elsewhere(province, organiser):
    """Another district's campaign with Xã Tường Phong, open for self-assessment only."""
    district = UnitFactory(
        code="SL-BY", name="Huyện Bắc Yên", kind=UnitKind.DISTRICT, parent=province
    )
    commune = UnitFactory(code="BY-TUONGPHONG", name="Xã Tường Phong", parent=district)
    office = DepartmentFactory(jurisdiction=district, code="NV", name="Phòng Nội vụ Bắc Yên")
    boss = UserFactory(username="by_organiser", full_name="Hoàng Văn Bắc")
    MembershipFactory(user=boss, unit=district, role=Role.ORGANISER, department=office)
    return open_appraisal_campaign(
        boss, district, [commune], {"1": office, "2": office}, code="by-set"
    )


@pytest.fixture
def visitors(client_for, organiser, council, outsider, head) -> dict[str, Client]:
    """Everyone the portal must treat alike: nobody, and the cast in and out of the campaign."""
    return {
        "anonymous": Client(),
        "organiser": client_for(organiser),
        "council": client_for(council),
        "head": client_for(head),
        "outsider": client_for(outsider),
    }
