"""Forms of the report to the council: its period, and the mark of it presented."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import DateInput
from reports.models import PresentedReport


class PeriodForm(forms.Form):
    since = forms.DateField(label=gettext_lazy("From"), widget=DateInput())
    until = forms.DateField(label=gettext_lazy("To"), widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            self.add_error("until", _("The end of the period is before its start."))
        return data


class PresentedForm(forms.ModelForm):
    class Meta:
        model = PresentedReport
        fields = ["since", "until", "presented_on", "presented_to"]
        widgets = {
            "since": forms.HiddenInput(),
            "until": forms.HiddenInput(),
            "presented_on": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("presented_on", timezone.localdate())

    def clean(self):
        data = super().clean()
        since, until, on = data.get("since"), data.get("until"), data.get("presented_on")
        if since and until and until < since:
            raise forms.ValidationError(_("The end of the period is before its start."))
        if on and on > timezone.localdate():
            self.add_error("presented_on", _("This date is in the future."))
        elif on and since and on < since:
            self.add_error("presented_on", _("A report is presented after its period begins."))
        return data
