from django.urls import path
from django.views.generic import TemplateView

app_name = "orgs"
urlpatterns = [
    path("", TemplateView.as_view(template_name="base.html"), name="unit_list"),
    path("users/", TemplateView.as_view(template_name="base.html"), name="user_list"),
]
