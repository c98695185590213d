"""The public search page of the sociale kaart and the kartrekker's synonym list."""

from django.urls import path

from .views import search, synonyms

urlpatterns = [
    path("aanbod/", search.index, name="index"),
    path("werkruimte/aanbod/synoniemen/", synonyms.synoniemen, name="synoniemen"),
    path(
        "werkruimte/aanbod/synoniemen/<int:pk>/",
        synonyms.synoniem_wijzigen,
        name="synoniem_wijzigen",
    ),
    path(
        "werkruimte/aanbod/synoniemen/<int:pk>/verwijderen/",
        synonyms.synoniem_verwijderen,
        name="synoniem_verwijderen",
    ),
]
