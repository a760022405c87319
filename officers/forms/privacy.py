from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput

ONE_WORD = _("Give the whole name, at least surname and given name, or add the date of birth.")


class SubjectAccessForm(forms.Form):
    """Who is asked for and why: the whole name (or a name with the birth date), so that
    the report lists one person, never a crowd; the reason goes into the audit log."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_(
            "Surname and given name at least, whole words in any order and letter case; "
            "the patronymic narrows the search. With the date of birth, the surname "
            "alone is enough."
        ),
    )
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "Narrows the search; records of the name without a birth date are still shown."
        ),
    )
    reason = forms.CharField(
        label=_("Reason for the search"),
        max_length=250,
        help_text=_(
            "Whose request this answers and how it came, e.g. “request of the person of "
            "12.03.2026, letter No. 17”. It is kept in the audit log."
        ),
        error_messages={
            "required": _(
                "Give the reason for the search: whose request it answers, of what date, "
                "and how it came."
            )
        },
    )

    def clean_full_name(self) -> str:
        return " ".join(self.cleaned_data["full_name"].split())

    def clean(self):
        cleaned = super().clean()
        name = cleaned.get("full_name")
        if name and " " not in name and not cleaned.get("date_of_birth"):
            self.add_error("full_name", ONE_WORD)
        return cleaned
