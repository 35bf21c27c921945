from django.urls import path

from parindex.results import views, views_actions, views_charts

# Unit codes may contain characters a <str> segment refuses; the radar's data comes first so
# that "<code>/radar.xlsx" never reads as a scorecard.
app_name = "results"
urlpatterns = [
    path("", views.index, name="index"),
    path("campaign/<int:pk>/", views.campaign_results, name="campaign"),
    path("campaign/<int:pk>/snapshot/<str:kind>/", views_actions.take, name="take"),
    path("campaign/<int:pk>/publish/", views_actions.publish, name="publish"),
    path("campaign/<int:pk>/criteria/", views.criteria, name="criteria"),
    path("campaign/<int:pk>/ranking.xlsx", views_charts.ranking_xlsx, name="ranking_xlsx"),
    path("campaign/<int:pk>/groups.xlsx", views_charts.groups_xlsx, name="groups_xlsx"),
    path("campaign/<int:pk>/fields.xlsx", views_charts.fields_xlsx, name="fields_xlsx"),
    path("campaign/<int:pk>/criteria.xlsx", views_charts.criteria_xlsx, name="criteria_xlsx"),
    path(
        "campaign/<int:pk>/unit/<path:code>/radar.xlsx",
        views_charts.radar_xlsx,
        name="radar_xlsx",
    ),
    path("campaign/<int:pk>/unit/<path:code>/", views.scorecard, name="scorecard"),
]
