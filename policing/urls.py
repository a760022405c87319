from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core import choice_search
from core import views as core_views
from policing import password_views, report, search, two_factor_views, views

handler403 = "core.views.error_403"
handler404 = "core.views.error_404"
handler500 = "core.views.error_500"

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", core_views.health, name="health"),
    path("report/", report.monthly_report, name="monthly_report"),
    path("search/", search.search, name="search"),
    path("choices/<str:kind>/", choice_search.ChoiceSearch.as_view(), name="choice_search"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/two-factor/", two_factor_views.verify, name="two_factor_verify"),
    path("accounts/two-factor/setup/", two_factor_views.setup, name="two_factor_setup"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", password_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("media/<path:path>", core_views.media, name="media"),
    path("", include("stations.urls")),
    path("", include("officers.urls")),
    path("", include("audit.urls")),
]
