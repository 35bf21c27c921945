"""Issue 4's appraisal, walked in Chromium from the self-assessment to the council's approval:
the reporter answers and uploads a PDF, the head submits, the organiser starts step 1 and
assigns by department, the appraiser changes one criterion with a reason (Enter saves the row)
and accepts the others, the organiser closes step 1 (notice e-mailed), the unit explains, the
appraiser finalises in step 2, the council approves. The final scores match a hand calculation.
"""

import re

import pytest
from django.core import mail

from parindex.appraisal.tests.factories import full_schedule
from parindex.assessments import services
from parindex.assessments.layers import current_layer
from parindex.assessments.models import AssessmentStatus, Campaign, CampaignStatus, Layer
from parindex.evidence.tests.samples import pdf_bytes
from parindex.frameworks import services as framework_services
from parindex.orgs.tests.factories import TEST_PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RATIO_BANDS = [
    {"min": "0", "max": "50", "points": "0"},
    {"min": "50", "max": "80", "points": "1"},
    {"min": "80", "max": "100", "max_inclusive": True, "points": "2"},
]
# Four leaves of four rule kinds; both fields belong to Phòng Nội vụ. Positions (DOM ids):
# 1 → 0, 1.1 → 1, 1.2 → 2, 2 → 3, 2.1 → 4, 2.2 → 5.
DOCUMENT = {
    "format": "parindex-framework/1",
    "code": "quy-trinh-2022",
    "title": "Bộ chỉ số thử quy trình thẩm định",
    "year": 2022,
    "unit_kind": "commune",
    "scale_to": "100",
    "groups": [
        {"label": "A", "min": "90"},
        {"label": "B", "min": "70"},
        {"label": "C", "min": "0"},
    ],
    "nodes": [
        {
            "code": "1",
            "title": "Công tác chỉ đạo, điều hành",
            "max": "3",
            "department": "NV",
            "children": [
                {
                    "code": "1.1",
                    "title": "Ban hành kế hoạch CCHC",
                    "max": "1",
                    "rule": {"kind": "yes_no"},
                },
                {
                    "code": "1.2",
                    "title": "Tỷ lệ cơ quan được kiểm tra",
                    "max": "2",
                    "rule": {
                        "kind": "bands",
                        "measure": "ratio",
                        "percent": True,
                        "bands": RATIO_BANDS,
                    },
                },
            ],
        },
        {
            "code": "2",
            "title": "Cải cách thủ tục hành chính",
            "max": "2.5",
            "department": "NV",
            "children": [
                {
                    "code": "2.1",
                    "title": "Duy trì ISO 9001",
                    "max": "1.5",
                    "rule": {
                        "kind": "choice",
                        "options": [
                            {"key": "tot", "label": "Tốt", "points": "1.5"},
                            {"key": "dat", "label": "Đạt", "points": "1"},
                        ],
                    },
                },
                {
                    "code": "2.2",
                    "title": "Báo cáo định kỳ đúng hạn",
                    "max": "1",
                    "rule": {
                        "kind": "deductions",
                        "events": [{"key": "late", "label": "Báo cáo trễ", "each": "0.25"}],
                        "nothing_arose": "full",
                    },
                },
            ],
        },
    ],
}
# By hand: self 1 + 2 (9/10 = 90%) + 1.5 (Tốt) + 1 (nothing arose) = 5.5 of 5.5. Step 1 finds
# 4/10 = 40% for 1.2 → 0 (total 3.5). The unit explains 9/10; step 2 settles on 7/10 = 70% → 1.
# Final: 1 + 1 + 1.5 + 1 = 4.5; index 4.5 / 5.5 × 100 = 81.82.
FINAL_POINTS = {"1.1": "1", "1.2": "1", "2.1": "1.5", "2.2": "1"}
FINAL_TOTAL, FINAL_INDEX = "4.5", "81.82"


@pytest.fixture
def campaign(organiser, district, commune, department, reporter, head, appraiser, council):
    version = framework_services.import_document(
        None, district, DOCUMENT, departments={"NV": department}
    )
    version = framework_services.publish(None, version)
    campaign = services.create_campaign(
        organiser,
        jurisdiction=district,
        framework=version,
        year=2022,
        title="Chỉ số CCHC cấp xã năm 2022",
        schedule=full_schedule(),
        units=[commune],
    )
    return services.advance_campaign(organiser, campaign, CampaignStatus.OPEN)


def _log_in(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto("/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", TEST_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/$"))


def _saved(page, selector: str, text: str) -> None:
    page.wait_for_function(f"document.querySelector({selector!r}).innerText.includes({text!r})")


def _type(page, selector: str, text: str) -> None:
    """Type and leave the field: the browser's own change event saves it, once."""
    page.fill(selector, text)
    page.locator(selector).blur()


def _revision(page, node: str, revision: int) -> None:
    """Wait until the node's save of that revision is back and no request is in flight: one
    request at a time, as SQLite's in-memory test database is shared by the server's threads."""
    script = f"document.querySelector('{node} input[name=base_revision]').value === '{revision}'"
    page.wait_for_function(script)
    page.wait_for_function("document.querySelectorAll('.htmx-request').length === 0")


def _self_assessment(page, assessment, tmp_path) -> None:
    _log_in(page, "reporter")
    page.goto(f"/evidence/units/{assessment.unit_id}/upload/")
    pdf = tmp_path / "ke-hoach-cchc-2022.pdf"
    pdf.write_bytes(pdf_bytes("Ke hoach CCHC nam 2022"))
    page.set_input_files("main input[type=file]", str(pdf))
    page.fill("main input[name=title]", "Kế hoạch CCHC năm 2022")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(f"/campaigns/assessments/{assessment.pk}/nodes/1.1/cite/")
    page.select_option("select[name=document]", index=1)  # the only document
    page.fill("input[name=locator]", "trang 1")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/campaigns/assessments/\d+/\?field=1#n1$"))

    page.locator("#n1 input[name=value][value=true]").check()
    _revision(page, "#n1", 1)
    page.fill("#n2 input[name=den]", "10")
    _type(page, "#n2 input[name=num]", "9")
    _revision(page, "#n2", 1)
    _type(page, "#n2 textarea[name=note]", "Biên bản kiểm tra 9/10 cơ quan")
    _revision(page, "#n2", 2)
    page.locator("#n3 > summary").click()  # field 2 loads its leaves as it opens
    page.locator("#n4 select[name=value]").wait_for()
    page.select_option("#n4 select[name=value]", "tot")
    _revision(page, "#n4", 1)
    _type(page, "#n4 textarea[name=note]", "Giấy chứng nhận ISO còn hiệu lực")
    _revision(page, "#n4", 2)
    page.locator("#n5 input[name=nothing_arose]").check()
    _revision(page, "#n5", 1)
    _type(page, "#n5 textarea[name=note]", "Không có báo cáo trễ")
    _revision(page, "#n5", 2)
    page.wait_for_function("document.querySelector('#totals').innerText.includes('5.5 / 5.5')")

    _log_in(page, "head")
    page.goto(f"/campaigns/assessments/{assessment.pk}/submit/")
    page.get_by_role("button", name="Submit").click()
    page.wait_for_url(re.compile(rf"/campaigns/assessments/{assessment.pk}/$"))


def _row(assessment, position: int) -> str:
    return f"#r{assessment.pk}-{position}"


def _step1(page, campaign, assessment) -> None:
    _log_in(page, "organiser")
    page.goto(f"/campaigns/{campaign.pk}/")
    page.get_by_role("button", name=re.compile("Move on to: Appraisal")).click()
    page.goto(f"/appraisal/campaigns/{campaign.pk}/assignments/")
    page.get_by_role("button", name="Assign by department").click()
    page.wait_for_load_state()
    assert "Đinh Thị Thẩm Định" in page.locator("main table").inner_text()

    _log_in(page, "appraiser")
    page.goto(f"/appraisal/campaigns/{campaign.pk}/queue/")
    row = _row(assessment, 2)
    page.fill(f"{row} input[name=num]", "4")
    page.fill(f"{row} input[name=reason]", "Chỉ có 4/10 biên bản kiểm tra")
    page.press(f"{row} input[name=reason]", "Enter")  # Enter saves the row
    page.wait_for_selector(f"{row}.status-changed.saved")
    # …and moves the focus on to the next row.
    assert page.evaluate("document.activeElement.closest('.qrow').id") == _row(assessment, 4)[1:]
    for position in (1, 4, 5):
        page.locator(_row(assessment, position)).get_by_role(
            "button", name="Accept self-score"
        ).click()
        page.wait_for_selector(f"{_row(assessment, position)}.status-accepted")

    _log_in(page, "organiser")
    page.goto(f"/appraisal/campaigns/{campaign.pk}/close-step-1/")
    assert "Chỉ có 4/10 biên bản kiểm tra" in page.locator("main table").inner_text()
    page.get_by_role("button", name="Close step 1 and send the notices").click()
    page.wait_for_url(re.compile(r"/council/$"))


def _explanations(page, campaign, assessment) -> None:
    _log_in(page, "head")
    page.goto("/appraisal/")
    page.get_by_role("link", name=re.compile("Xã Tường Phù")).click()
    page.wait_for_url(re.compile(r"/explanations/$"))
    page.fill("#x2 textarea[name=text]", "Đủ 9/10 biên bản, xem biên bản số 5/BB-UBND")
    page.locator("#x2").get_by_role("button", name="Save the explanation").click()
    _saved(page, "#x2", "saved at")
    page.get_by_role("button", name="Submit the explanations").click()
    page.wait_for_url(re.compile(r"/explanations/$"))

    _log_in(page, "organiser")
    page.goto(f"/campaigns/{campaign.pk}/")
    page.get_by_role("button", name=re.compile("Move on to: Final appraisal")).click()
    page.wait_for_load_state()

    _log_in(page, "appraiser")
    page.goto(f"/appraisal/campaigns/{campaign.pk}/queue/")
    row = _row(assessment, 2)
    assert page.locator(f"{row} input[name=num]").input_value() == "9"  # the unit's claim
    page.fill(f"{row} input[name=num]", "7")
    page.fill(f"{row} input[name=reason]", "Chỉ 7/10 biên bản hợp lệ")
    page.press(f"{row} input[name=reason]", "Enter")
    page.wait_for_selector(f"{row}.status-changed.saved")


def test_the_whole_appraisal_through_the_interface(page, campaign, commune, tmp_path):
    assessment = campaign.assessments.get(unit=commune)
    _self_assessment(page, assessment, tmp_path)
    _step1(page, campaign, assessment)
    notices = [m for m in mail.outbox if "Step-1 appraisal results" in m.subject]
    assert sorted(m.to[0] for m in notices) == ["head@example.test", "reporter@example.test"]
    assert "Chỉ có 4/10 biên bản kiểm tra" in notices[0].body
    _explanations(page, campaign, assessment)

    _log_in(page, "council")
    page.goto(f"/appraisal/campaigns/{campaign.pk}/council/")
    page.get_by_role("button", name="Approve the results").click()
    page.wait_for_url(re.compile(r"/council/$"))
    table = page.locator("#council").inner_text()
    assert re.search(
        rf"Xã Tường Phù\s+Approved\s+5\.5\s+3\.5\s+{FINAL_TOTAL}\s+{FINAL_INDEX}", table
    )

    final = current_layer(assessment.pk, Layer.FINAL)
    assert {code: f"{entry.points.normalize():f}" for code, entry in final.items()} == FINAL_POINTS
    assert final["1.2"].note == "step2 r1: Chỉ 7/10 biên bản hợp lệ"
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.APPROVED
    assert Campaign.objects.get(pk=campaign.pk).status == CampaignStatus.APPROVED
