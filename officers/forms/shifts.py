"""Forms of the shift log. They validate and explain; the services save."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateTimeInput, ModelMultipleChoiceField
from officers.models import Officer, Shift
from officers.services.shifts import ShiftError, check_times
from stations.models import Vehicle, Village

BACKDATE_LIMIT = datetime.timedelta(hours=12)


class ShiftStartForm(forms.Form):
    started_at = forms.DateTimeField(
        label=_("Started at"),
        required=False,
        widget=DateTimeInput(),
        help_text=_("Leave empty for now. At most 12 hours back."),
    )
    vehicle = forms.ModelChoiceField(
        label=_("Vehicle taken"), queryset=Vehicle.objects.none(), required=False
    )
    odometer_start = forms.IntegerField(
        label=_("Odometer at start, km"), required=False, min_value=0, max_value=2_000_000
    )

    def __init__(self, *args, officer: Officer, **kwargs):
        super().__init__(*args, **kwargs)
        self.officer = officer
        vehicle = self.fields["vehicle"]
        assert isinstance(vehicle, forms.ModelChoiceField)  # as declared above
        vehicle.queryset = Vehicle.objects.filter(
            station=officer.station, status=Vehicle.Status.IN_SERVICE
        )

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
        widget=DateTimeInput(),
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
    odometer_end = forms.IntegerField(
        label=_("Odometer at return, km"), required=False, min_value=0, max_value=2_000_000
    )

    def __init__(self, *args, shift: Shift, **kwargs):
        super().__init__(*args, **kwargs)
        self.shift = shift
        villages = self.fields["villages"]
        assert isinstance(villages, forms.ModelMultipleChoiceField)  # as declared above
        villages.queryset = Village.objects.filter(
            community=shift.officer.station.village.community
        )
        self.fields["villages"].initial = shift.officer.villages.all()
        if shift.vehicle is None:
            del self.fields["odometer_end"]
        else:
            self.fields["odometer_end"].required = True
            self.fields["odometer_end"].initial = shift.odometer_start

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
        villages = self.fields["villages"]
        assert isinstance(villages, forms.ModelMultipleChoiceField)  # as declared above
        villages.queryset = Village.objects.filter(
            community=shift.officer.station.village.community
        )
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
