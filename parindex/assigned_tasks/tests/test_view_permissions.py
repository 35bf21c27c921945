"""Every page and action for every role, inside and outside its scope: 200 (or the redirect
after a successful POST) for those allowed, 403 for those who see the unit without the role,
404 for those who cannot see it at all, the login page for anonymous visitors."""

import pytest
from django.urls import reverse

from parindex.assigned_tasks.feed import set_feed
from parindex.assigned_tasks.tests.conftest import make_task
from parindex.testing.roles import CAST, expect

EDITORS = {"organiser", "reporter", "head"}
READERS = EDITORS | {"appraiser", "council", "viewer", "dept_owner"}
DISTRICT_STAFF = {"appraiser", "council", "viewer", "dept_owner"}


@pytest.fixture
def world(commune, department, finance, campaign, assessment, organiser):
    set_feed(organiser, campaign, "1.3")
    return {
        "unit": commune,
        "task": make_task(commune, content="Việc của Nội vụ", department=department),
        "other_task": make_task(commune, content="Việc của Tài chính", department=finance),
        "campaign": campaign,
        "assessment": assessment,
    }


CASES = [
    ("index", None, "get", None, dict.fromkeys(CAST, 200)),
    ("register", "unit", "get", None, expect(READERS, set())),
    ("task_create", "unit", "get", None, expect(EDITORS, DISTRICT_STAFF)),
    ("task_create", "unit", "post", {"content": ""}, expect(set(), DISTRICT_STAFF | EDITORS)),
    ("task_edit", "task", "get", None, expect(EDITORS, DISTRICT_STAFF)),
    ("task_delete", "task", "get", None, expect(EDITORS, DISTRICT_STAFF)),
    ("task_delete", "other_task", "post", {"reason": ""}, expect(set(), DISTRICT_STAFF | EDITORS)),
    ("export", "unit_xlsx", "get", None, expect(READERS, set())),
    ("import", "unit", "get", None, expect(EDITORS, DISTRICT_STAFF)),
    ("fill", "fill", "post", {"base_revision": "0"},
     expect({"reporter", "head"}, DISTRICT_STAFF | {"organiser"}, ok=302)),
    ("feeds", None, "get", None, expect({"organiser"}, set(CAST))),
    ("feed_set", "campaign", "post", {"c{pk}-node_code": "1.3"},
     expect({"organiser"}, set(CAST) - {"stranger"}, ok=302)),
]  # fmt: skip
# An invalid POST by an editor answers 400: counted as "forbidden" above, so fix it up here.
INVALID_POST = {"task_create", "task_delete"}


def _url(name, target, world) -> str:
    args = {
        None: [],
        "unit": [world["unit"].pk],
        "unit_xlsx": [world["unit"].pk, "xlsx"],
        "task": [world["task"].pk],
        "other_task": [world["other_task"].pk],
        "fill": [world["unit"].pk, world["assessment"].pk],
        "campaign": [world["campaign"].pk],
    }[target]
    return reverse(f"assigned_tasks:{name}", args=args)


@pytest.mark.parametrize(
    ("name", "target", "method", "data", "expected"),
    CASES,
    ids=[f"{c[0]}-{c[2]}" for c in CASES],
)
def test_each_role_gets_what_its_scope_allows(client_for, cast, world, name, target, method,
                                              data, expected):  # fmt: skip
    if method == "post" and name in INVALID_POST:
        expected = {r: 400 if r in EDITORS else s for r, s in expected.items()}
    url = _url(name, target, world)
    data = {k.format(pk=world["campaign"].pk): v for k, v in (data or {}).items()}
    got = {
        role: getattr(client_for(user), method)(url, data).status_code
        for role, user in cast.items()
    }
    assert got == expected


@pytest.mark.parametrize(("name", "target", "method"), [(c[0], c[1], c[2]) for c in CASES])
def test_anonymous_visitors_are_sent_to_the_login_page(client, world, name, target, method):
    response = getattr(client, method)(_url(name, target, world))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_department_owner_sees_only_its_departments_tasks(client_for, dept_owner, world):
    client = client_for(dept_owner)
    page = client.get(_url("register", "unit", world)).content.decode()
    assert "Việc của Nội vụ" in page and "Việc của Tài chính" not in page
    assert "You see the tasks of your department only." in page
    assert "Add a task" not in page and "Criteria computed from this register" not in page
    export = client.get(_url("export", "unit_xlsx", world)).content
    from parindex.assigned_tasks.tests.tables import read_xlsx

    assert [row[4] for row in read_xlsx(export)[1:]] == ["Việc của Nội vụ"]
    index = client.get(reverse("assigned_tasks:index")).content.decode()
    assert world["unit"].name in index


def test_the_index_lists_only_the_units_a_user_may_read(client_for, reporter, organiser, world,
                                                        other_commune):  # fmt: skip
    own = client_for(reporter).get(reverse("assigned_tasks:index")).content.decode()
    assert world["unit"].name in own and other_commune.name not in own
    everything = client_for(organiser).get(reverse("assigned_tasks:index")).content.decode()
    assert world["unit"].name in everything and other_commune.name in everything


def test_an_editor_cannot_move_a_task_by_posting_another_units_task(client_for, outsider, world):
    response = client_for(outsider).post(_url("task_edit", "task", world), {"content": "x"})
    assert response.status_code == 404
