"""Where and when residents find their officer: the A4 notice for a village's board, and
the community's public page (no sign-in; off unless the council switches it on; only what
each officer agreed to show)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.breadcrumbs import breadcrumbs
from core.mixins import registry_crumb
from officers.models import Officer
from stations.models import Community, Station, Village


@login_required
def reception_notice(request: HttpRequest, pk: int) -> HttpResponse:
    """The village's officers with their phones, the station and its reception hours."""
    if not request.user.has_perm("stations.view_village"):
        raise PermissionDenied
    village = get_object_or_404(
        Village.objects.visible_to(request.user).select_related("station__village"), pk=pk
    )
    officers = Officer.objects.active().order_by("surname", "name")
    serving = list(officers.filter(villages=village))
    if not serving and village.station is not None:  # nobody named: the station's
        serving = list(officers.filter(station=village.station))
    crumbs = breadcrumbs(
        registry_crumb(Village),
        (village.name, village.get_absolute_url()),
        here=_("Notice for the village board"),
    )
    return render(
        request,
        "officers/reception_notice.html",
        {
            "village": village,
            "station": village.station,
            "officers": serving,
            "breadcrumbs": crumbs,
        },
    )


def _public_officers():
    return Officer.objects.active().filter(public_consent=True).order_by("surname", "name")


def public_community(request: HttpRequest, pk: int) -> HttpResponse:
    """A community's stations and the officers who agreed to be shown; 404 unless the
    council has switched the page on."""
    community = get_object_or_404(Community, pk=pk, public_page=True)
    stations = (
        Station.objects.filter(village__community=community)
        .select_related("village")
        .prefetch_related(
            Prefetch(
                "officers",
                queryset=_public_officers().prefetch_related("villages"),
                to_attr="shown",
            )
        )
        .order_by("name")
    )
    return render(
        request, "officers/public_community.html", {"community": community, "stations": stations}
    )


def public_photo(request: HttpRequest, pk: int) -> FileResponse:
    """An officer's photo on the public page: only with their agreement, only while the
    community's page is on."""
    officer = get_object_or_404(
        _public_officers().filter(public_photo=True, station__village__community__public_page=True),
        pk=pk,
    )
    if not officer.photo_thumbnail:
        raise Http404
    response = FileResponse(officer.photo_thumbnail.open("rb"), content_type="image/jpeg")
    response["X-Content-Type-Options"] = "nosniff"
    return response
