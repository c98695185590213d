"""The coalition's pages in the werkruimte, included at /werkruimte/coalitie/."""

from django.urls import path

from .views import bijeenkomsten, mensen, partners, trainingen

app_name = "coalitie_werkruimte"

urlpatterns = [
    path("", partners.partner_list, name="partners"),
    path("partners.csv", partners.partner_export, name="partners_csv"),
    path("partners/nieuw/", partners.partner_create, name="partner_create"),
    path("partners/<slug:slug>/", partners.partner_detail, name="partner"),
    path("partners/<slug:slug>/wijzigen/", partners.partner_edit, name="partner_edit"),
    path(
        "partners/<slug:slug>/contactpersonen/nieuw/",
        partners.contact_create,
        name="contact_create",
    ),
    path("contactpersonen/<int:pk>/wijzigen/", partners.contact_edit, name="contact_edit"),
    path("contactpersonen/<int:pk>/verwijderen/", partners.contact_delete, name="contact_delete"),
    path("bijeenkomsten/", bijeenkomsten.bijeenkomst_list, name="bijeenkomsten"),
    path("bijeenkomsten/nieuw/", bijeenkomsten.bijeenkomst_create, name="bijeenkomst_create"),
    path("bijeenkomsten/<int:pk>/", bijeenkomsten.bijeenkomst_detail, name="bijeenkomst"),
    path(
        "bijeenkomsten/<int:pk>/wijzigen/",
        bijeenkomsten.bijeenkomst_edit,
        name="bijeenkomst_edit",
    ),
    path(
        "bijeenkomsten/<int:pk>/aanwezigen/",
        bijeenkomsten.bijeenkomst_aanwezigen,
        name="bijeenkomst_aanwezigen",
    ),
    path("trainingen/", trainingen.training_list, name="trainingen"),
    path("trainingen/nieuw/", trainingen.training_create, name="training_create"),
    path("trainingen/<int:pk>/", trainingen.training_detail, name="training"),
    path("trainingen/<int:pk>/wijzigen/", trainingen.training_edit, name="training_edit"),
    path(
        "trainingen/<int:pk>/deelnemers/",
        trainingen.training_deelnemers,
        name="training_deelnemers",
    ),
    path(
        "trainingen/<int:pk>/deelnemers/<int:deelnemer_pk>/ambassadeur/",
        trainingen.deelnemer_ambassadeur,
        name="deelnemer_ambassadeur",
    ),
    path("ambassadeurs/", mensen.ambassadeur_list, name="ambassadeurs"),
    path("ambassadeurs/nieuw/", mensen.ambassadeur_create, name="ambassadeur_create"),
    path("ambassadeurs/<int:pk>/wijzigen/", mensen.ambassadeur_edit, name="ambassadeur_edit"),
    path(
        "ambassadeurs/<int:pk>/verwijderen/",
        mensen.ambassadeur_delete,
        name="ambassadeur_delete",
    ),
    path("aanmeldingen/", mensen.aanmelding_list, name="aanmeldingen"),
    path(
        "aanmeldingen/<int:pk>/afgehandeld/",
        mensen.aanmelding_afhandelen,
        name="aanmelding_afhandelen",
    ),
]
