"""URLs of the monitoring app, under /monitoring/."""

from django.urls import path, register_converter

from . import views, views_dashboard, views_evaluatie, views_rapport, views_uitgaven


class PeriodConverter:
    """A half year such as 2025-H1."""

    regex = r"\d{4}-H[12]"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


register_converter(PeriodConverter, "halfjaar")

app_name = "monitoring"

urlpatterns = [
    path("", views_dashboard.dashboard_page, name="dashboard"),
    path("grafiek/<slug:key>.csv", views_dashboard.dashboard_csv, name="dashboard_csv"),
    path("cijfers/", views.figure_list, name="cijfers"),
    path("inlezen/", views.import_page, name="import"),
    path("inlezen/<int:pk>/", views.import_status, name="import_status"),
    path("evaluaties/", views_evaluatie.evaluatie_list, name="evaluaties"),
    path("evaluaties/<halfjaar:period>/", views_evaluatie.evaluatie_detail, name="evaluatie"),
    path(
        "evaluaties/<halfjaar:period>/teksten/",
        views_evaluatie.evaluatie_texts,
        name="evaluatie_teksten",
    ),
    path(
        "evaluaties/<halfjaar:period>/status/",
        views_evaluatie.evaluatie_status,
        name="evaluatie_status",
    ),
    path(
        "evaluaties/<halfjaar:period>/beoordeling/",
        views_evaluatie.beoordeling,
        name="beoordeling",
    ),
    path(
        "evaluaties/<halfjaar:period>/grafiek/<slug:key>.csv",
        views_evaluatie.evaluatie_csv,
        name="evaluatie_csv",
    ),
    path("evaluaties/<halfjaar:period>/pdf/", views_rapport.rapport_request, name="rapport_nieuw"),
    path(
        "evaluaties/<halfjaar:period>/pdf/<int:version>/",
        views_rapport.rapport_status,
        name="rapport",
    ),
    path(
        "evaluaties/<halfjaar:period>/pdf/<int:version>/download/",
        views_rapport.rapport_download,
        name="rapport_download",
    ),
    path("uitgaven/", views_uitgaven.uitgaven, name="uitgaven"),
    path(
        "uitgaven/<int:pk>/verwijderen/", views_uitgaven.uitgave_delete, name="uitgave_verwijderen"
    ),
]
