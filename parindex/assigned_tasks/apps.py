from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssignedTasksConfig(AppConfig):
    name = "parindex.assigned_tasks"
    verbose_name = _("Assigned tasks")
