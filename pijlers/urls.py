from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("over/", views.over, name="over"),
    path("eenzaamheid/", views.eenzaamheid, name="eenzaamheid"),
    path("privacy/", views.privacy, name="privacy"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
]
