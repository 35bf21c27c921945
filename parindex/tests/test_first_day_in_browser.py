"""Issue 2's "done when", walked in a real browser: a new organiser's first ten minutes.

Log in in Vietnamese as the demo organiser, find Tường Phù by typing "tuong phu", import a
units file with one bad row and get one clear message naming that row, with nothing imported.
"""

import io
import re

import pytest
from django.core.management import call_command
from django.test import override_settings

from parindex.orgs.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UNITS_CSV = (
    "Mã đơn vị,Tên đơn vị,Loại,Mã đơn vị cấp trên\n"
    "SL-PY-X90,Xã Thử Nghiệm Một,commune,SL-PY\n"
    "SL-PY-X91,Xã Thử Nghiệm Hai,không-phải-loại,SL-PY\n"
    "SL-PY-X92,Xã Thử Nghiệm Ba,commune,SL-PY\n"
)


@override_settings(LANGUAGE_CODE="vi")
def test_organiser_logs_in_finds_a_commune_and_is_told_about_a_bad_import_row(page, tmp_path):
    call_command("load_demo", "--allow-production", "--without-campaign", stdout=io.StringIO())
    units_before = Unit.objects.count()

    page.goto("/login/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.fill("input[name=username]", "organiser")
    page.fill("input[name=password]", "parindex-demo")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r"/$"))
    assert page.get_by_text("Đăng xuất").is_visible()

    page.goto("/units/")
    page.fill("input[name=q]", "tuong phu")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=tuong"))
    results = page.locator("main table").inner_text()
    assert "Tường Phù" in results
    assert "Tường Tiến" not in results

    csv_file = tmp_path / "don-vi.csv"
    csv_file.write_text(UNITS_CSV, encoding="utf-8")
    page.goto("/units/import/")
    page.locator("form").filter(has=page.locator("input[type=file]")).first.locator(
        "input[type=file]"
    ).set_input_files(str(csv_file))
    page.locator("form").filter(has=page.locator("input[type=file]")).first.locator(
        "button[type=submit]"
    ).click()
    page.wait_for_load_state()
    body = page.locator("main").inner_text()
    page.screenshot(path=str(tmp_path / "import.png"), full_page=True)
    # The header is row 1, so the bad data line is row 3; the message names the column too.
    assert "Dòng 3, cột 3 (Loại)" in body, body
    assert len(re.findall(r"Dòng \d+", body)) == 1, body
    assert Unit.objects.count() == units_before
    assert not Unit.objects.filter(code__startswith="SL-PY-X9").exists()
