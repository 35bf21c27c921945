"""The organiser's pages: forms show problems inline, refusals list them, files download."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from parindex.frameworks.documents import to_document
from parindex.frameworks.models import FrameworkVersion, Status
from parindex.frameworks.tests.sample import find_node, sample_document
from parindex.frameworks.xlsx_format import read_xlsx, write_xlsx
from parindex.frameworks.yaml_format import dump_yaml, load_yaml

LEAF = {
    "code": "2.2",
    "title": "Tiêu chí mới",
    "max_points": "1",
    "rule_kind": "bands",
    "na": "",
}


def _url(name: str, *args) -> str:
    return reverse(f"frameworks:{name}", args=args)


def test_a_bad_rule_configuration_is_shown_under_its_field(client_for, organiser, draft_set):
    parent = draft_set.nodes.get(code="2")
    data = LEAF | {"parent": parent.pk, "rule_config": "measure: ratio\nbands: []"}
    response = client_for(organiser).post(_url("node_add", draft_set.pk), data)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "rule_config" in errors
    assert not draft_set.nodes.filter(code="2.2").exists()


def test_yaml_that_does_not_parse_is_an_inline_error(client_for, organiser, draft_set):
    data = LEAF | {"rule_config": "bands: [unclosed"}
    response = client_for(organiser).post(_url("node_add", draft_set.pk), data)
    assert "Not valid YAML" in response.context["form"].errors["rule_config"][0]


def test_a_valid_node_is_added_and_shown_in_the_tree(client_for, organiser, draft_set):
    parent = draft_set.nodes.get(code="2")
    config = "measure: count\nbands:\n  - {min: '0', max: '2', points: '0'}\n" + (
        "  - {min: '2', points: '1'}"
    )
    data = LEAF | {"parent": parent.pk, "rule_config": config}
    client = client_for(organiser)
    response = client.post(_url("node_add", draft_set.pk), data)
    assert response.status_code == 302, response.context["form"].errors
    assert draft_set.nodes.get(code="2.2").parent == parent
    assert "Tiêu chí mới" in client.get(_url("detail", draft_set.pk)).text


def test_edit_form_shows_the_rule_config_as_yaml(client_for, organiser, draft_set):
    node = draft_set.nodes.get(code="1.2")
    response = client_for(organiser).get(_url("node_edit", draft_set.pk, node.pk))
    assert response.context["form"]["rule_config"].initial == "floor: '80'\ntarget: '85'\n"


def test_publish_page_lists_the_issues_and_refuses(client_for, organiser, draft_set):
    draft_set.nodes.filter(code="1.1").update(max_points=3)
    client = client_for(organiser)
    page = client.get(_url("publish", draft_set.pk))
    assert page.status_code == 400 and "node 1" in page.text
    client.post(_url("publish", draft_set.pk))
    draft_set.refresh_from_db()
    assert draft_set.status == Status.DRAFT


def test_publish_then_any_edit_page_answers_conflict(client_for, organiser, draft_set):
    client = client_for(organiser)
    assert client.post(_url("publish", draft_set.pk)).status_code == 302
    node = draft_set.nodes.get(code="1.1")
    response = client.post(_url("node_edit", draft_set.pk, node.pk), LEAF)
    assert response.status_code == 409
    assert draft_set.nodes.get(code="1.1").title == "Ban hành kế hoạch CCHC năm"


def test_import_lists_every_spreadsheet_problem_with_its_row(
    client_for, organiser, district, department
):
    doc = sample_document()
    find_node(doc, "1.2")["department"] = "ZZ"
    find_node(doc, "1.3")["department"] = "YY"
    upload = SimpleUploadedFile("bo-tieu-chi.xlsx", write_xlsx(doc))
    response = client_for(organiser).post(
        _url("import"), {"jurisdiction": district.pk, "file": upload}
    )
    assert response.status_code == 400
    rows = read_xlsx(write_xlsx(doc)).rows
    assert f"row {rows['1.2']}" in response.text and f"row {rows['1.3']}" in response.text
    assert not FrameworkVersion.objects.exists()


def test_import_yaml_then_download_both_formats(client_for, organiser, district, department):
    client = client_for(organiser)
    text = dump_yaml(sample_document())
    upload = SimpleUploadedFile("set.yaml", text.encode())
    response = client.post(_url("import"), {"jurisdiction": district.pk, "file": upload})
    version = FrameworkVersion.objects.get()
    assert response["Location"] == _url("detail", version.pk)
    yaml_download = client.get(_url("export_yaml", version.pk))
    assert yaml_download.content.decode() == text
    assert "commune-2022.yaml" in yaml_download["Content-Disposition"]
    xlsx_download = client.get(_url("export_xlsx", version.pk))
    assert read_xlsx(xlsx_download.content).document == load_yaml(text)


def test_copy_button_opens_the_new_draft(client_for, organiser, published_set):
    response = client_for(organiser).post(_url("copy", published_set.pk))
    copy = FrameworkVersion.objects.get(code="commune-2023")
    assert response["Location"] == _url("detail", copy.pk)


def test_create_an_empty_draft_and_edit_its_header(client_for, organiser, district):
    client = client_for(organiser)
    data = {
        "jurisdiction": district.pk,
        "code": "huyen-2024",
        "title": "Bộ tiêu chí 2024",
        "year": 2024,
        "unit_kind": "commune",
        "scale_to": "100",
        "groups_text": "Xuất sắc: 90; Tốt: 80",
    }
    response = client.post(_url("create"), data)
    version = FrameworkVersion.objects.get(code="huyen-2024")
    assert response.status_code == 302
    assert version.groups == [{"label": "Xuất sắc", "min": "90"}, {"label": "Tốt", "min": "80"}]
    edit = data | {"title": "Bộ tiêu chí năm 2024"}
    client.post(_url("edit", version.pk), edit)
    version.refresh_from_db()
    assert version.title == "Bộ tiêu chí năm 2024"


def test_diff_page_shows_changes_between_two_versions(client_for, organiser, published_set):
    client = client_for(organiser)
    client.post(_url("copy", published_set.pk))
    copy = FrameworkVersion.objects.get(code="commune-2023")
    copy.nodes.filter(code="1.2").update(max_points="1")
    response = client.get(_url("diff"), {"old": published_set.pk, "new": copy.pk})
    diff = response.context["diff"]
    assert [c.code for c in diff.max_changed] == ["1.2"]
    assert to_document(published_set)["year"] == 2022


def test_list_filters_by_year_and_answers_htmx_with_the_table(client_for, organiser, draft_set):
    client = client_for(organiser)
    page = client.get(_url("list"), {"year": 2021}, headers={"HX-Request": "true"})
    assert "<html" not in page.text
    assert "commune-2022" not in page.text
    assert "commune-2022" in client.get(_url("list"), {"year": 2022, "q": "cap xa"}).text


def test_edit_form_shows_points_without_trailing_zeros(client_for, organiser, draft_set):
    node = draft_set.nodes.get(code="1.2")
    form = client_for(organiser).get(_url("node_edit", draft_set.pk, node.pk)).context["form"]
    assert form["max_points"].value() == "0.8042"
