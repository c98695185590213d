from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

urlpatterns = [
    path("", include("pijlers.urls")),
    path("", include("aanbod.urls")),
    path("api/hsds/", include("aanbod.urls_api")),
    path("", include("meldpunt.urls")),
    path("", include("coalitie.urls")),
    path("", include("pijlers.urls_zelftest")),
    path("werkruimte/coalitie/", include("coalitie.urls_werkruimte")),
    path("werkruimte/pijlers/", include("pijlers.urls_werkruimte")),
    path("monitoring/", include("monitoring.urls")),
    path("healthz", views.healthz, name="healthz"),
    path("werkruimte/", views.werkruimte, name="werkruimte"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "werkruimte/wachtwoord/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "werkruimte/wachtwoord/gewijzigd/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("beheer/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
