"""The staff case pages under /werkruimte/meldingen/ (list, triage, detail and its forms),
and the pages for requests of data subjects and the access log (urls_privacy.py)."""

from django.urls import path

from . import urls_privacy, views_cijfers
from . import views_werkruimte as views

W = "werkruimte/meldingen/"
M = W + "<str:reference>/"

urlpatterns = [
    path(W, views.melding_list, name="werkruimte_list"),
    path(W + "triage/", views.melding_triage, name="werkruimte_triage"),
    path(W + "cijfers/", views_cijfers.melding_cijfers, name="werkruimte_cijfers"),
    path(M, views.melding_detail, name="werkruimte_detail"),
    path(M + "status/", views.melding_status, name="werkruimte_status"),
    path(M + "contactpoging/", views.melding_contact, name="werkruimte_contactpoging"),
    path(M + "notitie/", views.melding_notitie, name="werkruimte_notitie"),
    path(M + "verwijzing/", views.melding_verwijzing, name="werkruimte_verwijzing"),
    path(M + "toewijzen/", views.melding_assign, name="werkruimte_assign"),
    path(M + "vervallen/", views.melding_cancel, name="werkruimte_cancel"),
    *urls_privacy.urlpatterns,
]
