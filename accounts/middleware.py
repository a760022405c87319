"""Sign-in rules for every request: the second factor, the forced first password
change and the session's absolute limit."""

import time

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django_otp import user_has_device

from accounts import two_factor


def _url_name(request) -> str | None:
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


class TwoFactorMiddleware:
    """Keep a person who must pass the second factor on its pages until they do.

    Runs after django-otp's OTPMiddleware, which says whether this session is verified.
    """

    ALLOWED = frozenset({"two_factor_verify", "two_factor_setup", "logout", "set_language"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not user.is_verified()
            and two_factor.required_for_request(request)
            and _url_name(request) not in self.ALLOWED
        ):
            step = "two_factor_verify" if user_has_device(user) else "two_factor_setup"
            return redirect_to_login(request.get_full_path(), login_url=step)
        return self.get_response(request)


class ForcePasswordChangeMiddleware:
    """Send a person who signed in with an initial password to change it first."""

    ALLOWED = frozenset({"password_change", "password_change_done", "logout", "set_language"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.must_change_password
            and _url_name(request) not in self.ALLOWED
        ):
            return redirect("password_change")
        return self.get_response(request)


class SessionLimitsMiddleware:
    """End a session 12 hours after sign-in whatever the activity (the 30 minutes of
    inactivity are the session cookie's own age, renewed on every request)."""

    KEY = "signed_in_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            started = request.session.setdefault(self.KEY, now)
            if now - started > settings.SESSION_ABSOLUTE_LIMIT:
                logout(request)
                return redirect_to_login(request.get_full_path())
        return self.get_response(request)
