"""URLs of the meldpunt, with full paths (the project includes them at the root)."""

from django.urls import path

from . import urls_werkruimte, views

app_name = "meldpunt"

urlpatterns = [
    path("meldpunt/", views.melding_new, name="index"),
    path("meldpunt/bedankt/<str:reference>/", views.bedankt, name="bedankt"),
    path("werkruimte/meldingen/nieuw/", views.staff_melding_new, name="staff_melding_new"),
    *urls_werkruimte.urlpatterns,
]
