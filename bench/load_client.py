"""Simulated people for the load benchmark: a browser each (cookies, CSRF token, the revisions
its page shows), standard library only, talking to 127.0.0.1 and nothing else.

A reporter opens their unit's self-assessment page (every field's summary and the leaves of the
first unfinished field), then opens one more field as a clerk does (its leaves come by htmx),
saves answers one node at a time as htmx does (HX-Request header, the CSRF token from the page,
the node's base revision, which the saved fragment then updates), and reopens the page now and
then. An organiser reopens the campaign dashboard. Each person pauses between actions
(`think`), as people do.
"""

import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookiejar import CookieJar

from parindex.assessments.answer_samples import sample_answer

PAGE, FIELD = "self-assessment page", "field leaves (htmx)"
SAVE, DASHBOARD = "save a node (htmx)", "campaign dashboard"
SAVES_PER_PAGE = 4  # on average a clerk answers a few nodes, then reloads or comes back
TIMEOUT_SECONDS = 60
LOCAL = "http://127.0.0.1:"

_TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')
_FORM_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# A leaf's form, then its result block with the revision the page shows (_leaf.html).
_LEAF = re.compile(
    r'hx-post="([^"]+/nodes/([^/"]+)/)".*?id="(n\d+)-result"[^>]*>\s*'
    r'<input type="hidden" name="base_revision" value="(\d+)"',
    re.S,
)
# A closed field's summary: its leaves load from this URL as it opens (assessment.html).
_FIELD_LINK = re.compile(r'hx-get="(/campaigns/assessments/\d+/fields/[^/"]+/)"')
_UNIT_LINK = re.compile(r'href="/campaigns/assessments/\d+/"')
_REVISION = re.compile(r'name="base_revision" value="(\d+)"')
# The paths of the pages measured, as the server sees them (for CPU per request).
_PATHS = {
    ("GET", re.compile(r"/campaigns/assessments/\d+/")): PAGE,
    ("GET", re.compile(r"/campaigns/assessments/\d+/fields/[^/]+/")): FIELD,
    ("POST", re.compile(r"/campaigns/assessments/\d+/nodes/[^/]+/")): SAVE,
    ("GET", re.compile(r"/campaigns/\d+/")): DASHBOARD,
}


def page_of(method: str, path: str) -> str | None:
    """Which measured page a request was, or None (logins, warm-up pages of other kinds)."""
    for (wanted, pattern), page in _PATHS.items():
        if method == wanted and pattern.fullmatch(path):
            return page
    return None


class Refused(Exception):
    """A response that a person would see as a failure (status, error message, conflict)."""


@dataclass
class Leaf:
    url: str
    code: str
    target: str
    revision: int


@dataclass
class Samples:
    """Latencies (seconds) and failures per page, shared by every simulated person."""

    seconds: dict[str, list[float]] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    new_revisions: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, page: str, seconds: float, error: str | None, new_revision: bool) -> None:
        with self.lock:
            self.seconds.setdefault(page, []).append(seconds)
            self.errors.setdefault(page, [])
            if error is not None:
                self.errors[page].append(error)
            self.new_revisions += new_revision


class Browser:
    def __init__(self, base_url: str) -> None:
        if not base_url.startswith(LOCAL):
            raise ValueError(f"the load benchmark talks to {LOCAL} only, not {base_url}")
        self.base_url = base_url.rstrip("/")
        self.token = ""
        # No proxies: the traffic must stay on 127.0.0.1 whatever the environment says.
        self.opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}),
            urllib.request.HTTPCookieProcessor(CookieJar()),
        )

    def request(
        self, path: str, data: list[tuple[str, str]] | None = None, headers: dict | None = None
    ) -> tuple[str, dict[str, str]]:
        """The body and headers of a 200 response; Refused for anything else."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        url = self.base_url + path  # http://127.0.0.1:<port>/…, checked in __init__
        request = urllib.request.Request(url, data=body, headers=headers or {})  # noqa: S310
        try:
            with self.opener.open(request, timeout=TIMEOUT_SECONDS) as response:
                text = response.read().decode()
                status, found = response.status, dict(response.headers.items())
        except urllib.error.HTTPError as error:
            error.close()
            raise Refused(f"HTTP {error.code}") from None
        except OSError as error:  # reset, refused, timeout
            raise Refused(type(error).__name__) from None
        if status != 200:
            raise Refused(f"HTTP {status}")
        return text, found

    def warm_up(self, path: str, times: int) -> None:
        for _ in range(times):
            self.request(path)

    def login(self, username: str, password: str) -> None:
        page, _ = self.request("/login/")
        token = _FORM_TOKEN.search(page)
        if token is None:
            raise Refused("no CSRF token on the login page")
        fields = [("username", username), ("password", password)]
        home, _ = self.request(
            "/login/",
            [("csrfmiddlewaretoken", token.group(1)), *fields],
            {"Origin": self.base_url, "Referer": self.base_url + "/login/"},
        )
        if 'action="/logout/"' not in home:
            raise Refused(f"{username} could not log in")


def form_fields(inputs: dict) -> list[tuple[str, str]]:
    """The form fields a person fills in for `inputs` (the widgets of answer_widgets.py)."""
    if "value" not in inputs:  # a formula's named inputs
        return [(f"in_{name}", str(value)) for name, value in inputs.items()]
    value = inputs["value"]
    if isinstance(value, bool):
        return [("value", "true" if value else "false")]
    if isinstance(value, dict) and "den" in value:
        return [("num", str(value["num"])), ("den", str(value["den"]))]
    if isinstance(value, dict):  # events: a count per kind
        return [(f"ev_{key}", str(count)) for key, count in value.items()]
    if isinstance(value, list):  # checklist: the ticked items, or "none of these"
        return [("item", key) for key in value] or [("none", "1")]
    return [("value", str(value))]


class Reporter:
    """A unit's reporter working on its self-assessment."""

    def __init__(self, browser: Browser, assessment: int, rules: dict[str, dict], seed: int):
        self.browser, self.rules = browser, rules
        self.path = f"/campaigns/assessments/{assessment}/"
        self.rng = random.Random(seed)
        self.leaves: dict[str, Leaf] = {}
        self.fields: list[str] = []  # the URLs of the fields the page showed closed

    def _learn(self, html: str) -> int:
        """Note the leaves `html` shows (their URLs and revisions); how many."""
        found = {m.group(2): Leaf(m.group(1), m.group(2), m.group(3), int(m.group(4)))
                 for m in _LEAF.finditer(html)}  # fmt: skip
        self.leaves.update(found)
        return len(found)

    def open_page(self) -> None:
        page, _ = self.browser.request(self.path)
        token = _TOKEN.search(page)
        self.fields = _FIELD_LINK.findall(page)
        if token is None or not (self._learn(page) or self.fields):
            raise Refused("the page has no CSRF token or no field")
        self.browser.token = token.group(1)

    def open_field(self) -> None:
        """Open one of the fields the page showed closed, as htmx does when it is toggled."""
        if not self.fields:
            return
        url = self.fields.pop(self.rng.randrange(len(self.fields)))
        headers = {"HX-Request": "true", "HX-Current-URL": self.browser.base_url + self.path}
        fragment, _ = self.browser.request(url, None, headers)
        if not self._learn(fragment):
            raise Refused(f"{url} shows no leaf")

    def save(self) -> bool:
        """Answer one node; True when the server recorded a new revision."""
        leaf = self.leaves[self.rng.choice(sorted(self.leaves))]
        inputs = sample_answer(self.rules[leaf.code], self.rng, quality=self.rng.random())
        browser = self.browser
        data = [
            ("csrfmiddlewaretoken", browser.token),
            *form_fields(inputs),
            ("note", "Theo báo cáo số 12/BC-UBND."),
            ("base_revision", str(leaf.revision)),
        ]
        headers = {
            "HX-Request": "true",
            "HX-Current-URL": browser.base_url + self.path,
            "HX-Target": f"{leaf.target}-result",
            "X-CSRFToken": browser.token,
            "Origin": browser.base_url,
        }
        fragment, found = browser.request(leaf.url, data, headers)
        revision = _REVISION.search(fragment)
        if "HX-Retarget" in found or "errorlist" in fragment or revision is None:
            raise Refused(f"{leaf.code} not saved")
        previous, leaf.revision = leaf.revision, int(revision.group(1))
        return leaf.revision > previous


def timed(samples: Samples, page: str, action: Callable[[], object]) -> None:
    started = time.perf_counter()
    error, result = None, None
    try:
        result = action()
    except Refused as refused:
        error = str(refused)
    samples.add(page, time.perf_counter() - started, error, result is True)


def reporter_loop(
    reporter: Reporter, samples: Samples, until: float, think: Callable[[], None]
) -> None:
    """Until `until`: pause, then save an answer on the page already open or, one time in
    SAVES_PER_PAGE + 1, reopen the page (drawn each time, so people do not fall in step);
    after the page, and before any save when no leaf is shown, open one more field."""
    field_next = False
    while True:
        think()
        if time.perf_counter() >= until:
            return
        if field_next or not reporter.leaves:
            timed(samples, FIELD, reporter.open_field)
            field_next = False
        elif reporter.rng.random() * (SAVES_PER_PAGE + 1) < 1:
            timed(samples, PAGE, reporter.open_page)
            field_next = True
        else:
            timed(samples, SAVE, reporter.save)


def organiser_loop(
    browser: Browser, campaign: int, units: int, samples: Samples, until: float, think
) -> None:
    path = f"/campaigns/{campaign}/"

    def open_dashboard() -> None:
        page, _ = browser.request(path)
        if len(_UNIT_LINK.findall(page)) != units:
            raise Refused("the dashboard does not list every unit")

    while True:
        think()
        if time.perf_counter() >= until:
            return
        timed(samples, DASHBOARD, open_dashboard)
