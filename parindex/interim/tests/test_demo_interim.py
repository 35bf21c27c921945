from decimal import Decimal

from parindex.interim.demo import load_demo_interim
from parindex.interim.models import InterimRound
from parindex.interim.services import evaluate_round


def test_demo_round_is_seed_000_and_loads_once(organiser, district, district_set):
    assert "loaded" in load_demo_interim(organiser.username)
    assert load_demo_interim(organiser.username) == "Interim round: already loaded."
    (round_,) = InterimRound.objects.filter(unit=district)
    assert evaluate_round(round_).total == Decimal("55.20")
