"""Password reset sends a link by e-mail; the link lets the user set a new password."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from parindex.orgs.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_reset_mail_carries_a_working_link(client):
    user = UserFactory(username="lan", email="lan@example.test", full_name="Lò Thị Lan")
    response = client.post(reverse("accounts:password_reset"), {"email": "lan@example.test"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lan@example.test"]
    assert "Lò Thị Lan" in message.body
    link = re.search(r"http://testserver(/password/reset/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    new = "Mật-khẩu-mới-2025"
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert done.url == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password(new)


def test_unknown_address_sends_nothing_but_looks_the_same(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.test"})
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_account_created_without_password_can_set_its_first_one(client):
    user = UserFactory(username="moi", email="Moi@Example.test", password=None)
    user.set_unusable_password()
    user.save()
    client.post(reverse("accounts:password_reset"), {"email": "moi@example.test"})
    assert len(mail.outbox) == 1


def test_inactive_account_gets_no_mail(client):
    UserFactory(username="gone", email="gone@example.test", is_active=False)
    client.post(reverse("accounts:password_reset"), {"email": "gone@example.test"})
    assert mail.outbox == []
