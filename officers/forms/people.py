from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, ModelMultipleChoiceField, ScopedModelForm
from core.images import PhotoField, PhotoFormMixin
from officers.models import Officer, Training


class OfficerForm(PhotoFormMixin, ScopedModelForm):
    photo = PhotoField(label=_("Photo"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[
            (Officer.Status.ACTIVE, Officer.Status.ACTIVE.label),
            (Officer.Status.ON_LEAVE, Officer.Status.ON_LEAVE.label),
        ],
        help_text=_("To record that an officer left the service, use “Record departure”."),
    )

    class Meta:
        model = Officer
        fields = [
            "surname",
            "name",
            "patronymic",
            "badge_number",
            "rank",
            "phone",
            "station",
            "villages",
            "service_start",
            "status",
            "lives_in_community",
            "photo",
            "public_consent",
            "public_phone",
            "public_photo",
        ]
        field_classes = {"villages": ModelMultipleChoiceField}
        widgets = {
            "service_start": DateInput(),
            "villages": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["villages"].queryset = self.fields["villages"].queryset.select_related(
            "community"
        )
        self.fields["station"].queryset = self.fields["station"].queryset.select_related("village")

    def clean_badge_number(self) -> str:
        return self.cleaned_data["badge_number"].strip().upper()

    def clean_service_start(self):
        value = self.cleaned_data["service_start"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("Service cannot start in the future."))
        return value

    def clean(self):
        cleaned = super().clean()
        station, villages = cleaned.get("station"), cleaned.get("villages")
        if station and villages:
            foreign = [v for v in villages if v.community_id != station.village.community_id]
            if foreign:
                self.add_error(
                    "villages",
                    _("%(villages)s: not in the community of the officer's station.")
                    % {"villages": ", ".join(v.name for v in foreign)},
                )
        if not cleaned.get("public_consent"):
            for name in ("public_phone", "public_photo"):
                if cleaned.get(name):
                    self.add_error(
                        name, _("Only with the officer's agreement to the public page above.")
                    )
        if self.instance.pk and self.instance.status == Officer.Status.LEFT:
            # Putting a departed officer back on the roster clears the departure date.
            self.instance.left_on = None
        return cleaned


class DepartureForm(forms.Form):
    left_on = forms.DateField(label=_("Date of departure"), widget=DateInput())

    def __init__(self, *args, officer: Officer, **kwargs):
        super().__init__(*args, **kwargs)
        self.officer = officer

    def clean_left_on(self):
        value = self.cleaned_data["left_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        if value < self.officer.service_start:
            raise forms.ValidationError(_("The date cannot be before the service start."))
        return value


class TrainingForm(ScopedModelForm):
    class Meta:
        model = Training
        fields = ["course", "provider", "place", "started_on", "ended_on"]
        widgets = {"started_on": DateInput(), "ended_on": DateInput()}
