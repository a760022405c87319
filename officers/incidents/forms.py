"""Forms of the incident log; they validate and explain, the services save."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, DateTimeInput, ScopedModelForm
from core.images import PhotoField
from officers.duty import usual_village
from officers.models import Officer
from officers.worktime import elapsed

from .models import ORDER_MAX_DAYS, Incident, Party, RestrainingOrder

SOON = datetime.timedelta(minutes=5)


class IncidentForm(ScopedModelForm):
    class Meta:
        model = Incident
        fields = [
            "category",
            "occurred_at",
            "reported_at",
            "village",
            "place",
            "latitude",
            "longitude",
            "description",
            "actions_taken",
        ]
        widgets = {
            "occurred_at": DateTimeInput(),
            "reported_at": DateTimeInput(),
            "description": forms.Textarea(attrs={"rows": 5}),
            "actions_taken": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "latitude": _("Optional: e.g. 47.16530 (from a phone's map)."),
            "description": _("What happened. Needed to submit the report."),
        }

    def __init__(self, *args, officer: Officer | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            now = timezone.localtime().replace(second=0, microsecond=0)
            self.initial.setdefault("occurred_at", now)
            self.initial.setdefault("reported_at", now)
            for name in ("occurred_at", "reported_at"):
                # a copy kept for a dead zone, opened later, starts at its own now (keep.js)
                self.fields[name].widget.attrs["data-now"] = ""
            if officer is not None and self.initial.get("village") is None:
                self.initial["village"] = usual_village(officer)

    def clean(self):
        cleaned = super().clean()
        occurred, reported = cleaned.get("occurred_at"), cleaned.get("reported_at")
        now = timezone.now() + SOON
        if occurred and occurred > now:
            self.add_error("occurred_at", _("This time is in the future."))
        if reported and reported > now:
            self.add_error("reported_at", _("This time is in the future."))
        if occurred and reported and reported < occurred:
            self.add_error("reported_at", _("An incident cannot be reported before it happened."))
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None):
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        return cleaned

    def _post_clean(self):
        # Number, station and author are set by the service when the incident is drafted.
        self.instance.reported_at = self.cleaned_data.get("reported_at")
        super()._post_clean()


class IncidentCreateForm(IncidentForm):
    """A new incident's form: the fields, and a first photo if there is one at hand."""

    photo = PhotoField(label=_("Photo"), required=False)


class PartyForm(forms.ModelForm):
    class Meta:
        model = Party
        fields = ["role", "full_name", "date_of_birth", "phone", "address", "notes"]
        widgets = {"date_of_birth": DateInput(), "notes": forms.Textarea(attrs={"rows": 2})}

    def clean_date_of_birth(self):
        value = self.cleaned_data["date_of_birth"]
        if value and (value > timezone.localdate() or value.year < 1900):
            raise ValidationError(_("Enter a real date of birth."))
        return value


class RestrainingOrderForm(forms.ModelForm):
    class Meta:
        model = RestrainingOrder
        fields = [
            "number",
            "issued_at",
            "valid_until",
            "must_leave_home",
            "must_not_enter",
            "no_contact",
            "child_involved",
        ]
        widgets = {"issued_at": DateTimeInput(), "valid_until": DateTimeInput()}

    def clean(self):
        cleaned = super().clean()
        issued, until = cleaned.get("issued_at"), cleaned.get("valid_until")
        if issued and until:
            if until <= issued:
                self.add_error("valid_until", _("The order must end after it is issued."))
            elif elapsed(issued, until) > datetime.timedelta(days=ORDER_MAX_DAYS):
                self.add_error("valid_until", _("An urgent order is valid for at most 10 days."))
        measures = ("must_leave_home", "must_not_enter", "no_contact")
        if not any(cleaned.get(name) for name in measures):
            self.add_error(None, _("Tick at least one measure the order imposes."))
        return cleaned


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class ReferForm(forms.Form):
    referred_to = forms.CharField(label=_("Referred to"), max_length=300)
    referred_on = forms.DateField(label=_("Referred on"), widget=DateInput())

    def clean_referred_on(self):
        value = self.cleaned_data["referred_on"]
        if value > timezone.localdate():
            raise ValidationError(_("The date cannot be in the future."))
        return value


class SupplementForm(forms.Form):
    text = forms.CharField(
        label=_("Supplement"), widget=forms.Textarea(attrs={"rows": 4}), max_length=8000
    )


class AttachmentForm(forms.Form):
    image = PhotoField(label=_("Photo"))
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)
