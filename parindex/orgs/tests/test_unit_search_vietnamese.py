"""Accent- and case-insensitive unit and user search, the same on SQLite and PostgreSQL."""

import pytest
from django.urls import reverse

from parindex.orgs.tests.factories import MembershipFactory, UnitFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def communes(district, commune, other_commune):
    UnitFactory(code="PY-DADO", name="Xã Đá Đỏ", parent=district)
    UnitFactory(code="PY-HUYTUONG", name="Xã Huy Tường", parent=district)
    UnitFactory(code="PY-PHUONG", name="PHƯỜNG ĐÁNH GIÁ", kind="ward", parent=district)


def names(client, **params):
    response = client.get(reverse("orgs:unit_list"), params)
    return sorted(row.unit.name for row in response.context["rows"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tuong phu", ["Xã Tường Phù"]),
        ("Tường Phù", ["Xã Tường Phù"]),
        ("TUONG", ["Xã Huy Tường", "Xã Tường Phù", "Xã Tường Tiến"]),
        ("đá đỏ", ["Xã Đá Đỏ"]),
        ("da do", ["Xã Đá Đỏ"]),
        ("ĐÁNH", ["PHƯỜNG ĐÁNH GIÁ"]),
        ("đánh", ["PHƯỜNG ĐÁNH GIÁ"]),
        ("phu tuong", ["Xã Tường Phù"]),  # every word, in any order
        ("py-dado", ["Xã Đá Đỏ"]),  # codes too
        ("100%", []),  # LIKE wildcards are literal
    ],
)
def test_unit_search(client_for, organiser, communes, query, expected):
    assert names(client_for(organiser), q=query) == expected


def test_decomposed_query_finds_composed_name(client_for, organiser, communes):
    decomposed = "Tu\u031bo\u031b\u0300ng"  # "Tường" typed with combining marks
    assert names(client_for(organiser), q=decomposed) == [
        "Xã Huy Tường",
        "Xã Tường Phù",
        "Xã Tường Tiến",
    ]


def test_kind_filter(client_for, organiser, communes):
    assert names(client_for(organiser), kind="ward") == ["PHƯỜNG ĐÁNH GIÁ"]
    assert names(client_for(organiser), kind="district") == ["Huyện Phù Yên"]


def test_search_stays_inside_the_scope(client_for, outsider, communes):
    assert names(client_for(outsider), q="tuong") == ["Xã Tường Tiến"]


def test_user_search(client_for, organiser, commune):
    for username, full_name in [("hoa", "Hà Thị Hoà"), ("dung", "ĐINH VĂN DŨNG")]:
        MembershipFactory(user=UserFactory(username=username, full_name=full_name), unit=commune)
    client = client_for(organiser)

    def found(q):
        response = client.get(reverse("orgs:user_list"), {"q": q})
        return sorted(u.username for u in response.context["page"].object_list)

    assert found("ha thi hoa") == ["hoa"]
    assert found("đinh dũng") == ["dung"]
    assert found("Dinh Van Dung") == ["dung"]
