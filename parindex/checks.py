"""System checks for deployment configuration: refuse to serve insecurely by accident."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=False)
def secret_key_is_set(app_configs, **kwargs) -> list[Error]:
    if settings.DEBUG or settings.SECRET_KEY != settings.DEFAULT_SECRET_KEY:
        return []
    return [
        Error(
            "SECRET_KEY is the built-in development key while DEBUG is off.",
            hint="Set the SECRET_KEY environment variable to a long random value, e.g. "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'.",
            id="parindex.E001",
        )
    ]
