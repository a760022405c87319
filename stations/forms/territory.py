from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import DateInput, ScopedModelForm, validate_pdf
from core.images import PhotoField, PhotoFormMixin
from stations.models import Community, Station, Village


class CommunityForm(ScopedModelForm):
    memorandum_document = forms.FileField(
        label=_("Memorandum document"),
        required=False,
        validators=[validate_pdf],
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
        help_text=_("The signed memorandum as a PDF file, up to 10 MB."),
    )

    class Meta:
        model = Community
        fields = ["name", "oblast", "memorandum_date", "memorandum_document", "public_page"]
        widgets = {"memorandum_date": DateInput()}


class VillageForm(ScopedModelForm):
    class Meta:
        model = Village
        fields = [
            "community",
            "name",
            "name_latin",
            "kind",
            "population",
            "latitude",
            "longitude",
            "station",
        ]


class StationForm(PhotoFormMixin, ScopedModelForm):
    photo = PhotoField(label=_("Photo"), required=False)

    class Meta:
        model = Station
        fields = [
            "name",
            "village",
            "address",
            "phone",
            "reception_hours",
            "opened_on",
            *Station.FACILITY_FIELDS,
            "photo",
        ]
        widgets = {
            "opened_on": DateInput(),
            "reception_hours": forms.Textarea(attrs={"rows": 3}),
        }
