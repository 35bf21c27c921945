"""Login (throttled) and the home page that tells a user what they may do."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from parindex.accounts.forms import ThrottledAuthenticationForm
from parindex.orgs import access


class LoginView(auth_views.LoginView):
    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True


@login_required
def home(request: HttpRequest) -> HttpResponse:
    memberships = sorted(
        access.memberships(request.user), key=lambda m: (m.unit.path, m.role, m.unit.code)
    )
    return render(
        request,
        "home.html",
        {
            "memberships": memberships,
            "sees_units": bool(memberships) or request.user.is_superuser,
            "manages_users": access.is_organiser_anywhere(request.user),
        },
    )
