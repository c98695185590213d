from django.urls import path

from .views import public

app_name = "coalitie"

urlpatterns = [
    path("coalitie/", public.index, name="index"),
    path("coalitie/aanmelden/", public.aanmelden, name="aanmelden"),
    path("coalitie/aanmelden/bedankt/", public.bedankt, name="bedankt"),
]
