"""Unit pages: the tree, one unit, and the organiser's create/edit form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from parindex.orgs import access
from parindex.orgs.forms import UnitForm, UnitSearchForm
from parindex.orgs.models import Role, Unit
from parindex.orgs.services import save_unit
from parindex.orgs.unit_tree import tree_rows
from parindex.textnorm import fold


def search_units(units, q: str, kind: str):
    """Every word of the query, accents and case ignored, must appear in code or name."""
    for word in fold(q).split():
        units = units.filter(search_text__contains=word)
    return units.filter(kind=kind) if kind else units


@login_required
def unit_list(request: HttpRequest) -> HttpResponse:
    search = UnitSearchForm(request.GET or None)
    q = kind = ""
    if search.is_valid():
        q, kind = search.cleaned_data["q"], search.cleaned_data["kind"]
    units = search_units(access.visible_units(request.user), q, kind)
    return render(
        request,
        "orgs/unit_list.html",
        {
            "search": search,
            "rows": tree_rows(units.select_related("parent")),
            "filtered": bool(q or kind),
            "can_create": access.is_organiser_anywhere(request.user),
        },
    )


@login_required
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    unit = access.get_unit(user, pk)
    predecessors = list(unit.predecessor_links.select_related("predecessor").order_by("-weight"))
    successors = list(unit.successor_links.select_related("unit"))
    linked_ids = [k.predecessor_id for k in predecessors] + [k.unit_id for k in successors]
    members = None
    if access.may_see_members(user, unit):
        members = unit.memberships.select_related("user", "department").order_by(
            "role", "user__username"
        )
    return render(
        request,
        "orgs/unit_detail.html",
        {
            "unit": unit,
            "children": tree_rows(access.visible_units(user).filter(parent=unit)),
            "predecessors": predecessors,
            "successors": successors,
            "visible_ids": set(
                access.visible_units(user).filter(pk__in=linked_ids).values_list("pk", flat=True)
            ),
            "departments": unit.departments.all(),
            "members": members,
            "can_edit": access.has_role(user, unit, {Role.ORGANISER}),
        },
    )


def _save_unit_form(request: HttpRequest, unit: Unit, initial: dict) -> HttpResponse:
    form = UnitForm(request.POST or None, instance=unit, initial=initial, actor=request.user)
    if request.method == "POST" and form.is_valid():
        unit = form.save(commit=False)
        is_new = unit.pk is None
        status = save_unit(request.user, unit, form.lineage)
        if is_new:
            messages.success(request, _("Unit %(code)s created.") % {"code": unit.code})
        elif status == "unchanged":
            messages.info(request, _("Nothing was changed."))
        else:
            messages.success(request, _("Unit %(code)s saved.") % {"code": unit.code})
        return redirect("orgs:unit_detail", unit.pk)
    return render(request, "orgs/unit_form.html", {"form": form, "unit": unit})


@login_required
def unit_create(request: HttpRequest) -> HttpResponse:
    access.require_organiser(request.user)
    initial = {}
    parent_pk = request.GET.get("parent", "")
    if parent_pk.isdigit():
        initial["parent"] = access.get_unit(request.user, int(parent_pk), {Role.ORGANISER})
    return _save_unit_form(request, Unit(), initial)


@login_required
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = access.get_unit(request.user, pk, {Role.ORGANISER})
    return _save_unit_form(request, unit, {})
