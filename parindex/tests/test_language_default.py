"""The interface is Vietnamese unless the user picks English, whatever the browser says."""

import pytest
from django.conf import settings


def test_vietnamese_is_the_configured_default():
    from parindex import settings as project_settings

    assert project_settings.LANGUAGE_CODE == "vi"


@pytest.mark.django_db
def test_english_browser_still_gets_vietnamese(client, settings):
    settings.LANGUAGE_CODE = "vi"
    response = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "vi"
    assert '<html lang="vi">' in response.text
    assert "Đăng nhập" in response.text  # "Log in", from the compiled catalogue


@pytest.mark.django_db
def test_explicit_choice_of_english_is_honoured(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/login/", HTTP_ACCEPT_LANGUAGE="vi")
    assert response.headers["Content-Language"] == "en"
    assert '<html lang="en">' in response.text
