from django.urls import path

from parindex.orgs import table_views, unit_views, user_views

app_name = "orgs"
urlpatterns = [
    path("", unit_views.unit_list, name="unit_list"),
    path("new/", unit_views.unit_create, name="unit_create"),
    path("<int:pk>/", unit_views.unit_detail, name="unit_detail"),
    path("<int:pk>/edit/", unit_views.unit_edit, name="unit_edit"),
    path("users/", user_views.user_list, name="user_list"),
    path("users/new/", user_views.user_create, name="user_create"),
    path("users/<int:pk>/", user_views.user_edit, name="user_edit"),
    path("users/<int:pk>/roles/", user_views.membership_add, name="membership_add"),
    path("roles/<int:pk>/delete/", user_views.membership_delete, name="membership_delete"),
    path("import/", table_views.import_page, name="import"),
    path("import/<str:what>/", table_views.import_table, name="import_table"),
    path("export/<str:what>.<str:fmt>", table_views.export_table, name="export"),
]
