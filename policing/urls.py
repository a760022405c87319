"""The site's addresses: each app brings its own."""

from django.contrib import admin
from django.urls import include, path

handler403 = "core.views.error_403"
handler404 = "core.views.error_404"
handler500 = "core.views.error_500"

urlpatterns = [
    path("", include("reports.urls")),
    path("", include("search.urls")),
    path("", include("core.urls")),
    path("", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("stations.urls")),
    path("", include("officers.urls")),
    path("", include("prevention.urls")),
    path("", include("appeals.urls")),
    path("", include("offenders.urls")),
    path("", include("audit.urls")),
]
