from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("over/", views.over, name="over"),
    path("eenzaamheid/", views.eenzaamheid, name="eenzaamheid"),
    path("verhalen/", views.verhalen, name="verhalen"),
    path("agenda/", views.agenda, name="agenda"),
    path("agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("privacy/", views.privacy, name="privacy"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
]
