from django.urls import path

from parindex.evidence import views

app_name = "evidence"
urlpatterns = [
    path("", views.index, name="index"),
    path("units/<int:unit_id>/", views.library, name="library"),
    path("units/<int:unit_id>/upload/", views.upload, name="upload"),
    path("documents/<int:pk>/", views.detail, name="detail"),
    path("documents/<int:pk>/edit/", views.edit, name="edit"),
    path("documents/<int:pk>/download/", views.download, name="download"),
    path("documents/<int:pk>/preview/", views.preview, name="preview"),
]
