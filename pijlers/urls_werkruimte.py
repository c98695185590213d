"""Staff pages of the programme, included at /werkruimte/pijlers/."""

from django.urls import path

from . import views_inhoud, views_register, views_werkruimte

app_name = "pijlers_werkruimte"

urlpatterns = [
    path("", views_werkruimte.overzicht, name="overzicht"),
    path("tijdlijn/", views_werkruimte.tijdlijn, name="tijdlijn"),
    path("pijler/<slug:code>/", views_werkruimte.bord, name="bord"),
    path("pijler/<slug:code>/acties/nieuw/", views_werkruimte.actie_create, name="actie_nieuw"),
    path("acties/<int:pk>/", views_werkruimte.actie_detail, name="actie"),
    path("acties/<int:pk>/wijzigen/", views_werkruimte.actie_edit, name="actie_wijzigen"),
    path("acties/<int:pk>/voortgang/", views_werkruimte.voortgang_add, name="voortgang_nieuw"),
    path("acties/<int:pk>/tellingen/nieuw/", views_werkruimte.telling_create, name="telling_nieuw"),
    path("tellingen/<int:pk>/wijzigen/", views_werkruimte.telling_edit, name="telling_wijzigen"),
    path("verhalen/", views_inhoud.verhalen, name="verhalen"),
    path("verhalen/nieuw/", views_inhoud.verhaal_create, name="verhaal_nieuw"),
    path("verhalen/<int:pk>/wijzigen/", views_inhoud.verhaal_edit, name="verhaal_wijzigen"),
    path("verhalen/<int:pk>/verwijderen/", views_inhoud.verhaal_delete, name="verhaal_verwijderen"),
    path("paginas/", views_inhoud.paginas, name="paginas"),
    path("paginas/<slug:slug>/wijzigen/", views_inhoud.pagina_edit, name="pagina_wijzigen"),
    path(
        "paginas/<slug:slug>/geschiedenis/",
        views_inhoud.pagina_geschiedenis,
        name="pagina_geschiedenis",
    ),
    path("agenda/", views_inhoud.agenda, name="agenda"),
    path("agenda/nieuw/", views_inhoud.agenda_create, name="agenda_nieuw"),
    path("agenda/<int:pk>/wijzigen/", views_inhoud.agenda_edit, name="agenda_wijzigen"),
    path("agenda/<int:pk>/verwijderen/", views_inhoud.agenda_delete, name="agenda_verwijderen"),
    path(
        "verwerkingsregister/",
        views_register.verwerkingsregister,
        name="verwerkingsregister",
    ),
]
