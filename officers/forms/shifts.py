"""Forms of the shift log. They validate and explain; the services save."""

import datetime

from django import forms
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateTimeInput, ModelMultipleChoiceField, offer_only
from officers.models import Officer, Shift
from officers.services.shifts import ShiftError, check_times
from stations.models import Vehicle, Village
from stations.selectors import cars_for_shift, held_car

BACKDATE_LIMIT = datetime.timedelta(hours=12)


class CarSelect(forms.Select):
    """Each car's last reading on its option (``data-km``): static/js/odometer.js puts
    it into the odometer field when the officer picks another car."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        km = getattr(getattr(value, "instance", None), "km", None)
        if km is not None:
            option["attrs"]["data-km"] = km
        return option


class CarChoiceField(forms.ModelChoiceField):
    """A car by its plate first, then make and model, with its last odometer reading
    (``km``, annotated by stations.selectors.cars_for_shift)."""

    widget = CarSelect

    def label_from_instance(self, obj) -> str:
        label = f"{obj.plate_display} · {obj.make} {obj.model}"
        km = getattr(obj, "km", None)
        return label if km is None else f"{label} · " + _("%(km)s km") % {"km": intcomma(km)}


def odometer_field(label) -> forms.IntegerField:
    return forms.IntegerField(label=label, required=False, min_value=0, max_value=2_000_000)


def patrolled_villages(shift: Shift):
    """The villages an officer may have patrolled on a shift: their community's."""
    return Village.objects.filter(community=shift.officer.station.village.community)


class ShiftStartForm(forms.Form):
    started_at = forms.DateTimeField(
        label=_("Started at"),
        required=False,
        widget=DateTimeInput(attrs={"data-empty-means-now": ""}),  # keep.js: the tap's time
        help_text=_("Leave empty for now. At most 12 hours back."),
    )
    vehicle = CarChoiceField(
        label=_("Vehicle taken"), queryset=Vehicle.objects.none(), required=False
    )
    odometer_start = odometer_field(_("Odometer at start, km"))

    def __init__(self, *args, officer: Officer, **kwargs):
        super().__init__(*args, **kwargs)
        self.officer = officer
        held = held_car(officer)
        offer_only(self, "vehicle", cars_for_shift(officer, held))
        # the car's reading is the page's to fill afresh, never a draft's (keep.js)
        self.fields["odometer_start"].widget.attrs["data-not-kept"] = ""
        if held is not None and not self.is_bound:
            # the car whose key they hold, at its last reading: a tap to confirm
            self.initial.update(vehicle=held.pk, odometer_start=held.last_odometer())

    def clean_started_at(self):
        value = self.cleaned_data["started_at"] or timezone.now()
        if value < timezone.now() - BACKDATE_LIMIT:
            raise ValidationError(_("A shift can be started at most 12 hours back."))
        return value

    def clean(self):
        cleaned = super().clean()
        started_at = cleaned.get("started_at")
        if cleaned.get("odometer_start") is not None and not cleaned.get("vehicle"):
            self.add_error("vehicle", _("Choose the vehicle whose odometer this is."))
        if started_at is not None:
            try:
                check_times(self.officer, started_at, None)
            except ShiftError as error:
                self.add_error("started_at", str(error))
        return cleaned


class ShiftTimesMixin:
    """Check the times against the officer's other shifts and explain a clash."""

    def check_shift(self, start, end):
        try:
            check_times(self.shift.officer, start, end, exclude=self.shift)
        except ShiftError as error:
            self.add_error("ended_at" if end else "started_at", str(error))


class ShiftEndForm(ShiftTimesMixin, forms.Form):
    ended_at = forms.DateTimeField(
        label=_("Ended at"),
        required=False,
        widget=DateTimeInput(attrs={"data-empty-means-now": ""}),  # keep.js: the tap's time
        help_text=_("Leave empty for now."),
    )
    villages = ModelMultipleChoiceField(
        label=_("Villages patrolled"),
        queryset=Village.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    summary = forms.CharField(
        label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}), max_length=4000
    )
    odometer_end = odometer_field(_("Odometer at return, km"))

    def __init__(self, *args, shift: Shift, **kwargs):
        super().__init__(*args, **kwargs)
        self.shift = shift
        offer_only(self, "villages", patrolled_villages(shift))
        # the villages they serve, and those of the incidents logged in this shift
        self.fields["villages"].initial = list(
            patrolled_villages(shift)
            .filter(Q(officers=shift.officer) | Q(incidents__shift=shift))
            .distinct()
        )
        # The shift's car; after a one-tap start, the car whose key they hold.
        self.car = shift.vehicle or held_car(shift.officer)
        if self.car is None:
            del self.fields["odometer_end"]
            return
        odometer = self.fields["odometer_end"]
        odometer.label = _("Odometer at return, km: %(car)s") % {"car": self.car.plate_display}
        odometer.initial = shift.odometer_start or self.car.last_odometer()
        # with the car taken at the start its reading is due; else only if it was driven
        odometer.required = shift.vehicle is not None

    def clean_ended_at(self):
        return self.cleaned_data["ended_at"] or timezone.now()

    def clean_odometer_end(self):
        value = self.cleaned_data["odometer_end"]
        start = self.shift.odometer_start
        if value is not None and start is not None and value < start:
            raise ValidationError(
                _("The odometer at return cannot be below the start (%(km)s km)."),
                params={"km": start},
            )
        return value

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("ended_at"):
            self.check_shift(self.shift.started_at, cleaned["ended_at"])
        if self.shift.vehicle is None and cleaned.get("odometer_end") is not None:
            cleaned["vehicle"] = self.car  # driven after a one-tap start
        return cleaned


class ShiftEditForm(ShiftTimesMixin, forms.Form):
    started_at = forms.DateTimeField(label=_("Started at"), widget=DateTimeInput())
    ended_at = forms.DateTimeField(label=_("Ended at"), widget=DateTimeInput(), required=False)
    villages = ModelMultipleChoiceField(
        label=_("Villages patrolled"),
        queryset=Village.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason for changing a closed month"), max_length=300, required=False
    )

    def __init__(self, *args, shift: Shift, needs_reason: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.shift = shift
        offer_only(self, "villages", patrolled_villages(shift))
        if needs_reason:
            self.fields["reason"].required = True
        else:
            del self.fields["reason"]
        if not self.is_bound:
            self.initial.update(
                started_at=timezone.localtime(shift.started_at),
                ended_at=shift.ended_at and timezone.localtime(shift.ended_at),
                villages=list(shift.villages.all()),
                summary=shift.summary,
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("started_at"):
            self.check_shift(cleaned["started_at"], cleaned.get("ended_at"))
        return cleaned


class ShiftReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs correcting"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class MonthCloseForm(forms.Form):
    month = forms.DateField(widget=forms.HiddenInput)
