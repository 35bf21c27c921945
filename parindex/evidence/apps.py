from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "parindex.evidence"
    verbose_name = _("Evidence documents")
