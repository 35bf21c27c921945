"""Fixtures of the results tests: the appraisal tests' campaign, taken through approval."""

import pytest

from parindex.appraisal.council import approve_campaign
from parindex.appraisal.tests.conftest import (  # noqa: F401  (fixtures re-used here)
    _english,
    assessment,
    campaign,
    justice,
    justice_appraiser,
    media_root,
    other_assessment,
    other_head,
    step1,
    step2,
)
from parindex.appraisal.tests.test_council_approval import appraised  # noqa: F401


@pytest.fixture
def approved(appraised, council):  # noqa: F811  (the fixture imported above)
    """Both communes approved: Tường Phù with step 1 and step 2 changes, the other self-scored."""
    return approve_campaign(council, appraised)
