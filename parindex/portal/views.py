"""Public result pages: no login, published final snapshots only (see published.py)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from parindex.portal import figures, published
from parindex.portal.headers import public_page
from parindex.portal.scorecard import public_scorecard
from parindex.portal.search import SearchForm, search
from parindex.results import charts
from parindex.results.summary import campaign_summary


@require_safe
@public_page
def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/index.html",
        {"campaigns": list(published.public_campaigns()), "form": SearchForm()},
    )


@require_safe
@public_page
def search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    rows, more = search(form.cleaned_data["q"]) if form.is_valid() else ([], False)
    return render(
        request,
        "portal/search.html",
        {"form": form, "rows": rows, "more": more, "searched": form.is_valid()},
    )


@require_safe
@public_page
def campaign(request: HttpRequest, jurisdiction: str, year: int, set_code: str) -> HttpResponse:
    snapshot = published.get_snapshot(jurisdiction, year, set_code)
    summary = campaign_summary(snapshot)
    return render(
        request,
        "portal/campaign.html",
        {
            "snapshot": snapshot,
            "campaign": snapshot.campaign,
            "summary": summary,
            "ranking": figures.ranking(snapshot),
            "groups_chart": charts.groups_chart(summary),
            "fields_chart": charts.fields_chart(summary),
        },
    )


@require_safe
@public_page
def unit(
    request: HttpRequest, jurisdiction: str, year: int, set_code: str, unit_code: str
) -> HttpResponse:
    snapshot = published.get_snapshot(jurisdiction, year, set_code)
    row = published.get_unit_row(snapshot, unit_code)
    card = public_scorecard(snapshot, row)
    return render(
        request,
        "portal/unit.html",
        {
            "snapshot": snapshot,
            "campaign": snapshot.campaign,
            "card": card,
            "radar": charts.radar_chart(card),
        },
    )
