"""The tree page's query count does not grow with the number of criteria."""

import pytest
from django.urls import reverse

from parindex.frameworks import services
from parindex.frameworks.tests.sample import sample_document


def _large_document(fields: int = 9, criteria: int = 6, subcriteria: int = 3) -> dict:
    nodes = []
    for f in range(1, fields + 1):
        children = []
        for c in range(1, criteria + 1):
            leaves = [
                {
                    "code": f"{f}.{c}.{s}",
                    "title": f"Tiêu chí thành phần {f}.{c}.{s}",
                    "max": "0.25",
                    "department": "NV",
                    "rule": {"kind": "yes_no"},
                }
                for s in range(1, subcriteria + 1)
            ]
            children.append(
                {"code": f"{f}.{c}", "title": "Tiêu chí", "max": "0.75"} | {"children": leaves}
            )
        nodes.append({"code": str(f), "title": "Lĩnh vực", "max": "4.5", "children": children})
    return sample_document() | {"code": "large", "nodes": nodes}


@pytest.mark.parametrize("state", ["draft", "published"])
def test_tree_page_queries_are_the_same_for_small_and_large_sets(
    state, client_for, organiser, district, department, django_assert_max_num_queries
):
    small = services.import_document(None, district, sample_document())
    large = services.import_document(None, district, _large_document())
    assert large.nodes.count() == 9 + 54 + 162
    if state == "published":
        small, large = services.publish(None, small), services.publish(None, large)
    client = client_for(organiser)
    for version in (small, large):
        with django_assert_max_num_queries(5):
            response = client.get(reverse("frameworks:detail", args=[version.pk]))
        assert response.status_code == 200
