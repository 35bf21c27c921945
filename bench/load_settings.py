"""Settings of the load benchmark's gunicorn and seeding: the project's own, read from the
environment as in production (DEBUG off, DATABASE_URL, SECRET_KEY), with two differences.

With DEBUG off the project names static files through the manifest that `collectstatic` writes
at deployment; the benchmark deploys nothing (and requests no static file), so pages name them
plainly instead of failing on the missing manifest.
"""

import parindex.settings as _project

globals().update({name: value for name, value in vars(_project).items() if name.isupper()})

STORAGES = {
    **_project.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Logins are warm-up, not measured: 52 people hashing a password with PBKDF2 at once took
# minutes on a busy shared machine, and timed out. A cheap hash keeps the warm-up short; the
# pages measured are the same whatever the hasher.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
