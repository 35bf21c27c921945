from django.urls import path  # noqa: F401

app_name = "assigned_tasks"
urlpatterns: list = []
