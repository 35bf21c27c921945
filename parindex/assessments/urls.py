from django.urls import path

from parindex.assessments import assessment_views, campaign_views, citation_views

app_name = "assessments"
urlpatterns = [
    path("", campaign_views.campaign_list, name="campaign_list"),
    path("new/", campaign_views.campaign_create, name="campaign_create"),
    path("<int:pk>/", campaign_views.dashboard, name="dashboard"),
    path("<int:pk>/export.<str:fmt>", campaign_views.dashboard_export, name="dashboard_export"),
    path("<int:pk>/edit/", campaign_views.campaign_edit, name="campaign_edit"),
    path("<int:pk>/units/", campaign_views.campaign_units, name="campaign_units"),
    path("<int:pk>/advance/", campaign_views.campaign_advance, name="campaign_advance"),
    path("assessments/<int:pk>/", assessment_views.assessment_detail, name="assessment"),
    path("assessments/<int:pk>/fields/<str:code>/", assessment_views.field_leaves, name="field"),
    path("assessments/<int:pk>/nodes/<str:code>/", assessment_views.save_node, name="save_node"),
    path("assessments/<int:pk>/nodes/<str:code>/cite/", citation_views.cite, name="cite"),
    path("assessments/<int:pk>/submit/", assessment_views.submit, name="submit"),
    path("assessments/<int:pk>/reopen/", assessment_views.reopen, name="reopen"),
    path("assessments/<int:pk>/extend/", assessment_views.extend, name="extend"),
    path("citations/<int:pk>/withdraw/", citation_views.withdraw, name="withdraw_citation"),
]
