from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterimConfig(AppConfig):
    name = "parindex.interim"
    verbose_name = _("Interim scoring")
