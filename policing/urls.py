"""The site's addresses: each app's own, plus the home page, the report and search."""

from django.contrib import admin
from django.urls import include, path

from policing import report, search, views

handler403 = "core.views.error_403"
handler404 = "core.views.error_404"
handler500 = "core.views.error_500"

urlpatterns = [
    path("", views.home, name="home"),
    path("report/", report.monthly_report, name="monthly_report"),
    path("search/", search.search, name="search"),
    path("", include("core.urls")),
    path("", include("accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("stations.urls")),
    path("", include("officers.urls")),
    path("", include("audit.urls")),
]
