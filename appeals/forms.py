"""Forms of residents' appeals: the appeal as received, and the steps to its answer."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, ScopedModelForm, not_in_future
from officers.duty import usual_village
from officers.models import Incident, Officer

from .models import Appeal


class AppealForm(ScopedModelForm):
    class Meta:
        model = Appeal
        fields = [
            "received_on",
            "channel",
            "village",
            "resident_name",
            "resident_phone",
            "resident_address",
            "subject",
            "urgent",
            "needs_study",
        ]
        widgets = {
            "received_on": DateInput(),
            "resident_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "resident_name": forms.TextInput(attrs={"autocomplete": "off"}),
            "resident_address": forms.TextInput(attrs={"autocomplete": "off"}),
            "subject": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, officer: Officer | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("received_on", timezone.localdate())
            self.fields["received_on"].widget.attrs["data-now"] = ""
            if officer is not None and self.initial.get("village") is None:
                self.initial["village"] = usual_village(officer)

    def clean_received_on(self):
        return not_in_future(self.cleaned_data["received_on"])


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the extension"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The law allows 45 days in all, for a reason given."),
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), widget=forms.Textarea(attrs={"rows": 4}))
    answered_on = forms.DateField(label=_("Answered on"), widget=DateInput())
    answer_method = forms.ChoiceField(label=_("Answer given"), choices=Appeal.AnswerMethod.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("answered_on", timezone.localdate())

    def clean_answered_on(self):
        return not_in_future(self.cleaned_data["answered_on"])


class ReferForm(forms.Form):
    referred_to = forms.CharField(
        label=_("Referred to"),
        max_length=300,
        help_text=_("E.g. the council's social services, the investigators."),
    )


class ToIncidentForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=Incident.Category.choices)


STEP_FORMS = {
    "extend": ExtendForm,
    "answer": AnswerForm,
    "refer": ReferForm,
    "incident": ToIncidentForm,
    "start": forms.Form,
}
