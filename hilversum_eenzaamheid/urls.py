from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views, views_security

# Every page in Dutch at its address as before, and in English at the same address under /en/
# (issue #8; LanguageFromPathMiddleware reads the prefix). reverse() gives the address in the
# active language, so links stay in the language of the page.
urlpatterns = i18n_patterns(
    path("", include("pijlers.urls")),
    path("", include("aanbod.urls")),
    path("", include("meldpunt.urls")),
    path("", include("coalitie.urls")),
    path("", include("pijlers.urls_zelftest")),
    path("werkruimte/coalitie/", include("coalitie.urls_werkruimte")),
    path("werkruimte/pijlers/", include("pijlers.urls_werkruimte")),
    path("monitoring/", include("monitoring.urls")),
    path("werkruimte/", views.werkruimte, name="werkruimte"),
    path("", include("hilversum_eenzaamheid.accounts.urls")),
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
    prefix_default_language=False,
)

# Not pages for people, or with their own language (the admin): one address each.
urlpatterns += [
    path("api/hsds/", include("aanbod.urls_api")),
    path("healthz", views.healthz, name="healthz"),
    path(".well-known/security.txt", views_security.security_txt, name="security_txt"),
    path("csp-report/", views_security.csp_report, name="csp_report"),
    path("beheer/", admin.site.urls),
]

# A request that cannot be read (too big, too many fields) gets a Dutch page, not one line.
handler400 = "hilversum_eenzaamheid.views_security.bad_request"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
