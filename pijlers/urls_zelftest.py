"""URLs of the self-check (the project includes them at the root, namespace "zelftest")."""

from django.urls import path

from . import views_zelftest

app_name = "zelftest"

urlpatterns = [
    path("zelftest/", views_zelftest.index, name="index"),
    path("zelftest/uitslag/", views_zelftest.uitslag, name="uitslag"),
]
