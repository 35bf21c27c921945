from django.urls import path  # noqa: F401

app_name = "interim"
urlpatterns: list = []
