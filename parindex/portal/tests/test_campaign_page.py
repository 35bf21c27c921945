"""The campaign page of a published result: ranking, groups and field averages, read from the
published final snapshot, at a readable URL."""

from parindex.portal.tests.pages import campaign_url, unit_url


def test_the_url_names_jurisdiction_year_and_criteria_set(published):
    assert campaign_url(published.campaign) == "/public/SL-PY/2022/ap-set/"
    assert (
        unit_url(published.campaign, "PY-TUONGPHU")
        == "/public/SL-PY/2022/ap-set/units/PY-TUONGPHU/"
    )


def test_ranking_lists_every_unit_with_its_published_figures(client, published):
    rows = {row.unit.code: row for row in published.units.select_related("unit")}

    response = client.get(campaign_url(published.campaign))

    assert response.status_code == 200
    ranking = response.context["ranking"]
    assert [line.rank for line in ranking] == sorted(r.rank for r in rows.values())
    body = response.content.decode()
    for code, row in rows.items():
        assert row.unit.name in body
        assert unit_url(published.campaign, code) in body
        assert f"{row.index:.2f}" in body


def test_groups_and_field_averages_come_with_their_data_tables(client, published):
    response = client.get(campaign_url(published.campaign))

    summary = response.context["summary"]
    assert sum(group.count for group in summary.groups) == 2
    assert [group.label for group in summary.groups] == [b["label"] for b in published.groups]
    assert [field.code for field in summary.fields] == ["1", "2"]
    body = response.content.decode()
    assert 'id="groups"' in body and 'id="fields"' in body
    assert 'data-chart="chart-groups-data"' in body and 'data-chart="chart-fields-data"' in body
    assert "vendor/chartjs/chart.umd.min.js" in body
    assert "Lĩnh vực 1" in body
