"""A unit's published scorecard: final points, the self-assessed points the unit submitted,
points lost and the appraisers' reasons — never the unit's own notes, the explanation it gave
during appraisal, or its evidence."""

from decimal import Decimal

from parindex.appraisal.tests.factories import EXPLANATION_TEXT
from parindex.evidence.tests.conftest import upload  # noqa: F401  (fixture)
from parindex.evidence.tests.samples import pdf_bytes
from parindex.portal.tests.pages import campaign_url, unit_url


def scorecard(client, published, code="PY-TUONGPHU"):
    return client.get(unit_url(published.campaign, code))


def test_final_and_self_assessed_points_and_the_reason_are_shown(client, published):
    row = published.units.get(unit__code="PY-TUONGPHU")

    response = scorecard(client, published)

    assert response.status_code == 200
    nodes = {node.code: node for node in response.context["card"].nodes}
    assert nodes["1.1"].points == Decimal("0.5") == row.points_of("1.1")
    assert nodes["1.1"].reason == "Văn bản hợp lệ"
    assert nodes["1.1"].self_points == Decimal(row.self_points["1.1"])
    body = response.content.decode()
    assert "Văn bản hợp lệ" in body
    assert f"{row.index:.2f}" in body
    assert campaign_url(published.campaign) in body
    assert 'data-chart="chart-radar-data"' in body


def test_the_units_notes_explanations_and_evidence_are_not_shown(
    client,
    published,
    commune,
    reporter,
    upload,  # noqa: F811
):
    upload(commune, reporter, "ke-hoach.pdf", pdf_bytes("Ke hoach mat"), title="Kế hoạch mật 12")

    body = scorecard(client, published).content.decode()

    assert "Giải trình" not in body  # the unit's note on every self-assessed answer
    assert EXPLANATION_TEXT not in body  # its answer to the step-1 notice
    assert "step2 r1" not in body and "self r1" not in body  # where each score came from
    assert "Kế hoạch mật" not in body and "ke-hoach.pdf" not in body
    assert "/evidence/" not in body


def test_the_portal_has_no_evidence_address(client, published):
    base = unit_url(published.campaign, "PY-TUONGPHU")
    for url in (
        base + "evidence/",
        base + "documents/1/",
        campaign_url(published.campaign) + "evidence/",
    ):
        assert client.get(url).status_code == 404
    # The evidence app's own download refuses an anonymous reader (login first).
    assert client.get("/evidence/documents/1/download/").status_code == 302
