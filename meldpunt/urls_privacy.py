"""Requests of data subjects and the access log, with full paths (in the meldpunt namespace)."""

from django.urls import path

from . import views_privacy as views

P = "werkruimte/privacy/"
V = P + "<int:pk>/"

urlpatterns = [
    path(P, views.zoeken, name="privacy_zoeken"),
    path(V, views.verzoek, name="privacy_verzoek"),
    path(V + "gegevens/", views.gegevens, name="privacy_gegevens"),
    path(V + "downloaden/", views.export, name="privacy_export"),
    path(V + "wissen/", views.wissen, name="privacy_wissen"),
    path("werkruimte/inzage-log/", views.toegang_log, name="toegang_log"),
]
