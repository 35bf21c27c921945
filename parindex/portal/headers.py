"""Cache headers of public pages.

Published pages may be kept five minutes by browsers and shared caches. They vary by Cookie
because the VI/EN choice lives in the language cookie (and the switch's CSRF token in another).
Anything but a 200 — a 404 for an unpublished campaign above all — gets no such header.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

MAX_AGE = 300


def public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 200:
            patch_cache_control(response, public=True, max_age=MAX_AGE)
            patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper
