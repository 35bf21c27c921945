"""Fixtures of the assessment tests, on top of the shared cast in the root conftest.py."""

import pytest
from django.utils import translation

from parindex.assessments.models import Assessment, Campaign
from parindex.assessments.tests.factories import open_campaign


@pytest.fixture
def campaign(organiser, district, commune, other_commune) -> Campaign:
    """An open 2022 campaign of the district over Tường Phù and Tường Tiến, 10 leaves."""
    return open_campaign(organiser, district, [commune, other_commune])


@pytest.fixture
def assessment(campaign, commune) -> Assessment:
    """Tường Phù's assessment in `campaign`."""
    return campaign.assessments.select_related("campaign__framework", "unit").get(unit=commune)


@pytest.fixture
def other_assessment(campaign, other_commune) -> Assessment:
    return campaign.assessments.select_related("campaign__framework", "unit").get(
        unit=other_commune
    )


@pytest.fixture(autouse=True)
def _english(settings):
    """Assertions read English messages: pin the language for the test and its requests (the
    catalogue translates them to Vietnamese, the default language)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
