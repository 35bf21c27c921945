"""Each leaf's form posts to, and its "cite" link opens, exactly the URL reverse() gives for the
leaf's code (the page builds them from one reverse per page, not one per leaf); each field's
summary loads its leaves from the field view's URL."""

from django.test.utils import override_script_prefix
from django.urls import reverse

from parindex.assessments.assessment_page import leaf_url
from parindex.assessments.criteria import criteria_for


def test_every_leaf_form_and_cite_link_carries_its_own_url(client_for, reporter, assessment):
    client = client_for(reporter)
    page = client.get(reverse("assessments:assessment", args=[assessment.pk])).content.decode()
    framework = criteria_for(assessment.campaign.framework).framework
    for field in framework.fields:
        url = reverse("assessments:field", args=[assessment.pk, field.code])
        assert f'hx-get="{url}"' in page or f'id="n{field.position}" data-last' in page
        page += client.get(url, HTTP_HX_REQUEST="true").content.decode()

    leaves = criteria_for(assessment.campaign.framework).entered_leaves
    assert leaves
    for node in leaves:
        save = reverse("assessments:save_node", args=[assessment.pk, node.code])
        cite = reverse("assessments:cite", args=[assessment.pk, node.code])
        assert f'action="{save}" hx-post="{save}"' in page
        assert f'href="{cite}"' in page


def test_leaf_urls_match_reverse_under_a_script_prefix_holding_the_mark():
    with override_script_prefix("/CODE/cchc/"):
        for name in ("assessments:save_node", "assessments:cite", "assessments:field"):
            for code in ("1", "1.2", "II.3.a", "CODE", "10.CODE1"):
                assert leaf_url(name, 42)(code) == reverse(name, args=[42, code])
