"""The evidence start page lists the libraries the user may open, with document counts."""

from django.urls import reverse


def test_lists_units_in_scope_with_counts(client_for, organiser, commune, commune_pdf):
    page = client_for(organiser).get(reverse("evidence:index")).content.decode()

    assert reverse("evidence:library", args=[commune.pk]) in page
    assert "Huyện Phù Yên" in page
    assert '<td class="num">1</td>' in page  # the commune's one document
    assert "Tỉnh Sơn La" not in page


def test_reporter_sees_only_their_unit(client_for, reporter, commune, other_commune):
    page = client_for(reporter).get(reverse("evidence:index")).content.decode()

    assert reverse("evidence:library", args=[commune.pk]) in page
    assert reverse("evidence:library", args=[other_commune.pk]) not in page


def test_department_owner_has_no_library(client_for, dept_owner, commune):
    page = client_for(dept_owner).get(reverse("evidence:index")).content.decode()

    assert reverse("evidence:library", args=[commune.pk]) not in page
