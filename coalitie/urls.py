from django.urls import path

from . import views

app_name = "coalitie"

urlpatterns = [
    path("coalitie/", views.index, name="index"),
]
