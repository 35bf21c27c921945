"""What-if on a campaign result: the engine re-scores the unit from the snapshot's inputs with
the points typed; the rank is among the snapshot's other units; nothing is stored."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from parindex.remediation.what_if import result_what_if
from parindex.results.models import ResultSnapshot, UnitResult

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def tuong_phu(snapshot, commune):
    return UnitResult.objects.get(snapshot=snapshot, unit=commune)


def _urls(commune, snapshot):
    args = [commune.pk, snapshot.campaign_id]
    return reverse("remediation:what_if", args=args), reverse(
        "remediation:what_if_outcome", args=args
    )


def test_recovering_every_loss_gives_the_maximum_and_first_place(snapshot, tuong_phu):
    found = result_what_if(snapshot, tuong_phu)
    assert found.result.total == tuong_phu.total and found.now.rank == tuong_phu.rank
    every = {item.code: str(item.points + item.recoverable) for item in found.lost}
    outcome = found.apply(every)
    assert outcome.total == tuong_phu.total + sum(item.recoverable for item in found.lost)
    assert outcome.rank == 1


def test_the_page_and_its_outcome_store_nothing(
    client_for, organiser, snapshot, commune, tuong_phu
):
    page_url, outcome_url = _urls(commune, snapshot)
    client = client_for(organiser)
    page = client.get(page_url).content.decode()
    found = result_what_if(snapshot, tuong_phu)
    assert found.path_text in page and "1.5" in page
    before = (UnitResult.objects.count(), ResultSnapshot.objects.count())
    response = client.post(outcome_url, {"pts_1.5": "1"}, **HTMX)
    expected = found.apply({"1.5": "1"})
    assert expected.total == tuong_phu.total + Decimal("1")
    assert str(expected.index_rounded) in response.content.decode()
    too_much = client.post(outcome_url, {"pts_1.5": "9"}, **HTMX).content.decode()
    assert "1.5" in too_much and 'role="alert"' in too_much
    assert (UnitResult.objects.count(), ResultSnapshot.objects.count()) == before
    tuong_phu.refresh_from_db()
    assert tuong_phu.total == found.result.total


# Readers of the results see it; the unit's own people only once published (the rank compares
# with other units); department owners see their criteria only, not the whole unit's standing.
MATRIX = {
    "organiser": 200,
    "council": 200,
    "viewer": 200,
    "reporter": 403,
    "head": 403,
    "dept_owner": 403,
    "appraiser": 403,
    "outsider": 404,
    "stranger": 404,
}


@pytest.mark.parametrize("who", MATRIX)
def test_who_may_ask_what_if(request, client_for, who, snapshot, commune):
    page_url, outcome_url = _urls(commune, snapshot)
    client = client_for(request.getfixturevalue(who))
    assert client.get(page_url).status_code == MATRIX[who]
    assert client.post(outcome_url, {"pts_1.5": "1"}).status_code == MATRIX[who]


def test_the_units_own_people_may_once_published(client_for, reporter, snapshot, commune):
    snapshot.published_at = timezone.now()
    snapshot.save(update_fields=["published_at"])
    page_url, _ = _urls(commune, snapshot)
    assert client_for(reporter).get(page_url).status_code == 200
