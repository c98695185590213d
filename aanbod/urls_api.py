"""The read-only Open Referral HSDS 3.0 API under /api/hsds/ (namespace "hsds")."""

from django.urls import path, re_path

from . import api

app_name = "hsds"

urlpatterns = [
    path("", api.index, name="index"),
    # HSDS paths have no trailing slash; accept one too rather than answer 404.
    re_path(r"^services/?$", api.services, name="services"),
    re_path(r"^services/(?P<service_id>[^/]+)/?$", api.service_detail, name="service"),
]
