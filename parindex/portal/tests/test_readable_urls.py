"""Codes are URL segments as they are; a code with "/" or "%" still round-trips."""

from urllib.parse import unquote

from django.urls import resolve, reverse

from parindex.portal.converters import CodeConverter


def test_codes_round_trip_through_the_converter():
    converter = CodeConverter()
    for code in ("PY-TUONGPHU", "1/2", "50%", "a%2Fb", "Xã-1"):
        assert converter.to_python(converter.to_url(code)) == code


def test_a_code_with_a_slash_resolves_to_itself():
    url = reverse("portal:unit", args=("SL/PY", 2022, "bộ-2022", "X/1"))

    assert url.count("/") == 7  # /public/<j>/<year>/<set>/units/<unit>/
    match = resolve(unquote(url))  # the path as the server decodes it
    assert match.kwargs == {
        "jurisdiction": "SL/PY",
        "year": 2022,
        "set_code": "bộ-2022",
        "unit_code": "X/1",
    }
