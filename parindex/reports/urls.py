from django.urls import path

from parindex.reports import views

app_name = "reports"
urlpatterns = [
    path("campaign/<int:pk>/", views.exports, name="exports"),
    path("snapshot/<int:pk>/start/", views.start, name="start"),
    path("job/<int:pk>/", views.job, name="job"),
    path("job/<int:pk>/download/", views.download, name="download"),
]
