from django.urls import path

from parindex.frameworks import edit_views, views

app_name = "frameworks"
urlpatterns = [
    path("", views.version_list, name="list"),
    path("new/", edit_views.version_create, name="create"),
    path("import/", edit_views.version_import, name="import"),
    path("diff/", views.version_diff, name="diff"),
    path("<int:pk>/", views.version_detail, name="detail"),
    path("<int:pk>/export.yaml", views.export_yaml, name="export_yaml"),
    path("<int:pk>/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<int:pk>/edit/", edit_views.version_edit, name="edit"),
    path("<int:pk>/publish/", edit_views.version_publish, name="publish"),
    path("<int:pk>/copy/", edit_views.version_copy, name="copy"),
    path("<int:pk>/delete/", edit_views.version_delete, name="delete"),
    path("<int:pk>/nodes/add/", edit_views.node_add, name="node_add"),
    path("<int:pk>/nodes/<int:node_pk>/edit/", edit_views.node_edit, name="node_edit"),
    path("<int:pk>/nodes/<int:node_pk>/delete/", edit_views.node_delete, name="node_delete"),
    path("<int:pk>/nodes/<int:node_pk>/move/", edit_views.node_move, name="node_move"),
]
