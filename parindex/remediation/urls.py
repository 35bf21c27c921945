from django.urls import path

from parindex.remediation import export_views, plan_views, views

app_name = "remediation"
urlpatterns = [
    path("", views.index, name="index"),
    path("campaigns/<int:campaign_id>/", views.campaign_units, name="campaign"),
    path("campaigns/<int:campaign_id>/departments/", views.departments, name="departments"),
    path(
        "units/<int:unit_id>/campaigns/<int:campaign_id>/lost/",
        views.lost_points,
        name="lost_points",
    ),
    path(
        "units/<int:unit_id>/campaigns/<int:campaign_id>/what-if/",
        views.what_if_page,
        name="what_if",
    ),
    path(
        "units/<int:unit_id>/campaigns/<int:campaign_id>/what-if/outcome/",
        views.what_if_outcome,
        name="what_if_outcome",
    ),
    path(
        "units/<int:unit_id>/campaigns/<int:campaign_id>/plans/new/",
        views.plan_create,
        name="plan_create",
    ),
    path("plans/<int:pk>/", plan_views.plan, name="plan"),
    path("plans/<int:pk>/edit/", plan_views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/delete/", plan_views.plan_delete, name="plan_delete"),
    path("plans/<int:pk>/letter.docx", export_views.letter, name="plan_letter"),
    path("plans/<int:pk>/tasks.xlsx", export_views.workbook, name="plan_xlsx"),
    path("tasks/", plan_views.task_list, name="task_list"),
    path("tasks/<int:pk>/", plan_views.task, name="task"),
    path("tasks/<int:pk>/edit/", plan_views.task_edit, name="task_edit"),
    path("tasks/<int:pk>/status/", plan_views.task_status, name="task_status"),
    path("tasks/<int:pk>/evidence/", plan_views.task_evidence, name="task_evidence"),
    path(
        "tasks/<int:pk>/evidence/<int:document_id>/",
        plan_views.evidence_download,
        name="evidence_download",
    ),
    path("tasks/<int:pk>/delete/", plan_views.task_delete, name="task_delete"),
]
