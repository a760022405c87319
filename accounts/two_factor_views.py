"""The second step of signing in, and enrolling a phone for it."""

import re

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import verify_token

from accounts import two_factor
from audit.record import Action, Outcome, record


class CodeForm(forms.Form):
    """Six digits from the authenticator app, checked against one device."""

    code = forms.CharField(
        label=gettext_lazy("Code from the app"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "autofocus": True,
                "class": "form-control-lg text-center",
            }
        ),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self) -> str:
        code = re.sub(r"\s", "", self.cleaned_data["code"])
        if not re.fullmatch(r"[0-9]{6}", code):
            raise forms.ValidationError(_("Enter the six digits the app shows."), code="format")
        allowed, data = self.device.verify_is_allowed()
        if not allowed:
            locked_until = (data or {}).get("locked_until")
            raise forms.ValidationError(
                _("Too many wrong codes. Try again after %(time)s with the newest code.")
                % {"time": date_format(localtime(locked_until), "TIME_FORMAT")}
                if locked_until
                else _("Too many wrong codes. Wait a minute and try the newest code."),
                code="throttled",
            )
        if verify_token(self.device.user, self.device.persistent_id, code) is None:
            raise forms.ValidationError(
                _(
                    "This code is not right. Check that the phone's clock is correct and enter "
                    "the newest code."
                ),
                code="wrong",
            )
        return code


def _code_accepted(request: HttpRequest, form: CodeForm) -> bool:
    """Check the posted code; a wrong one goes into the audit log."""
    if request.method != "POST":
        return False
    if form.is_valid():
        return True
    record(Action.CODE_FAILED, request=request, outcome=Outcome.FAILED)
    return False


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return settings.LOGIN_REDIRECT_URL


@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """Second step of signing in: the code from the person's enrolled phone."""
    device = two_factor.confirmed_device(request.user)
    if device is None:
        return redirect_to_login(_next_url(request), login_url="two_factor_setup")
    # django-otp's middleware gives the signed-in user is_verified(); no model declares it
    if request.user.is_verified():  # type: ignore[union-attr]
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None, device=device)
    if _code_accepted(request, form):
        otp_login(request, device)
        return redirect(_next_url(request))
    return render(
        request,
        "registration/two_factor_verify.html",
        {"form": form, "next": _next_url(request)},
    )


@login_required
def setup(request: HttpRequest) -> HttpResponse:
    """Enrol a phone (or replace it): scan the QR code, type the first code."""
    user = request.user
    current = two_factor.confirmed_device(user)
    if current is not None and not user.is_verified():  # type: ignore[union-attr]  # django-otp
        # A password alone never replaces the phone: prove the current one first.
        return redirect_to_login(request.get_full_path(), login_url="two_factor_verify")
    enrolling = current is None or "replace" in request.GET or request.method == "POST"
    context = {"current": current, "enrolling": enrolling, "next": _next_url(request)}
    if enrolling:
        device = two_factor.pending_device(user)
        form = CodeForm(request.POST or None, device=device)
        if _code_accepted(request, form):
            two_factor.confirm(device)
            otp_login(request, device)
            messages.success(request, _("Two-factor sign-in is on. Keep the phone with you."))
            return redirect(_next_url(request))
        context.update(
            form=form,
            qr=two_factor.qr_data_uri(device),
            secret=two_factor.secret_for_typing(device),
            required=two_factor.is_required(user),
        )
    return render(request, "registration/two_factor_setup.html", context)
