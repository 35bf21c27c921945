"""In Chromium: the organiser builds a plan from Tường Phù's lost points (7.3.2 and 7.3.3
grouped), Phòng Nội vụ's owner marks its task done with a scanned decision as evidence, and the
letter downloads and reads back with python-docx with the right criterion codes and amounts."""

import re

import pytest
from docx import Document

from parindex.evidence.tests.samples import pdf_bytes
from parindex.orgs.tests.factories import TEST_PASSWORD
from parindex.remediation.models import RemediationPlan, TaskStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/$"))


def test_plan_built_task_done_with_evidence_letter_exported(
    page, tmp_path, organiser, dept_owner, commune, campaign, snapshot
):
    _log_in(page, "organiser")
    page.goto(f"/remediation/units/{commune.pk}/campaigns/{campaign.pk}/lost/")
    assert page.locator("#results-source").is_visible()
    rows = page.locator("#lost-points tbody tr[id^=loss-]")
    assert rows.count() == 6
    page.locator("input[name=grouped][value='7.3.2']").check()
    page.locator("input[name=grouped][value='7.3.3']").check()
    page.fill("input[name=reference]", "125/UBND-NV")
    page.locator("#build-plan button[type=submit]").click()
    page.wait_for_url(re.compile(r"/remediation/plans/\d+/$"))
    plan = RemediationPlan.objects.get()
    assert page.locator("#tasks tbody tr[id^=task-]").count() == 5

    _log_in(page, "dept_owner")
    task = plan.tasks.get(lost__has_key="1.5")
    page.goto("/remediation/tasks/")
    assert page.locator("#tasks tbody tr[id^=task-]").count() == 2  # 1.3.3 and 1.5 only
    page.locator(f"#task-{task.pk} a").click()
    page.wait_for_url(re.compile(rf"/remediation/tasks/{task.pk}/$"))

    scan = tmp_path / "quyet-dinh-cong-nhan-sang-kien.pdf"
    scan.write_bytes(pdf_bytes("Quyet dinh cong nhan 02 sang kien"))
    page.locator("#evidence-form input[type=file]").set_input_files(str(scan))
    page.fill("#evidence-form input[name=title]", "Quyết định công nhận 02 sáng kiến")
    page.locator("#evidence-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/remediation/tasks/{task.pk}/$"))
    assert "Quyết định công nhận 02 sáng kiến" in page.locator("#evidence").inner_text()

    page.select_option("#status-form select[name=status]", TaskStatus.DONE)
    page.fill("#status-form textarea[name=reason]", "Đã có 02 sáng kiến được công nhận")
    page.locator("#status-form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/remediation/tasks/{task.pk}/$"))
    assert "Đã có 02 sáng kiến được công nhận" in page.locator("#history").inner_text()
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    assert task.changes.get().by == dept_owner
    assert task.evidence.get().document.unit == commune

    _log_in(page, "organiser")
    page.goto(f"/remediation/plans/{plan.pk}/")
    with page.expect_download() as download:
        page.locator("#letter-link").click()
    letter = tmp_path / "letter.docx"
    download.value.save_as(letter)
    text = "\n".join(p.text for p in Document(str(letter)).paragraphs)
    assert re.findall(r"Tiêu chí ([\d.]+)", text) == [
        "1.3.3",
        "1.4.3",
        "1.5",
        "7.3.2",
        "7.3.3",
        "7.6.1",
    ]
    assert "trừ 01 điểm" in text and "trừ 0,75 điểm" in text
    assert "trừ 0,8042 điểm; Tiêu chí 7.3.3" in text
