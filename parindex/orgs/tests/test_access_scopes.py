"""access.py: subtree roles see their unit and below; reporter/head see their own unit only."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from parindex.orgs import access
from parindex.orgs.models import Role
from parindex.orgs.tests.factories import UnitFactory

pytestmark = pytest.mark.django_db


def test_organiser_sees_district_and_its_communes_but_not_the_province(
    organiser, province, district, commune, other_commune
):
    assert set(access.visible_units(organiser)) == {district, commune, other_commune}
    assert not access.has_role(organiser, province, {Role.ORGANISER})


def test_subtree_scope_reaches_grandchildren(organiser, commune):
    hamlet = UnitFactory(code="PY-TP-BAN1", name="Bản Một", parent=commune)
    assert access.has_role(organiser, hamlet, {Role.ORGANISER})


def test_reporter_sees_only_own_unit_not_its_children(reporter, commune):
    below = UnitFactory(code="PY-TP-BAN2", name="Bản Hai", parent=commune)
    assert list(access.visible_units(reporter)) == [commune]
    assert not access.has_role(reporter, below, {Role.REPORTER})


def test_get_unit_is_404_outside_scope_and_403_inside_without_role(
    reporter, commune, other_commune
):
    with pytest.raises(Http404):
        access.get_unit(reporter, other_commune.pk)
    with pytest.raises(PermissionDenied):
        access.get_unit(reporter, commune.pk, roles={Role.ORGANISER})
    assert access.get_unit(reporter, commune.pk) == commune


def test_anonymous_sees_nothing(django_user_model, commune):
    from django.contrib.auth.models import AnonymousUser

    assert not access.visible_units(AnonymousUser()).exists()


def test_sibling_prefix_paths_do_not_leak(organiser, province, district):
    # A unit whose id starts with the district's id ("/1/2/" vs "/1/23/") is not below it.
    others = [UnitFactory(code=f"SL-X{i}", parent=province) for i in range(25)]
    seen = set(access.visible_units(organiser))
    assert not seen & set(others)
