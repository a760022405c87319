"""Sign-in pages: the password, the second factor, sign-out and the password change."""

from django.contrib.auth import views as auth_views
from django.urls import path

from accounts import password_views, session_views, two_factor_views

urlpatterns = [
    path("accounts/login/", session_views.SignInView.as_view(), name="login"),
    path("accounts/two-factor/", two_factor_views.verify, name="two_factor_verify"),
    path("accounts/two-factor/setup/", two_factor_views.setup, name="two_factor_setup"),
    path("accounts/logout/", session_views.SignOutView.as_view(), name="logout"),
    path("accounts/still-here/", session_views.still_here, name="still_here"),
    path("accounts/password/", password_views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "accounts/password/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]
