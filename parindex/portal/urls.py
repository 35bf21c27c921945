from django.urls import path, register_converter

from parindex.portal import views
from parindex.portal.converters import CodeConverter

register_converter(CodeConverter, "portal_code")

app_name = "portal"
CAMPAIGN = "<portal_code:jurisdiction>/<int:year>/<portal_code:set_code>/"
urlpatterns = [
    path("", views.index, name="index"),
    path("search/", views.search_page, name="search"),
    path(CAMPAIGN, views.campaign, name="campaign"),
    path(CAMPAIGN + "units/<portal_code:unit_code>/", views.unit, name="unit"),
]
