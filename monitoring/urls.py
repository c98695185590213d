"""URLs of the monitoring app, under /monitoring/."""

from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("cijfers/", views.figure_list, name="cijfers"),
    path("inlezen/", views.import_page, name="import"),
    path("inlezen/<int:pk>/", views.import_status, name="import_status"),
]
