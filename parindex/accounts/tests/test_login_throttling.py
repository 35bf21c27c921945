"""Failed logins lock the account (5) or the IP (20) for the window, with a clear message."""

import datetime
import logging

import pytest
from django.urls import reverse
from django.utils import timezone

from parindex.accounts.models import LoginAttempt
from parindex.audit.models import AuditEntry
from parindex.orgs.tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = reverse("accounts:login")


@pytest.fixture(autouse=True)
def _limits(settings):
    settings.LOGIN_FAILURE_LIMIT = 5
    settings.LOGIN_IP_FAILURE_LIMIT = 20
    settings.LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60


def attempt(client, username, password, ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_fifth_failure_locks_the_account_even_for_the_right_password(client, reporter):
    for _ in range(4):
        response = attempt(client, "reporter", "wrong")
        assert "Too many failed attempts" not in response.content.decode()
    response = attempt(client, "reporter", "wrong")
    # 15-minute window, all failures just now: the lock ends in 15 minutes.
    assert "Too many failed attempts; try again in 15 minutes" in response.content.decode()
    response = attempt(client, "reporter", TEST_PASSWORD)
    assert response.status_code == 200  # the form again, not a redirect
    assert "_auth_user_id" not in client.session


def test_lock_message_counts_down_as_failures_age(client, reporter):
    now = timezone.now()
    for minutes_ago in (10, 9, 8, 7):
        LoginAttempt.objects.create(
            username="reporter", ip="10.9.9.9", at=now - datetime.timedelta(minutes=minutes_ago)
        )
    response = attempt(client, "reporter", "wrong")
    # The oldest of the 5 failures is 10 minutes old: it leaves the 15-minute window in 5.
    assert "try again in 5 minutes" in response.content.decode()


def test_failures_outside_the_window_do_not_count(client, reporter):
    old = timezone.now() - datetime.timedelta(minutes=16)
    for _ in range(10):
        LoginAttempt.objects.create(username="reporter", ip="10.0.0.1", at=old)
    response = attempt(client, "reporter", TEST_PASSWORD)
    assert response.status_code == 302


def test_usernames_are_counted_case_and_accent_insensitively(client, reporter):
    for name in ("Reporter", "REPORTER", "reporter ", "rëporter", "reporter"):
        attempt(client, name, "wrong")
    response = attempt(client, "reporter", TEST_PASSWORD)
    assert "Too many failed attempts" in response.content.decode()


def test_one_ip_failing_on_many_accounts_is_locked(client, reporter, settings):
    settings.LOGIN_IP_FAILURE_LIMIT = 6
    for n in range(6):
        attempt(client, f"nobody{n}", "wrong", ip="203.0.113.7")
    response = attempt(client, "reporter", TEST_PASSWORD, ip="203.0.113.7")
    assert "Too many failed attempts" in response.content.decode()
    # The same account from another address is not locked: only the IP is.
    response = attempt(client, "reporter", TEST_PASSWORD, ip="198.51.100.2")
    assert response.status_code == 302


def test_success_clears_the_account_failures(client, reporter):
    for _ in range(4):
        attempt(client, "reporter", "wrong")
    assert attempt(client, "reporter", TEST_PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        attempt(client, "reporter", "wrong")
    # 4 + 4 failures, but the success in between reset the count: still under 5.
    assert attempt(client, "reporter", TEST_PASSWORD).status_code == 302


def test_lockout_is_logged_and_audited_once(client, reporter, caplog):
    with caplog.at_level(logging.WARNING, logger="parindex.security"):
        for _ in range(7):
            attempt(client, "reporter", "wrong", ip="10.1.2.3")
    entries = AuditEntry.objects.filter(action="login.locked")
    assert entries.count() == 1  # attempts while locked are refused, not counted again
    entry = entries.get()
    assert entry.object_id == str(reporter.pk)
    assert entry.data["scope"] == "account"
    assert entry.ip == "10.1.2.3"
    assert [r for r in caplog.records if r.name == "parindex.security"]


def test_lockout_of_an_unknown_username_is_audited_without_object(client):
    for _ in range(5):
        attempt(client, "ghost", "wrong")
    entry = AuditEntry.objects.get(action="login.locked")
    assert entry.object_id == ""
    assert entry.data["username"] == "ghost"


def test_other_accounts_are_unaffected_by_an_account_lock(client, reporter):
    UserFactory(username="colleague")
    for _ in range(5):
        attempt(client, "reporter", "wrong")
    assert attempt(client, "colleague", TEST_PASSWORD).status_code == 302
