"""User management for organisers: list, create, edit, and roles (memberships)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from parindex.orgs import access
from parindex.orgs.forms import MembershipForm, UserCreateForm, UserProfileForm
from parindex.orgs.models import Membership
from parindex.orgs.services import add_membership, create_member, remove_membership, update_user
from parindex.textnorm import fold

USERS_PER_PAGE = 50


def scoped_memberships(actor) -> Prefetch:
    """Only the roles inside the organiser's jurisdiction are shown to them."""
    return Prefetch(
        "memberships",
        queryset=Membership.objects.filter(unit__in=access.organised_units(actor))
        .select_related("unit", "department")
        .order_by("unit__path", "role"),
        to_attr="scoped_memberships",
    )


@login_required
def user_list(request: HttpRequest) -> HttpResponse:
    access.require_organiser(request.user)
    q = request.GET.get("q", "")
    users = access.managed_users(request.user)
    for word in fold(q).split():
        users = users.filter(search_text__contains=word)
    users = users.order_by("username").prefetch_related(scoped_memberships(request.user))
    page = Paginator(users, USERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "orgs/user_list.html", {"page": page, "q": q})


@login_required
def user_create(request: HttpRequest) -> HttpResponse:
    access.require_organiser(request.user)
    form = UserCreateForm(request.POST or None, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = create_member(
            request.user,
            username=data["username"],
            full_name=data["full_name"],
            email=data["email"],
            password=data["password"] or None,
            unit=data["unit"],
            role=data["role"],
            department=data["department"],
        )
        messages.success(request, _("User %(username)s created.") % {"username": user.username})
        return redirect("orgs:user_edit", user.pk)
    return render(request, "orgs/user_create.html", {"form": form})


def _user_page(request, member, profile_form, membership_form) -> HttpResponse:
    roles = (
        Membership.objects.filter(user=member, unit__in=access.organised_units(request.user))
        .select_related("unit", "department")
        .order_by("unit__path", "role")
    )
    return render(
        request,
        "orgs/user_edit.html",
        {
            "member": member,
            "profile_form": profile_form,
            "membership_form": membership_form,
            "roles": roles,
        },
    )


@login_required
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    member = access.get_managed_user(request.user, pk)
    editable = access.may_edit_profile(request.user, member)
    profile_form = (
        UserProfileForm(
            request.POST if editable and request.method == "POST" else None, instance=member
        )
        if editable
        else None
    )
    if profile_form is not None and request.method == "POST" and profile_form.is_valid():
        changed = update_user(request.user, profile_form.save(commit=False))
        messages.success(request, _("Saved.") if changed else _("Nothing was changed."))
        return redirect("orgs:user_edit", member.pk)
    membership_form = MembershipForm(actor=request.user, member=member)
    return _user_page(request, member, profile_form, membership_form)


@login_required
@require_POST
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    member = access.get_managed_user(request.user, pk)
    form = MembershipForm(request.POST, actor=request.user, member=member)
    if not form.is_valid():
        profile_form = (
            UserProfileForm(instance=member)
            if access.may_edit_profile(request.user, member)
            else None
        )
        return _user_page(request, member, profile_form, form)
    data = form.cleaned_data
    add_membership(request.user, member, data["unit"], data["role"], data["department"])
    messages.success(request, _("Role added."))
    return redirect("orgs:user_edit", member.pk)


@login_required
@require_POST
def membership_delete(request: HttpRequest, pk: int) -> HttpResponse:
    membership = access.get_managed_membership(request.user, pk)
    member = membership.user
    remove_membership(request.user, membership)
    messages.success(request, _("Role removed."))
    if access.managed_users(request.user).filter(pk=member.pk).exists():
        return redirect("orgs:user_edit", member.pk)
    return redirect("orgs:user_list")
