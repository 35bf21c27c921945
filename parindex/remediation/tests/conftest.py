"""The seed-004 world on the shared cast: the district assesses its communes; Tường Phù lost
seed 004's points in 2022 and less in 2021; Tường Tiến lost nothing."""

import pytest

from parindex.remediation.tests.factories import (
    FULL_INPUTS,
    SEED_004_INPUTS,
    seed_campaign,
    seed_departments,
    take,
)


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    return settings.MEDIA_ROOT


@pytest.fixture
def departments(district, department):
    return seed_departments(district)


@pytest.fixture
def campaign(organiser, district, commune, other_commune, departments):
    return seed_campaign(organiser, district, [commune, other_commune], 2022)


@pytest.fixture
def snapshot(campaign, commune, other_commune):
    return take(campaign, {commune: SEED_004_INPUTS, other_commune: FULL_INPUTS})


@pytest.fixture
def last_year(organiser, district, commune, other_commune, departments):
    """2021: Tường Phù lost only 1.5 (Phòng Nội vụ) and 7.3.2 half (Văn hóa)."""
    campaign = seed_campaign(organiser, district, [commune, other_commune], 2021)
    inputs = {**FULL_INPUTS, "1.5": {"value": "0"}, "7.3.2": {"value": {"num": "1", "den": "2"}}}
    take(campaign, {commune: inputs, other_commune: FULL_INPUTS})
    return campaign
