"""Login throttling: too many recent failures lock an account or an IP for a while.

Failures are rows in the database (LoginAttempt), not cache entries, so every gunicorn worker
on every node sees the same count. A lock lasts until enough failures have aged out of the
window (LOGIN_FAILURE_WINDOW_SECONDS) for the count to drop under its limit.
"""

import logging
import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from parindex.accounts.models import LoginAttempt, User
from parindex.audit.services import log_action
from parindex.textnorm import fold

security_log = logging.getLogger("parindex.security")

ACCOUNT = "account"
IP = "ip"


@dataclass(frozen=True)
class Lock:
    scope: str  # ACCOUNT or IP
    seconds_left: int

    @property
    def minutes_left(self) -> int:
        return max(1, math.ceil(self.seconds_left / 60))


def account_key(username: str) -> str:
    """The form attempts are counted under: 'Admin ' and 'admin' are the same account."""
    return fold(username)[:150]


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address. Behind TRUSTED_PROXY_COUNT proxies (nginx …), the address the
    nearest trusted proxy saw; X-Forwarded-For entries left of that are the client's to forge,
    so they are never used, and without trusted proxies the header is ignored entirely."""
    if request is None:
        return None
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def _window() -> timedelta:
    return timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)


def _seconds_locked(failures, limit: int, now: datetime) -> int:
    """Seconds until fewer than `limit` of `failures` lie in the window (0: not locked)."""
    # The limit-th newest failure is the one whose expiry ends the lock.
    nth_newest = failures.order_by("-at").values_list("at", flat=True)[limit - 1 : limit]
    expiry = [at + _window() for at in nth_newest]
    if not expiry or expiry[0] <= now:
        return 0
    return math.ceil((expiry[0] - now).total_seconds())


def current_lock(username: str, ip: str | None, now: datetime | None = None) -> Lock | None:
    """The lock in force for this account or IP, the account's first, or None."""
    now = now or timezone.now()
    seconds = _seconds_locked(
        LoginAttempt.objects.filter(username=account_key(username)),
        settings.LOGIN_FAILURE_LIMIT,
        now,
    )
    if seconds:
        return Lock(ACCOUNT, seconds)
    if ip:
        seconds = _seconds_locked(
            LoginAttempt.objects.filter(ip=ip), settings.LOGIN_IP_FAILURE_LIMIT, now
        )
        if seconds:
            return Lock(IP, seconds)
    return None


def record_failure(username: str, ip: str | None) -> Lock | None:
    """Count one failed login; when it trips a lock, log and audit the lockout."""
    now = timezone.now()
    key = account_key(username)
    with transaction.atomic():
        LoginAttempt.objects.filter(at__lte=now - _window()).delete()
        LoginAttempt.objects.create(username=key, ip=ip, at=now)
        lock = current_lock(username, ip, now)
        if lock is not None:
            _report_lockout(username, ip, lock)
    return lock


def _report_lockout(username: str, ip: str | None, lock: Lock) -> None:
    security_log.warning(
        "Login locked (%s) for username %r from %s for %s s",
        lock.scope,
        username,
        ip,
        lock.seconds_left,
    )
    target = User.objects.filter(username=username).first()
    log_action(
        None,
        "login.locked",
        target,
        data={"scope": lock.scope, "username": username, "seconds": lock.seconds_left},
        ip=ip,
    )


def clear_failures(username: str) -> None:
    """A successful login wipes the account's failures (not the IP's: one good password
    must not reset an attacker's count)."""
    LoginAttempt.objects.filter(username=account_key(username)).delete()
