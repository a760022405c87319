"""Forms of the handover acts: the act's header, its item lines, the confirmation."""

import datetime

from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, DateTimeInput, ScopedModelForm
from stations.models import EquipmentItem, Handover, HandoverLine


class ActForm(ScopedModelForm):
    """The header of an act; the service draws the act up from the cleaned data."""

    class Meta:
        model = Handover
        fields = [
            "officer",
            "occurred_at",
            "place",
            "official_name",
            "official_role",
            "witnesses",
            "notes",
        ]
        widgets = {
            "occurred_at": DateTimeInput(),
            "witnesses": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, officer=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "officer" in self.fields:
            officers = self.fields["officer"].queryset
            self.fields["officer"].queryset = officers.active().select_related("station")
            self._preselect_the_only_choice("officer", self.fields["officer"])
        self.fields["occurred_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        if not self.is_bound:
            self._as_last_time(officer)

    def _as_last_time(self, officer) -> None:
        """The clerk types each thing once: who hands over and in what role, as in their
        last act; the place, the officer's station's address (or the last act's place)."""
        last = (
            Handover.objects.filter(created_by=self.user.pk)
            .order_by("-created_at")
            .only("official_name", "official_role", "place")
            .first()
        )
        if last is not None:
            self.initial.setdefault("official_name", last.official_name)
            self.initial.setdefault("official_role", last.official_role)
        chosen = officer or self._only_officer()
        station = chosen.station if chosen is not None else None
        if station is not None and station.address:
            self.initial.setdefault("place", station.address)
        elif last is not None:
            self.initial.setdefault("place", last.place)

    def _only_officer(self):
        """The officer preselected as the only choice, if there is one."""
        if "officer" not in self.fields or self.initial.get("officer") is None:
            return None
        return self.fields["officer"].queryset.filter(pk=self.initial["officer"]).first()

    def clean_occurred_at(self):
        value = self.cleaned_data["occurred_at"]
        if value > timezone.now() + datetime.timedelta(minutes=5):
            raise ValidationError(_("An act records what happened: not a future time."))
        return value


class ReturnActForm(ActForm):
    class Meta(ActForm.Meta):
        fields = [f for f in ActForm.Meta.fields if f != "officer"]


class IssueLineForm(forms.Form):
    item = forms.ModelChoiceField(
        label=_("Item"), queryset=EquipmentItem.objects.none(), required=False
    )
    condition = forms.ChoiceField(
        label=_("Condition"), choices=HandoverLine.Condition.choices, initial="good"
    )
    expected_return_on = forms.DateField(
        label=_("Expected back on"), required=False, widget=DateInput()
    )

    def __init__(self, *args, items=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].queryset = items

    def clean_expected_return_on(self):
        value = self.cleaned_data["expected_return_on"]
        if value is not None and value < timezone.localdate():
            raise ValidationError(_("The return date cannot be in the past."))
        return value


class BaseIssueLineFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        chosen = [f.cleaned_data["item"] for f in self.forms if f.cleaned_data.get("item")]
        if not chosen:
            raise ValidationError(_("Add at least one item."))
        if len(set(chosen)) != len(chosen):
            raise ValidationError(_("Each item can appear in an act only once."))


IssueLineFormSet = forms.formset_factory(
    IssueLineForm, formset=BaseIssueLineFormSet, extra=4, max_num=20, validate_max=True
)


class ReturnLinesForm(forms.Form):
    """One tick and one condition per item the officer holds."""

    def __init__(self, *args, custodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.custodies = list(custodies)
        for custody in self.custodies:
            self.fields[f"back_{custody.item_id}"] = forms.BooleanField(
                label=str(custody.item), required=False
            )
            self.fields[f"condition_{custody.item_id}"] = forms.ChoiceField(
                label=_("Condition"), choices=HandoverLine.Condition.choices, initial="good"
            )

    def rows(self):
        return [
            (custody, self[f"back_{custody.item_id}"], self[f"condition_{custody.item_id}"])
            for custody in self.custodies
        ]

    def returned(self) -> list[tuple[EquipmentItem, str]]:
        return [
            (custody.item, self.cleaned_data[f"condition_{custody.item_id}"])
            for custody in self.custodies
            if self.cleaned_data.get(f"back_{custody.item_id}")
        ]

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not self.returned():
            raise ValidationError(_("Tick at least one item that comes back."))
        return cleaned


class InPersonConfirmForm(forms.Form):
    """The receiving officer types their own password on the staff member's screen.

    The password goes through ``authenticate()`` as a sign-in would, so that wrong
    guesses count against the officer's lock-out (django-axes) and are audited: a
    signature on a weapons handover cannot be guessed on a staff screen.
    """

    password = forms.CharField(
        label=_("The officer's password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "off"}),
    )

    def __init__(self, *args, handover: Handover, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.handover = handover
        self.request = request

    def officer_locked(self) -> bool:
        """Whether the officer's login is locked now: the screen says so at once."""
        officer = self.handover.officer.user
        return officer is not None and AxesProxyHandler.is_locked(
            self.request, {"username": officer.get_username()}
        )

    @staticmethod
    def locked_message() -> str:
        return _(
            "Too many wrong passwords: the officer's login is locked for "
            "%(minutes)s minutes. The act stays unconfirmed; the officer can "
            "confirm it later from their own login."
        ) % {"minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)}

    def clean_password(self):
        password = self.cleaned_data["password"]
        officer = self.handover.officer.user
        signed = None
        if officer is not None and officer.is_active:
            signed = authenticate(
                self.request,
                username=officer.get_username(),
                password=password,
                purpose=f"act {self.handover.number}",
            )
        if getattr(self.request, "axes_locked_out", False):
            # The answer belongs on this field, not on a sign-in lock-out page.
            self.request.axes_locked_out = False
            raise ValidationError(self.locked_message())
        if signed is None or signed.pk != officer.pk:
            raise ValidationError(_("That is not the officer's password."))
        return password
