from django.urls import path

from parindex.assigned_tasks import feed_views, table_views, task_views, views

app_name = "assigned_tasks"
urlpatterns = [
    path("", views.index, name="index"),
    path("units/<int:unit_pk>/", views.register, name="register"),
    path("units/<int:unit_pk>/new/", task_views.task_create, name="task_create"),
    path("units/<int:unit_pk>/export.<str:fmt>", table_views.export_register, name="export"),
    path("units/<int:unit_pk>/import/", table_views.import_register, name="import"),
    path("units/<int:unit_pk>/fill/<int:assessment_pk>/", feed_views.fill, name="fill"),
    path("<int:pk>/edit/", task_views.task_edit, name="task_edit"),
    path("<int:pk>/delete/", task_views.task_delete, name="task_delete"),
    path("feeds/", feed_views.feeds, name="feeds"),
    path("feeds/<int:campaign_pk>/", feed_views.feed_set, name="feed_set"),
]
