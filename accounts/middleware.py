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
from accounts.session_views import SIGNED_IN_COOKIE


def _url_name(request) -> str | None:
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None


class SignedInStepMiddleware:
    """Keep a signed-in person on the pages of a step they must take first: every other
    page sends them to it (the step's own pages, sign-out and the language stay open)."""

    ALLOWED: frozenset[str] = frozenset()

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and _url_name(request) not in self.ALLOWED | {"logout", "set_language"}
            and self.step_due(request)
        ):
            return self.send_to_step(request)
        return self.get_response(request)

    def step_due(self, request) -> bool:
        raise NotImplementedError

    def send_to_step(self, request):
        raise NotImplementedError


class TwoFactorMiddleware(SignedInStepMiddleware):
    """The second factor, until this session passes it. Runs after django-otp's
    OTPMiddleware, which says whether the session is verified."""

    ALLOWED = frozenset({"two_factor_verify", "two_factor_setup"})

    def step_due(self, request) -> bool:
        return not request.user.is_verified() and two_factor.required_for_request(request)

    def send_to_step(self, request):
        step = "two_factor_verify" if user_has_device(request.user) else "two_factor_setup"
        return redirect_to_login(request.get_full_path(), login_url=step)


class ForcePasswordChangeMiddleware(SignedInStepMiddleware):
    """A new password, for a person who signed in with an initial one."""

    ALLOWED = frozenset({"password_change", "password_change_done"})

    def step_due(self, request) -> bool:
        return request.user.must_change_password

    def send_to_step(self, request):
        return redirect("password_change")


class SessionLimitsMiddleware:
    """End a session 12 hours after sign-in whatever the activity (the 30 minutes of
    inactivity are the session cookie's own age, renewed on every request); mark the
    browser of a signed-in person, so that sign-in can say when a session ended."""

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
        response = self.get_response(request)
        if request.user.is_authenticated and not request.COOKIES.get(SIGNED_IN_COOKIE):
            response.set_cookie(
                SIGNED_IN_COOKIE,
                "1",
                max_age=settings.SESSION_ABSOLUTE_LIMIT,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
