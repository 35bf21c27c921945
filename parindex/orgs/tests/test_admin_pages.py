"""The admin pages for units, departments, roles and users render for a superuser."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name",
    [
        "admin:orgs_unit_changelist",
        "admin:orgs_department_changelist",
        "admin:orgs_membership_changelist",
        "admin:accounts_user_changelist",
        "admin:accounts_loginattempt_changelist",
    ],
)
def test_admin_changelists(client_for, django_user_model, reporter, department, name):
    admin = django_user_model.objects.create_superuser("root", "root@example.test", "x")
    response = client_for(admin).get(reverse(name), {"q": "tuong"})
    assert response.status_code == 200


def test_admin_unit_page_with_lineage_inline(client_for, django_user_model, commune):
    admin = django_user_model.objects.create_superuser("root", "root@example.test", "x")
    response = client_for(admin).get(reverse("admin:orgs_unit_change", args=[commune.pk]))
    assert response.status_code == 200
