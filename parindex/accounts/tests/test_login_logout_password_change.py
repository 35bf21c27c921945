"""Log in, log out and change the password with the project's templates."""

import pytest
from django.urls import reverse

from parindex.orgs.tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_login_then_home_then_logout(client, reporter):
    response = client.post(
        reverse("accounts:login"), {"username": "reporter", "password": TEST_PASSWORD}
    )
    assert response.url == reverse("home")
    assert client.get(reverse("home")).status_code == 200
    response = client.post(reverse("accounts:logout"))
    assert response.url == reverse("accounts:login")
    assert client.get(reverse("home")).status_code == 302


def test_login_page_links_to_password_reset(client):
    page = client.get(reverse("accounts:login")).content.decode()
    assert reverse("accounts:password_reset") in page


def test_wrong_password_shows_the_form_again(client, reporter):
    response = client.post(reverse("accounts:login"), {"username": "reporter", "password": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_password_change(client_for, reporter):
    client = client_for(reporter)
    new = "Đổi-mật-khẩu-2025"
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.url == reverse("accounts:password_change_done")
    assert client.get(response.url).status_code == 200
    reporter.refresh_from_db()
    assert reporter.check_password(new)


def test_password_change_needs_login(client):
    response = client.get(reverse("accounts:password_change"))
    assert response.url.startswith(reverse("accounts:login"))
