"""Vietnamese first: the interface language is the user's explicit choice, never the browser's.

Many office PCs run an English Windows and browser; Django would then pick English from the
Accept-Language header although the product's default is Vietnamese. The VI/EN switch stores
the choice in the language cookie, which LocaleMiddleware still honours.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class IgnoreBrowserLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
