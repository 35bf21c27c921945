"""Throttling counts the real client address; X-Forwarded-For only from trusted proxies."""

from django.test import RequestFactory

from parindex.accounts.throttling import client_ip


def _request(xff: str | None = None):
    extra = {"REMOTE_ADDR": "10.0.0.2"}
    if xff is not None:
        extra["HTTP_X_FORWARDED_FOR"] = xff
    return RequestFactory().get("/login/", **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request("203.0.113.9")) == "10.0.0.2"


def test_one_trusted_proxy_gives_the_address_it_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The client forged "1.1.1.1"; nginx appended the address it really saw.
    assert client_ip(_request("1.1.1.1, 203.0.113.9")) == "203.0.113.9"


def test_missing_header_falls_back_to_remote_addr(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request()) == "10.0.0.2"


def test_fewer_hops_than_proxies_falls_back_to_remote_addr(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request("203.0.113.9")) == "10.0.0.2"
