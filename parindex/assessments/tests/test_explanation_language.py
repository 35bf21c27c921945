"""The engine's explanation line: the page shows the current one in the reader's language; a
saved entry keeps its own, written in the product's language whoever saved."""

import pytest
from django.urls import reverse
from django.utils import translation

from parindex.assessments.entries import record_self_entry

DEADLINE = "1.2"  # due 01-31, on time 0.5 (factories.LEAF_RULES)
VI = "Hoàn thành 31/01/2022, đúng hạn (hạn 31/01/2022) → 0,5"
EN = "done 2022-01-31, on time (due 2022-01-31) → 0.5"


def _answer(reporter, assessment):
    return record_self_entry(reporter, assessment, DEADLINE, {"value": "2022-01-31"}, "", 0)


@pytest.mark.parametrize(("language", "expected", "other"), [("vi", VI, EN), ("en", EN, VI)])
def test_the_page_explains_in_the_readers_language(
    settings, client_for, reporter, assessment, language, expected, other
):
    _answer(reporter, assessment)
    client = client_for(reporter)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    html = client.get(reverse("assessments:assessment", args=[assessment.pk])).content.decode()
    assert expected in html
    assert other not in html


@pytest.mark.parametrize(("product", "reader", "stored"), [("vi", "en", VI), ("en", "vi", EN)])
def test_a_saved_entry_keeps_the_line_in_the_products_language(
    settings, reporter, assessment, product, reader, stored
):
    settings.LANGUAGE_CODE = product
    with translation.override(reader):
        entry = _answer(reporter, assessment)
    assert entry.explanation == stored
