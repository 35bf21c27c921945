"""pytest plugin: a Playwright page driving Debian's Chromium against the live test server.

Never `playwright install`: there is no download host on government intranets or here. When
/usr/bin/chromium is missing the browser tests are skipped with a loud reason (.ci/run
installs it, so CI always runs them).
"""

import os
import shutil
from collections.abc import Iterator

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run
# in a thread with a running loop unless told it is safe (it is: one test, one thread).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"!!! Chromium not found at {CHROMIUM}: browser test SKIPPED !!!")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server) -> Iterator[object]:
    """A fresh browser page with Vietnamese as the browser language; base_url = live server."""
    context = chromium.new_context(base_url=live_server.url, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
