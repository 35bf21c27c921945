"""The load benchmark's CPU per request: the workers' notes are read back per page, only for
the measured window and only for the pages measured."""

from bench.load_client import DASHBOARD, FIELD, PAGE, SAVE, page_of
from bench.load_cpu import request_cpu


def test_each_measured_path_is_named_and_others_are_not():
    assert page_of("GET", "/campaigns/assessments/12/") == PAGE
    assert page_of("GET", "/campaigns/assessments/12/fields/3/") == FIELD
    assert page_of("POST", "/campaigns/assessments/12/nodes/1.2.3/") == SAVE
    assert page_of("GET", "/campaigns/7/") == DASHBOARD
    assert page_of("GET", "/login/") is None
    assert page_of("POST", "/campaigns/assessments/12/") is None
    assert page_of("GET", "/campaigns/7/export.csv") is None


def test_notes_outside_the_window_or_of_other_pages_are_left_out(tmp_path):
    (tmp_path / "101.tsv").write_text(
        "100.0\tGET\t/campaigns/assessments/1/\t80.5\n"  # before the window
        "200.0\tGET\t/campaigns/assessments/1/\t90.25\n"
        "201.0\tPOST\t/campaigns/assessments/1/nodes/1.1/\t20\n"
    )
    (tmp_path / "102.tsv").write_text(
        "202.0\tGET\t/login/\t5\n203.0\tGET\t/campaigns/3/\t40\n400.0\tGET\t/campaigns/3/\t41\n"
    )

    found = request_cpu(tmp_path, 150.0, 300.0, page_of)

    assert found == {PAGE: [90.25], SAVE: [20.0], DASHBOARD: [40.0]}
