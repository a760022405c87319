"""Police districts: the list with each district's residents, and a district's page."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import exports
from core.breadcrumbs import breadcrumbs
from core.mixins import RegistryListView
from officers.districts import RURAL_LIMIT, URBAN_LIMIT, with_district, with_shares
from officers.filters import DistrictFilter
from officers.models import Officer

DISTRICTS = gettext_lazy("Police districts")


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


class DistrictList(RegistryListView):
    model = Officer
    filterset_class = DistrictFilter
    template_name = "officers/district_list.html"
    addable = False  # a district is made by giving an officer villages
    select_related = ("station",)
    prefetch_related = ("villages",)
    export_name = "districts"
    export_columns: tuple[exports.Column, ...] = (
        (gettext_lazy("Officer"), lambda o: o.full_name),
        (gettext_lazy("Badge"), lambda o: o.badge_number),
        (gettext_lazy("Station"), lambda o: o.station.name),
        (gettext_lazy("Villages"), lambda o: ", ".join(v.name for v in o.villages.all())),
        (gettext_lazy("Population"), lambda o: o.district_population),
        (gettext_lazy("Limit"), lambda o: o.district_limit),
        (gettext_lazy("Over the limit"), lambda o: _yes_no(o.district_over)),
    )

    def get_queryset(self):
        return with_district(super().get_queryset().active())

    def get_breadcrumbs(self):
        return breadcrumbs(here=DISTRICTS)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(heading=DISTRICTS, rural_limit=RURAL_LIMIT, urban_limit=URBAN_LIMIT)
        return context


@login_required
def district_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The district an officer serves: its villages and residents, the station with its
    reception hours, and every officer who answers for one of its villages."""
    if not request.user.has_perm("officers.view_officer"):
        raise PermissionDenied
    visible = Officer.objects.visible_to(request.user)
    officer = get_object_or_404(
        with_district(visible.select_related("station__village__community")), pk=pk
    )
    villages = with_shares(officer.villages.order_by("name"))
    colleagues = (
        visible.active()
        .filter(villages__in=villages.values("pk"))
        .exclude(pk=officer.pk)
        .distinct()
        .order_by("surname", "name")
    )
    crumbs = breadcrumbs(
        (DISTRICTS, reverse("officers:district_list")),
        here=officer.full_name,
    )
    return render(
        request,
        "officers/district_detail.html",
        {
            "officer": officer,
            "villages": villages,
            "colleagues": colleagues,
            "station": officer.station,
            "total": officer.district_population,
            "rural_limit": RURAL_LIMIT,
            "urban_limit": URBAN_LIMIT,
            "breadcrumbs": crumbs,
        },
    )
