"""Login, the second step for staff, logout and password reset (all without a namespace, as
Django's auth views and templates expect the names `login`, `password_reset_confirm`, …)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from . import views, views_password
from .forms import LoginForm

urlpatterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(
            authentication_form=LoginForm, redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("inloggen/code/", views.verify, name="otp_verify"),
    path("inloggen/app-instellen/", views.enrol, name="otp_enrol"),
    path("inloggen/app-instellen/scannen/", views.enrol_scan, name="otp_enrol_scan"),
    path("inloggen/reservecodes/", views.backup_codes, name="otp_backup_codes"),
    path(
        "inloggen/wachtwoord-vergeten/",
        views_password.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "inloggen/wachtwoord-vergeten/verstuurd/",
        views_password.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "inloggen/nieuw-wachtwoord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "inloggen/nieuw-wachtwoord/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
]
