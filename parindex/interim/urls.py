from django.urls import path

from parindex.interim import views

app_name = "interim"
urlpatterns = [
    path("", views.index, name="index"),
    path("rounds/<int:pk>/", views.round_page, name="round"),
    path("rounds/<int:pk>/leaves/<str:code>/", views.save_leaf, name="save_leaf"),
    path("rounds/<int:pk>/import/", views.import_file, name="import"),
    path("rounds/<int:pk>/report/", views.report_page, name="report"),
    path("rounds/<int:pk>/what-if/", views.what_if_page, name="what_if"),
]
