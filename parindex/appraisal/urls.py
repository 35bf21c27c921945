from django.urls import path

from parindex.appraisal import (
    assignment_views,
    council_views,
    explanation_views,
    queue_views,
    views,
)

app_name = "appraisal"
urlpatterns = [
    path("", views.index, name="index"),
    path("campaigns/<int:pk>/assignments/", assignment_views.assignments, name="assignments"),
    path(
        "campaigns/<int:pk>/assignments/by-department/",
        assignment_views.by_department,
        name="assign_by_department",
    ),
    path("assignments/<int:pk>/withdraw/", assignment_views.withdraw, name="withdraw"),
    path("campaigns/<int:pk>/queue/", queue_views.queue, name="queue"),
    path("campaigns/<int:pk>/close-step-1/", council_views.close_step1_page, name="close_step1"),
    path("campaigns/<int:pk>/council/", council_views.council, name="council"),
    path("campaigns/<int:pk>/approve/", council_views.approve, name="approve"),
    path("assessments/<int:pk>/compare/", council_views.compare, name="compare"),
    path("assessments/<int:pk>/reopen/", council_views.reopen, name="reopen"),
    path("assessments/<int:pk>/approve/", council_views.approve_one, name="approve_unit"),
    path("assessments/<int:pk>/explanations/", explanation_views.explanations, name="explanations"),
    path(
        "assessments/<int:pk>/explanations/submit/",
        explanation_views.submit,
        name="submit_explanations",
    ),
    path("assessments/<int:pk>/nodes/<str:code>/appraise/", queue_views.appraise, name="appraise"),
    path(
        "assessments/<int:pk>/nodes/<str:code>/explain/", explanation_views.explain, name="explain"
    ),
    path("assessments/<int:pk>/nodes/<str:code>/cite/", explanation_views.cite, name="cite"),
    path("assessments/<int:pk>/nodes/<str:code>/history/", views.history, name="history"),
]
