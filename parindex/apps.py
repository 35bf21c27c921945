from django.apps import AppConfig


class ParindexConfig(AppConfig):
    """The project package itself: registers deployment system checks."""

    name = "parindex"
    verbose_name = "parindex"

    def ready(self) -> None:
        from parindex import checks  # noqa: F401 - registers the checks
