"""The named cast every app's tests share (architecture.md: "a named cast of users").

The world is the seed-003 one: Sơn La province → Phù Yên district (abolished 1 July 2025) →
its communes. The district's Home Affairs office (Phòng Nội vụ) organises the assessment, so:

- units: `province` (Sơn La) ⊃ `district` (Phù Yên) ⊃ `commune` (Tường Phù), `other_commune`
  (Tường Tiến); `department` is the district's Phòng Nội vụ (code NV, a Department whose
  jurisdiction is `district`).
- subtree roles at `district` (they see the district and its communes, not the province):
  `organiser`, `council`, `viewer`, and `appraiser` / `dept_owner` acting for `department`;
- own-unit roles at `commune`: `reporter`, `head`; `outsider` is the reporter of
  `other_commune`.

Every user's password is `parindex.orgs.tests.factories.TEST_PASSWORD`. `client_for(user)`
gives a logged-in test client.
"""

import datetime
from collections.abc import Callable

import pytest
from django.test import Client

from parindex.orgs.models import Role, UnitKind
from parindex.orgs.tests.factories import (
    DepartmentFactory,
    MembershipFactory,
    UnitFactory,
    UserFactory,
)

pytest_plugins = ["parindex.testing.browser"]


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The real hasher costs ~0.3 s per user; tests create dozens.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _english_interface(settings):
    # Tests assert on the English source strings. The Vietnamese default and the catalogue
    # are tested on their own (parindex/tests/test_language_default.py, test_translations.py).
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def province(db):
    return UnitFactory(code="SL", name="Tỉnh Sơn La", kind=UnitKind.PROVINCE)


@pytest.fixture
def district(province):
    return UnitFactory(
        code="SL-PY",
        name="Huyện Phù Yên",
        kind=UnitKind.DISTRICT,
        parent=province,
        valid_to=datetime.date(2025, 6, 30),
    )


@pytest.fixture
def commune(district):
    return UnitFactory(code="PY-TUONGPHU", name="Xã Tường Phù", parent=district)


@pytest.fixture
def other_commune(district):
    return UnitFactory(code="PY-TUONGTIEN", name="Xã Tường Tiến", parent=district)


@pytest.fixture
def department(district):
    return DepartmentFactory(jurisdiction=district, code="NV", name="Phòng Nội vụ")


def _member(username: str, full_name: str, unit, role: str, department=None):
    user = UserFactory(username=username, full_name=full_name)
    MembershipFactory(user=user, unit=unit, role=role, department=department)
    return user


@pytest.fixture
def organiser(district, department):
    return _member("organiser", "Trần Thị Tổ Chức", district, Role.ORGANISER, department)


@pytest.fixture
def reporter(commune):
    return _member("reporter", "Lò Văn Báo Cáo", commune, Role.REPORTER)


@pytest.fixture
def head(commune):
    return _member("head", "Hà Văn Chủ Tịch", commune, Role.HEAD)


@pytest.fixture
def appraiser(district, department):
    return _member("appraiser", "Đinh Thị Thẩm Định", district, Role.APPRAISER, department)


@pytest.fixture
def council(district):
    return _member("council", "Cầm Văn Hội Đồng", district, Role.COUNCIL)


@pytest.fixture
def dept_owner(district, department):
    return _member("dept_owner", "Vì Thị Phụ Trách", district, Role.DEPARTMENT_OWNER, department)


@pytest.fixture
def viewer(district):
    return _member("viewer", "Lường Văn Lãnh Đạo", district, Role.VIEWER)


@pytest.fixture
def outsider(other_commune):
    return _member("outsider", "Quàng Văn Xã Khác", other_commune, Role.REPORTER)


@pytest.fixture
def client_for(db) -> Callable[..., Client]:
    """`client_for(user)` → a test Client logged in as `user` (no password round trip)."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def stranger(province):
    """The reporter of a commune in another district: sees nothing of Phù Yên."""
    other_district = UnitFactory(
        code="SL-MY", name="Huyện Mộc Châu", kind=UnitKind.DISTRICT, parent=province
    )
    commune = UnitFactory(code="MC-CHIENGSON", name="Xã Chiềng Sơn", parent=other_district)
    return _member("stranger", "Lò Văn Người Ngoài", commune, Role.REPORTER)


@pytest.fixture
def cast(request) -> dict:
    """{role name: user} for every member of parindex.testing.roles.CAST."""
    from parindex.testing.roles import CAST

    return {name: request.getfixturevalue(name) for name in CAST}
