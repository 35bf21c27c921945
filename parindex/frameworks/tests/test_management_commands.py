import pytest
from django.core.management import CommandError, call_command

from parindex.frameworks.models import FrameworkVersion, Status
from parindex.frameworks.tests.sample import find_node, sample_document
from parindex.frameworks.xlsx_format import read_xlsx
from parindex.frameworks.yaml_format import dump_yaml


def test_import_then_export_from_the_command_line(tmp_path, district, department):
    source = tmp_path / "set.yaml"
    source.write_text(dump_yaml(sample_document()), encoding="utf-8")
    call_command("import_framework", str(source), jurisdiction=district.code, publish=True)
    assert FrameworkVersion.objects.get().status == Status.PUBLISHED
    out = tmp_path / "out.xlsx"
    call_command("export_framework", district.code, "commune-2022", str(out))
    assert read_xlsx(out.read_bytes()).document == sample_document()


def test_import_command_fails_listing_the_problems(tmp_path, district, department):
    doc = sample_document()
    find_node(doc, "1.1")["department"] = "ZZ"
    source = tmp_path / "set.yaml"
    source.write_text(dump_yaml(doc), encoding="utf-8")
    with pytest.raises(CommandError, match=r"node 1\.1.*ZZ"):
        call_command("import_framework", str(source), jurisdiction=district.code)
    assert not FrameworkVersion.objects.exists()
