"""The public pages of one activity, its calendar file and corrections; the wijk folder PDF."""

from django.urls import path

from .views import correctie, detail, folder

urlpatterns = [
    # Before <slug>/ so that a wijk folder is never read as an activity called "wijk".
    path("aanbod/wijk/<slug:wijk>/folder.pdf", folder.folder, name="folder"),
    path("aanbod/<slug:slug>/", detail.detail, name="detail"),
    path("aanbod/<slug:slug>/agenda.ics", detail.ics, name="ics"),
    path("aanbod/<slug:slug>/klopt-er-iets-niet/", correctie.correctie, name="correctie"),
    path(
        "aanbod/<slug:slug>/klopt-er-iets-niet/bedankt/",
        correctie.bedankt,
        name="correctie_bedankt",
    ),
]
