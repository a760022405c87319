import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, DateTimeInput, ScopedModelForm
from stations.models import Vehicle
from stations.models.fleet import noon_of
from stations.plates import normalize_plate, normalize_vin


class VehicleForm(ScopedModelForm):
    class Meta:
        model = Vehicle
        fields = [
            "plate",
            "vin",
            "make",
            "model",
            "year",
            "colour",
            "station",
            "status",
            "acquired_on",
            "funded_by",
        ]
        widgets = {"acquired_on": DateInput()}

    def clean_plate(self) -> str:
        return normalize_plate(self.cleaned_data["plate"])

    def clean_vin(self) -> str:
        return normalize_vin(self.cleaned_data["vin"])


class LogbookForm(forms.Form):
    """An entry of a vehicle's logbook: its odometer must fit the earlier readings."""

    moment_field = ""
    odometer_field = ""

    def __init__(self, *args, vehicle: Vehicle, **kwargs):
        super().__init__(*args, **kwargs)
        self.vehicle = vehicle
        self.fields[self.odometer_field].initial = vehicle.last_odometer()

    def moment(self):
        return self.cleaned_data.get(self.moment_field)

    def clean(self):
        cleaned = super().clean()
        moment, km = self.moment(), cleaned.get(self.odometer_field)
        if moment is not None and km is not None:
            try:
                self.vehicle.check_odometer(km, moment)
            except ValidationError as error:
                self.add_error(self.odometer_field, error)
        return cleaned

    def clean_not_future(self, value):
        if value is not None and value > timezone.now() + datetime.timedelta(minutes=5):
            raise ValidationError(_("The time cannot be in the future."))
        return value


class OdometerForm(LogbookForm):
    moment_field = "read_at"
    odometer_field = "km"
    read_at = forms.DateTimeField(label=_("Read at"), widget=DateTimeInput())
    km = forms.IntegerField(label=_("Odometer, km"), min_value=0, max_value=2_000_000)

    def clean_read_at(self):
        return self.clean_not_future(self.cleaned_data["read_at"])


class FuelForm(LogbookForm):
    moment_field = "filled_at"
    odometer_field = "odometer_km"
    filled_at = forms.DateTimeField(label=_("Filled at"), widget=DateTimeInput())
    litres = forms.DecimalField(
        label=_("Litres"), min_value=0.01, max_value=500, max_digits=6, decimal_places=2
    )
    cost_uah = forms.DecimalField(
        label=_("Cost, UAH"), min_value=0, max_value=1_000_000, max_digits=10, decimal_places=2
    )
    odometer_km = forms.IntegerField(label=_("Odometer, km"), min_value=0, max_value=2_000_000)

    def clean_filled_at(self):
        return self.clean_not_future(self.cleaned_data["filled_at"])


class MaintenanceForm(LogbookForm):
    moment_field = "done_on"
    odometer_field = "odometer_km"
    done_on = forms.DateField(label=_("Done on"), widget=DateInput())
    work = forms.CharField(label=_("Work done"), max_length=300)
    cost_uah = forms.DecimalField(
        label=_("Cost, UAH"), min_value=0, max_value=10_000_000, max_digits=10, decimal_places=2
    )
    odometer_km = forms.IntegerField(label=_("Odometer, km"), min_value=0, max_value=2_000_000)
    next_due_on = forms.DateField(label=_("Next due on"), required=False, widget=DateInput())
    next_due_km = forms.IntegerField(
        label=_("Next due at, km"), required=False, min_value=0, max_value=2_000_000
    )

    def moment(self):
        done_on = self.cleaned_data.get("done_on")
        return None if done_on is None else noon_of(done_on)

    def clean_done_on(self):
        value = self.cleaned_data["done_on"]
        if value > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        return value
