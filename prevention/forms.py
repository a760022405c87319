"""The preventive event form: a minute's typing on a phone, most of it chosen for you."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, ScopedModelForm, not_in_future
from core.images import PhotoField
from officers.duty import usual_village
from officers.models import Officer

from .models import AUDIENCE_MAX, PreventiveEvent


class PreventiveEventForm(ScopedModelForm):
    photo = PhotoField(label=_("Photo"), required=False)
    audience = forms.IntegerField(
        label=_("Audience"),
        min_value=1,
        max_value=AUDIENCE_MAX,
        help_text=_("How many people took part, the officer not counted."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    class Meta:
        model = PreventiveEvent
        fields = ["kind", "topic", "held_on", "village", "audience", "note", "photo"]
        widgets = {
            "held_on": DateInput(),
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"note": _("Optional: what was said, who organised it.")}

    def __init__(self, *args, officer: Officer | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("held_on", timezone.localdate())
            # a copy kept for a dead zone, opened later, starts at its own today (keep.js)
            self.fields["held_on"].widget.attrs["data-now"] = ""
            if officer is not None and self.initial.get("village") is None:
                self.initial["village"] = usual_village(officer)

    def clean_held_on(self):
        return not_in_future(self.cleaned_data["held_on"])
