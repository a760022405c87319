"""Forms of the preventive register: the entry as taken on, the work done, taking off."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, not_in_future
from officers.models import Incident
from officers.rules import police_station_ids

from .models import Offender, OffenderWork

CHECK_EVERY = datetime.timedelta(days=30)  # the next check a work entry proposes


class OffenderForm(forms.ModelForm):
    incident_number = forms.CharField(
        label=_("Incident number"),
        max_length=20,
        required=False,
        help_text=_("The number of the station's domestic-violence incident, as on its page."),
    )

    class Meta:
        model = Offender
        fields = [
            "full_name",
            "date_of_birth",
            "address",
            "grounds",
            "court_order_number",
            "court_order_until",
            "taken_on",
        ]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "address": forms.TextInput(attrs={"autocomplete": "off"}),
            "date_of_birth": DateInput(),
            "court_order_until": DateInput(),
            "taken_on": DateInput(),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # the order of a page: who, on what grounds (and which incident), since when
        self.order_fields(["full_name", "date_of_birth", "address", "grounds", "incident_number"])
        if self.instance.pk:
            self.initial.setdefault(
                "incident_number", self.instance.incident.number if self.instance.incident else ""
            )
        else:
            self.initial.setdefault("taken_on", timezone.localdate())

    def clean_taken_on(self):
        return not_in_future(self.cleaned_data["taken_on"])

    def clean_date_of_birth(self):
        return not_in_future(self.cleaned_data["date_of_birth"])

    def clean(self):
        data = super().clean()
        grounds = data.get("grounds")
        number = (data.get("incident_number") or "").strip()
        data["incident"] = None
        if grounds in Offender.GROUNDS_IN_AN_INCIDENT:
            if not number:
                self.add_error("incident_number", _("Give the incident these grounds are in."))
            else:
                data["incident"] = self._incident(number, grounds)
        if grounds == Offender.Grounds.COURT_ORDER and not data.get("court_order_number"):
            self.add_error("court_order_number", _("Give the number of the court's order."))
        return data

    def _incident(self, number: str, grounds: str) -> Incident | None:
        incident = (
            Incident.objects.filter(
                number=number,
                station__in=police_station_ids(self.user),
                category=Incident.Category.DOMESTIC_VIOLENCE,
            )
            .select_related("station", "restraining_order")
            .first()
        )
        if incident is None:
            self.add_error(
                "incident_number",
                _("No domestic-violence incident of your stations has this number."),
            )
        elif grounds == Offender.Grounds.URGENT_ORDER and not hasattr(
            incident, "restraining_order"
        ):
            self.add_error(
                "incident_number", _("No urgent restraining order is recorded in this incident.")
            )
            return None
        return incident

    def record_fields(self) -> dict:
        """What the services write: the model's fields and the incident found."""
        return {name: self.cleaned_data[name] for name in [*self._meta.fields, "incident"]}


class WorkForm(forms.ModelForm):
    class Meta:
        model = OffenderWork
        fields = ["done_on", "kind", "note", "next_check_on"]
        widgets = {
            "done_on": DateInput(),
            "next_check_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.initial.setdefault("done_on", today)
        self.initial.setdefault("next_check_on", today + CHECK_EVERY)

    def clean_done_on(self):
        return not_in_future(self.cleaned_data["done_on"])

    def clean(self):
        data = super().clean()
        done, next_check = data.get("done_on"), data.get("next_check_on")
        if done and next_check and next_check < done:
            self.add_error("next_check_on", _("The next check cannot be before this work."))
        return data


class TakeOffForm(forms.Form):
    taken_off_on = forms.DateField(label=_("Taken off the register on"), widget=DateInput())
    off_reason = forms.ChoiceField(
        label=_("Reason for taking off"), choices=Offender.OffReason.choices
    )
    off_note = forms.CharField(
        label=_("Note on taking off"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, offender: Offender, **kwargs):
        super().__init__(*args, **kwargs)
        self.offender = offender
        self.initial.setdefault("taken_off_on", timezone.localdate())

    def clean_taken_off_on(self):
        day = not_in_future(self.cleaned_data["taken_off_on"])
        if day and day < self.offender.taken_on:
            raise forms.ValidationError(_("A person cannot be taken off before being taken on."))
        return day
