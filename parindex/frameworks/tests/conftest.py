"""Criteria sets the framework tests share, on top of the project's named cast (conftest.py)."""

import pytest

from parindex.frameworks import services
from parindex.frameworks.tests.sample import sample_document
from parindex.orgs.models import UnitKind
from parindex.orgs.tests.factories import DepartmentFactory, UnitFactory


@pytest.fixture
def draft_set(district, department):
    """The sample set as a draft owned by the district (department NV resolves there)."""
    return services.import_document(None, district, sample_document())


@pytest.fixture
def published_set(draft_set):
    return services.publish(None, draft_set)


@pytest.fixture
def foreign_set(db):
    """A published set of another province's district: outside everyone's scope."""
    province = UnitFactory(code="HN", name="Thành phố Hà Nội", kind=UnitKind.PROVINCE)
    district = UnitFactory(
        code="HN-BV", name="Huyện Ba Vì", kind=UnitKind.DISTRICT, parent=province
    )
    DepartmentFactory(jurisdiction=district, code="NV", name="Phòng Nội vụ Ba Vì")
    return services.publish(None, services.import_document(None, district, sample_document()))
