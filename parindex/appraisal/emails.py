"""E-mails to people about appraisal work, each in the person's own language.

Links are absolute when `settings.SITE_URL` is set (e.g. "https://cchc.sonla.gov.vn"); without
it they are paths, which is all a scheduled job without a request can know.
"""

from collections.abc import Iterable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation


def site_url(path: str) -> str:
    return getattr(settings, "SITE_URL", "").rstrip("/") + path


def addressed(users: Iterable) -> list:
    """Active users with an e-mail address, each once, in a stable order."""
    seen: dict[int, object] = {}
    for user in users:
        if user.is_active and user.email and user.pk not in seen:
            seen[user.pk] = user
    return sorted(seen.values(), key=lambda u: u.email)


def send_each(users: Iterable, template: str, context: dict) -> list[str]:
    """Send `appraisal/email/<template>_subject.txt` and `_body.txt` to each user; returns the
    addresses written to."""
    messages = []
    for user in addressed(users):
        with translation.override(user.language or settings.LANGUAGE_CODE):
            personal = context | {"user": user}
            subject = render_to_string(f"appraisal/email/{template}_subject.txt", personal)
            body = render_to_string(f"appraisal/email/{template}_body.txt", personal)
        messages.append(EmailMessage(" ".join(subject.split()), body, to=[user.email]))
    if messages:
        get_connection().send_messages(messages)
    return [message.to[0] for message in messages]
