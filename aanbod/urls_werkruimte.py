"""The werkruimte of the sociale kaart (/werkruimte/aanbod/…) and the public "klopt nog" link."""

from django.urls import path

from .views import (
    werkruimte,
    werkruimte_beheer,
    werkruimte_klopt_nog,
    werkruimte_locaties,
    werkruimte_roosters,
)

W = "werkruimte/aanbod/"
R = W + "<int:pk>/roosters/<str:key>/"

urlpatterns = [
    path(W, werkruimte.activiteit_list, name="werkruimte_list"),
    path(W + "nieuw/", werkruimte.activiteit_create, name="werkruimte_create"),
    path(W + "<int:pk>/", werkruimte.activiteit_edit, name="werkruimte_edit"),
    path(W + "<int:pk>/klopt-nog/", werkruimte.activiteit_confirm, name="werkruimte_confirm"),
    path(W + "<int:pk>/geschiedenis/", werkruimte.activiteit_history, name="werkruimte_history"),
    path(W + "<int:pk>/roosters/", werkruimte_roosters.rooster_list, name="werkruimte_roosters"),
    path(
        W + "<int:pk>/roosters/nieuw/",
        werkruimte_roosters.rooster_create,
        name="werkruimte_rooster_create",
    ),
    path(R, werkruimte_roosters.rooster_edit, name="werkruimte_rooster_edit"),
    path(R + "verwijderen/", werkruimte_roosters.rooster_delete, name="werkruimte_rooster_delete"),
    path(
        R + "uitzondering/",
        werkruimte_roosters.uitzondering_create,
        name="werkruimte_uitzondering_create",
    ),
    path(
        R + "uitzondering/<int:index>/verwijderen/",
        werkruimte_roosters.uitzondering_delete,
        name="werkruimte_uitzondering_delete",
    ),
    path(W + "beoordelen/", werkruimte_beheer.voorstel_list, name="werkruimte_voorstellen"),
    path(
        W + "voorstellen/<int:pk>/", werkruimte_beheer.voorstel_detail, name="werkruimte_voorstel"
    ),
    path(W + "correcties/", werkruimte_beheer.correctie_list, name="werkruimte_correcties"),
    path(
        W + "correcties/<int:pk>/afgehandeld/",
        werkruimte_beheer.correctie_handle,
        name="werkruimte_correctie_handle",
    ),
    path(W + "dekking/", werkruimte_beheer.dekking, name="werkruimte_dekking"),
    path(W + "locaties/", werkruimte_locaties.locatie_list, name="werkruimte_locaties"),
    path(
        W + "locaties/nieuw/",
        werkruimte_locaties.locatie_create,
        name="werkruimte_locatie_create",
    ),
    path(
        W + "locaties/<int:pk>/", werkruimte_locaties.locatie_edit, name="werkruimte_locatie_edit"
    ),
    path("aanbod/klopt-nog/<str:token>/", werkruimte_klopt_nog.klopt_nog, name="klopt_nog"),
]
