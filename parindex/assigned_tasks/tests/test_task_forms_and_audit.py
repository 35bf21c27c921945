"""Adding, editing and deleting a task through its pages: clear errors, no lost update, every
change audited with the values before and after, a deletion only with a reason."""

import datetime

from django.urls import reverse

from parindex.assigned_tasks.models import AssignedTask
from parindex.assigned_tasks.tests.conftest import make_task
from parindex.audit.models import AuditEntry


def _data(**overrides):
    data = {
        "document_number": "4010/UBND-KT",
        "document_date": "2022-08-29",
        "issuer": "UBND tỉnh",
        "content": "Ba\u0301o ca\u0301o",
        "department": "",
        "deadline": "2022-09-30",
        "completed_on": "",
        "notes": "",
    }
    return data | overrides


def test_adding_a_task_stores_nfc_and_audits_it(client_for, reporter, commune, finance):
    url = reverse("assigned_tasks:task_create", args=[commune.pk])
    response = client_for(reporter).post(url, _data(department=finance.pk))
    assert response.status_code == 302
    task = AssignedTask.objects.get()
    assert (task.content, task.created_by, task.department) == ("Báo cáo", reporter, finance)
    entry = AuditEntry.objects.get(action="assigned_task.created")
    assert entry.unit == commune and entry.data["changes"]["deadline"] == ["", "2022-09-30"]


def test_errors_are_shown_next_to_their_fields(client_for, reporter, commune):
    url = reverse("assigned_tasks:task_create", args=[commune.pk])
    response = client_for(reporter).post(
        url, _data(content="", deadline="2022-08-01", document_date="2022-08-29")
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "The task was not saved" in page
    assert "This field is required." in page
    assert "The deadline is before the document date." in page
    assert not AssignedTask.objects.exists()


def test_a_department_of_another_district_cannot_be_chosen(client_for, reporter, commune, province):
    from parindex.orgs.models import UnitKind
    from parindex.orgs.tests.factories import DepartmentFactory, UnitFactory

    other = UnitFactory(code="SL-MY", kind=UnitKind.DISTRICT, parent=province)
    foreign = DepartmentFactory(jurisdiction=other, code="TCKH")
    url = reverse("assigned_tasks:task_create", args=[commune.pk])
    response = client_for(reporter).post(url, _data(department=foreign.pk))
    assert response.status_code == 400 and not AssignedTask.objects.exists()


def test_editing_records_old_and_new_values(client_for, reporter, commune):
    task = make_task(commune, content="Báo cáo", deadline=datetime.date(2022, 9, 30))
    client = client_for(reporter)
    url = reverse("assigned_tasks:task_edit", args=[task.pk])
    form = client.get(url).context["form"]
    data = _data(completed_on="2022-09-29", loaded_state=form["loaded_state"].value())
    data.update(document_number="", document_date="", issuer="", content="Báo cáo")
    assert client.post(url, data).status_code == 302
    task.refresh_from_db()
    assert task.completed_on == datetime.date(2022, 9, 29)
    changes = AuditEntry.objects.get(action="assigned_task.updated").data["changes"]
    assert changes == {"completed_on": ["", "2022-09-29"]}


def test_a_stale_form_does_not_overwrite_someone_elses_change(client_for, reporter, head, commune):
    task = make_task(commune, content="Báo cáo", deadline=datetime.date(2022, 9, 30))
    url = reverse("assigned_tasks:task_edit", args=[task.pk])
    reporter_client, head_client = client_for(reporter), client_for(head)
    stale = reporter_client.get(url).context["form"]["loaded_state"].value()
    fresh = head_client.get(url).context["form"]["loaded_state"].value()
    base = _data(document_number="", document_date="", issuer="", content="Báo cáo")
    assert (
        head_client.post(url, base | {"notes": "đã đôn đốc", "loaded_state": fresh}).status_code
        == 302
    )
    response = reporter_client.post(
        url, base | {"completed_on": "2022-09-01", "loaded_state": stale}
    )
    assert (
        response.status_code == 400
        and "Someone else changed this record" in response.content.decode()
    )
    task.refresh_from_db()
    assert task.notes == "đã đôn đốc" and task.completed_on is None


def test_deleting_needs_a_reason_and_keeps_the_row(client_for, organiser, commune):
    task = make_task(commune, content="Nhập trùng")
    client = client_for(organiser)
    url = reverse("assigned_tasks:task_delete", args=[task.pk])
    assert "Nhập trùng" in client.get(url).content.decode()
    assert client.post(url, {"reason": "  "}).status_code == 400
    assert client.post(url, {"reason": "Trùng với nhiệm vụ 12"}).status_code == 302

    task.refresh_from_db()
    assert task.is_deleted and task.deleted_by == organiser
    entry = AuditEntry.objects.get(action="assigned_task.deleted")
    assert entry.reason == "Trùng với nhiệm vụ 12" and entry.data["content"] == "Nhập trùng"
    register = client.get(reverse("assigned_tasks:register", args=[commune.pk])).content.decode()
    assert "Nhập trùng" not in register
    assert client.get(url).status_code == 404  # a deleted task cannot be edited or deleted again
