"""load_demo builds the Phù Yên world once; a second run changes nothing and says so."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from parindex.accounts.models import User
from parindex.audit.models import AuditEntry
from parindex.orgs.models import Department, Membership, Role, Unit, UnitKind

pytestmark = pytest.mark.django_db


def load(**options) -> str:
    out = io.StringIO()
    # The campaign is load_demo_campaign's to test (assessments); skipping it saves seconds.
    call_command("load_demo", stdout=out, without_campaign=True, **options)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _debug(settings):
    settings.DEBUG = True


def test_world_and_logins():
    output = load()
    district = Unit.objects.get(code="SL-PY")
    communes = Unit.objects.filter(parent=district)
    assert communes.count() == 27  # seed 003 ranks 27 communes and the township
    names = set(communes.values_list("name", flat=True))
    assert {"Xã Tường Phù", "Thị trấn Phù Yên", "Xã Huy Tường", "Xã Đá Đỏ"} <= names
    assert str(district.valid_to) == "2025-06-30"
    assert not communes.filter(valid_to__isnull=True).exists()
    codes = set(Department.objects.filter(jurisdiction=district).values_list("code", flat=True))
    assert codes == {"NV", "TP", "TCKH", "VHTT", "VP", "KTHT", "NNPTNT", "TNMT", "YT", "CA"}
    merged = Unit.objects.get(code="SL-GIAPHU")
    weights = sorted(merged.predecessor_links.values_list("weight", flat=True))
    assert weights == [Decimal("0.2"), Decimal("0.3"), Decimal("0.5")]
    assert set(Membership.objects.values_list("role", flat=True)) == set(Role.values)
    assert "http://127.0.0.1:8000/" in output
    for username in (
        "organiser",
        "reporter",
        "head",
        "appraiser",
        "council",
        "dept_owner",
        "viewer",
        "outsider",
    ):
        assert username in output
        assert User.objects.get(username=username).check_password("parindex-demo")


def test_second_run_changes_nothing_and_still_prints_logins():
    load()
    counts = (
        Unit.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        AuditEntry.objects.count(),
    )
    output = load()
    assert "nothing changed" in output
    assert "organiser" in output and "parindex-demo" in output
    assert counts == (
        Unit.objects.count(),
        User.objects.count(),
        Membership.objects.count(),
        AuditEntry.objects.count(),
    )


def test_edits_are_kept_and_changed_passwords_are_not_printed():
    load()
    Unit.objects.filter(code="PY-TUONGPHU").update(name="Xã Tường Phù (đã sửa)")
    user = User.objects.get(username="reporter")
    user.set_password("my-own-secret-2025")
    user.save()
    output = load()
    assert Unit.objects.get(code="PY-TUONGPHU").name == "Xã Tường Phù (đã sửa)"
    reporter_line = next(line for line in output.splitlines() if line.startswith("reporter "))
    assert "(changed since)" in reporter_line


def test_refuses_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="allow-production"):
        load()
    assert not Unit.objects.exists()


def test_province_departments_are_assessed_units():
    load()
    sở = Department.objects.get(jurisdiction__code="SL", code="NV")
    assert sở.unit.kind == UnitKind.DEPARTMENT and sở.unit.parent.code == "SL"
