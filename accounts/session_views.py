"""Signing in and out around a session that may end on its own (30 minutes without
activity, 12 hours after sign-in): the sign-in page says when it did; sign-out leaves
nothing of the person in the browser."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

# Set while a person is signed in on this browser (accounts.middleware); a visitor
# who still carries it lost a session that ended on its own, not by signing out.
SIGNED_IN_COOKIE = "signed_in_here"


class SignInView(auth_views.LoginView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["session_ended"] = bool(self.request.COOKIES.get(SIGNED_IN_COOKIE))
        return context


class SignOutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        # The drafts, the outbox, the kept pages and the service worker: all gone.
        response["Clear-Site-Data"] = '"cache", "storage"'
        response.delete_cookie(SIGNED_IN_COOKIE)
        return response


@login_required
@require_POST
def still_here(request: HttpRequest) -> HttpResponse:
    """ "Stay signed in": any request renews the session; this one says nothing else."""
    return HttpResponse(status=204)
