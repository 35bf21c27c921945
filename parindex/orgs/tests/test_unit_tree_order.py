"""Tree order: parents first, siblings by kind then code, depth relative to the top shown."""

import pytest

from parindex.orgs.tests.factories import UnitFactory
from parindex.orgs.unit_tree import tree_rows

pytestmark = pytest.mark.django_db


def test_tree_order_and_depth(province):
    district = UnitFactory(code="D", kind="district", parent=province)
    # Created in an order that differs from the wanted one, and with ids 2-digit vs 1-digit.
    for n in range(9):
        UnitFactory(code=f"Z{n}", parent=province, kind="commune")
    dept = UnitFactory(code="S1", kind="department", parent=province)
    c2 = UnitFactory(code="C2", parent=district)
    c1 = UnitFactory(code="C1", parent=district)
    units = [c2, dept, province, c1, district]
    rows = [(r.unit.code, r.depth) for r in tree_rows(units)]
    assert rows == [("SL", 0), ("S1", 1), ("D", 1), ("C1", 2), ("C2", 2)]


def test_depth_is_relative_to_the_shallowest_unit(district, commune, other_commune):
    assert [r.depth for r in tree_rows([commune, other_commune])] == [0, 0]
