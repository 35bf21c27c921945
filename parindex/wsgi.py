import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "parindex.settings")
application = get_wsgi_application()

# gunicorn does not run system checks: run the serious ones here so a misconfigured
# production server refuses to start instead of serving with, say, the development secret key.
from django.core import checks  # noqa: E402
from django.core.management.base import SystemCheckError  # noqa: E402

_errors = [m for m in checks.run_checks(include_deployment_checks=False) if m.is_serious()]
if _errors:
    raise SystemCheckError("\n".join(f"{m.id}: {m.msg} HINT: {m.hint}" for m in _errors))
