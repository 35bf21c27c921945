"""Interim rounds: list and start, answer leaf by leaf (htmx), import a file, the report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from parindex.assessments.answer_widgets import inputs_from_post
from parindex.assessments.criteria import criteria_for
from parindex.assessments.entries import EntryRefused
from parindex.interim import access, services
from parindex.interim.forms import ImportForm, StartRoundForm
from parindex.interim.models import InterimRound
from parindex.interim.page import build_round_page
from parindex.interim.report import interim_report, try_what_if
from parindex.orgs import access as org_access
from parindex.what_if_form import expected_points, outcome_of


def get_round(user, pk: int, *, record: bool = False) -> InterimRound:
    try:
        round_ = InterimRound.objects.select_related("unit", "framework").get(pk=pk)
    except InterimRound.DoesNotExist:
        raise Http404 from None
    if not access.may_read(user, round_.unit):
        raise Http404
    if record and not access.may_record(user, round_.unit):
        raise PermissionDenied
    return round_


@login_required
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    readable = org_access.units_with_role(request.user, access.READ_ROLES)
    recordable = org_access.units_with_role(request.user, access.RECORD_ROLES)
    form = StartRoundForm(request.POST or None, units=recordable.order_by("name"))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round_ = services.start_round(
                request.user,
                data["unit"],
                data["framework"],
                data["as_of"],
                data["label"],
                carry_over=data["carry_over"],
            )
        except services.InterimRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            return redirect("interim:round", round_.pk)
    rounds = (
        InterimRound.objects.filter(unit__in=readable)
        .select_related("unit", "framework")
        .order_by("unit__name", "-as_of")
    )
    return render(request, "interim/index.html", {"rounds": rounds, "form": form})


@login_required
def round_page(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round(request.user, pk)
    context = {
        "page": build_round_page(round_),
        "editable": access.may_record(request.user, round_.unit),
        "import_form": ImportForm(),
    }
    return render(request, "interim/round.html", context)


@login_required
@require_POST
def save_leaf(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    round_ = get_round(request.user, pk, record=True)
    criteria = criteria_for(round_.framework)
    if code not in criteria.raw_nodes:
        raise Http404
    error = ""
    try:
        inputs = inputs_from_post(criteria.raw_nodes[code], request.POST)
        services.record_answer(
            request.user,
            round_,
            code,
            inputs,
            note=request.POST.get("note", "").strip(),
            base_revision=request.POST.get("base_revision"),
        )
    except (services.InterimRefused, EntryRefused) as refusal:
        error = refusal.message
    if not request.htmx:
        if error:
            messages.error(request, error)
        return redirect("interim:round", round_.pk)
    page = build_round_page(round_)
    leaf = next(v for f in page.fields for v in f.leaves if v.node.code == code)
    context = {"page": page, "v": leaf, "error": error, "editable": True, "oob": True}
    return render(request, "interim/_leaf.html", context)


@login_required
@require_POST
def import_file(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round(request.user, pk, record=True)
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to import."))
        return redirect("interim:round", round_.pk)
    upload = form.cleaned_data["file"]
    try:
        count = services.import_answers(request.user, round_, upload.name, upload.read())
    except services.InterimRefused as refusal:
        messages.error(request, _("Nothing was imported: %(why)s") % {"why": refusal.message})
    else:
        messages.success(request, _("%(count)s answers imported.") % {"count": count})
    return redirect("interim:round", round_.pk)


@login_required
def report_page(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = get_round(request.user, pk)
    report = interim_report(round_)
    return render(request, "interim/report.html", {"report": report, "outcome": report.projected})


@login_required
@require_POST
def what_if_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Reads only: nothing a what-if computes is stored."""
    round_ = get_round(request.user, pk)
    report = interim_report(round_)
    codes = [item.code for item in (*report.lost, *report.pending)]
    targets = expected_points(request.POST, codes)
    outcome, error = outcome_of(lambda t: try_what_if(report, t), targets, report.projected)
    ranked_among = len(report.peers) + 1
    context = {"outcome": outcome, "error": error, "ranked_among": ranked_among}
    return render(request, "whatif/_outcome.html", context)
