from django.contrib import admin
from django.urls import include, path

from parindex.accounts.views import home

urlpatterns = [
    path("", home, name="home"),
    path("", include("parindex.accounts.urls")),
    path("units/", include("parindex.orgs.urls")),
    path("criteria/", include("parindex.frameworks.urls")),
    path("campaigns/", include("parindex.assessments.urls")),
    path("appraisal/", include("parindex.appraisal.urls")),
    path("evidence/", include("parindex.evidence.urls")),
    path("results/", include("parindex.results.urls")),
    path("reports/", include("parindex.reports.urls")),
    path("public/", include("parindex.portal.urls")),
    path("remediation/", include("parindex.remediation.urls")),
    path("interim/", include("parindex.interim.urls")),
    path("assigned-tasks/", include("parindex.assigned_tasks.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
