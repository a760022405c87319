"""Pages of the vehicle registry and each vehicle's logbook."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core import exports
from core.breadcrumbs import breadcrumbs
from core.forms import bound_data
from core.mixins import (
    RegistryCreateView,
    RegistryDetailView,
    RegistryListView,
    RegistryUpdateView,
)
from core.writes import write_or_explain
from stations import selectors, services
from stations.filters import VehicleFilter
from stations.forms import FuelForm, MaintenanceForm, OdometerForm, VehicleForm
from stations.models import Custody, Vehicle


class VehicleList(RegistryListView):
    model = Vehicle
    filterset_class = VehicleFilter
    template_name = "stations/vehicle_list.html"
    select_related = ("station",)
    export_columns: tuple[exports.Column, ...] = (
        (gettext_lazy("Plate"), lambda v: v.plate),
        (gettext_lazy("VIN"), lambda v: v.vin),
        (gettext_lazy("Make"), lambda v: v.make),
        (gettext_lazy("Model"), lambda v: v.model),
        (gettext_lazy("Year"), lambda v: v.year),
        (gettext_lazy("Colour"), lambda v: v.colour),
        (gettext_lazy("Station"), lambda v: v.station.name),
        (gettext_lazy("Status"), lambda v: v.get_status_display()),
        (gettext_lazy("Odometer, km"), lambda v: v.km),
        (gettext_lazy("Acquired on"), lambda v: v.acquired_on),
        (gettext_lazy("Funded by"), lambda v: v.funded_by),
    )

    def get_queryset(self):
        return super().get_queryset().annotate(km=selectors.latest_km())


class VehicleDetail(RegistryDetailView):
    model = Vehicle
    template_name = "stations/vehicle_detail.html"
    select_related = ("station",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        vehicle = self.object
        km_now = vehicle.readings.aggregate(km=Max("km"))["km"]
        fuel_months = selectors.fuel_by_month(vehicle)
        context.update(
            km_now=km_now,
            readings=vehicle.readings.select_related("recorded_by")[:10],
            fuel_months=fuel_months,
            fuel_total=sum(month.litres for month in fuel_months),
            fuel_records=vehicle.fuel_records.all()[:10],
            maintenance=vehicle.maintenance_records.all()[:10],
            maintenance_due=selectors.maintenance_due(vehicle, km_now),
            timeline=selectors.custody_timeline(
                Custody.objects.visible_to(self.request.user).filter(item__vehicle=vehicle)
            ),
            can_log=self.request.user.has_perm("stations.add_odometerreading"),
        )
        return context


class VehicleCreate(RegistryCreateView):
    form_class = VehicleForm


class VehicleUpdate(RegistryUpdateView):
    form_class = VehicleForm


LOGBOOK = {
    "reading": (OdometerForm, "stations.add_odometerreading", gettext_lazy("Odometer reading")),
    "fuel": (FuelForm, "stations.add_fuelrecord", gettext_lazy("Refuelling")),
    "maintenance": (MaintenanceForm, "stations.add_maintenancerecord", gettext_lazy("Maintenance")),
}


def _save_entry(entry: str, vehicle: Vehicle, data: dict, user) -> None:
    if entry == "reading":
        services.odometer_reading_add(vehicle=vehicle, user=user, **data)
    elif entry == "fuel":
        services.fuel_record_add(vehicle=vehicle, user=user, **data)
    else:
        services.maintenance_record_add(vehicle=vehicle, user=user, **data)


@login_required
def vehicle_logbook_add(request: HttpRequest, pk: int, entry: str) -> HttpResponse:
    """Add an odometer reading, a refuelling or a service to a vehicle's logbook."""
    if entry not in LOGBOOK:
        raise Http404
    form_class, permission, title = LOGBOOK[entry]
    if not request.user.has_perm(permission):
        raise PermissionDenied
    vehicle = get_object_or_404(Vehicle.objects.visible_to(request.user), pk=pk)
    form = form_class(bound_data(request), vehicle=vehicle)
    if request.method == "POST" and form.is_valid():
        saved = write_or_explain(
            request,
            form,
            lambda: _save_entry(entry, vehicle, form.cleaned_data, request.user),
            refusal=ValidationError,  # a reading written meanwhile
            done=_("Saved: %(record)s.") % {"record": title},
            then=vehicle,
            field=form.odometer_field,
        )
        if saved:
            return saved
    return render(
        request,
        "stations/vehicle_logbook_form.html",
        {
            "vehicle": vehicle,
            "form": form,
            "title": title,
            "breadcrumbs": breadcrumbs(
                (_("Vehicles"), reverse("stations:vehicle_list")),
                (vehicle.plate_display, vehicle.get_absolute_url()),
                here=title,
            ),
        },
    )
