"""Property-based (Hypothesis): every form of the site, fed hostile input in every
field, answers with errors on its fields — never an exception — and shows nothing
typed unescaped.

Forms are found by walking the project's modules, so a new form without a way to
build it here fails the build.
"""

import datetime
import inspect

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.forms import ScopedModelForm
from stations.models import Custody, EquipmentItem
from tests import factories
from tests.project import project_classes

SCRIPT = "<script>alert(1)</script>"

# Text a person, a broken client or an attacker may send.
HOSTILE_TEXT = st.one_of(
    st.sampled_from(
        [
            "",
            " ",
            SCRIPT,
            '"><img src=x onerror=alert(1)>',
            "' OR 1=1 --",
            "'; DROP TABLE stations_village; --",
            "2022-02-30",
            "2022-13-01T25:61",
            "31.02.2021",
            "-1",
            "0",
            "99999999999999999999999999",
            "1e309",
            "NaN",
            "\x00",
            "\u202e\u200b\ufeff",
            "Ж" * 5000,
            "../../etc/passwd",
            "[]",
            "{}",
        ]
    ),
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50),
    st.integers().map(str),
    st.dates(min_value=datetime.date(1, 1, 1)).map(str),
)
HOSTILE_FILE = st.binary(max_size=2048).map(
    lambda content: SimpleUploadedFile("photo.jpg", content, content_type="image/jpeg")
)


def project_forms() -> list[type[forms.BaseForm]]:
    found = project_classes(forms.BaseForm)
    return sorted(set(found), key=lambda cls: f"{cls.__module__}.{cls.__name__}")


# Forms that are only bases of others (no model or fields of their own).
BASES = {
    "policing.admin.RoleFields",
    "core.forms.ScopedModelForm",
    "stations.forms.fleet.LogbookForm",
}


def label(cls) -> str:
    return f"{cls.__module__}.{cls.__name__}"


def build(cls, world, *data):
    """The form with what it needs besides its data, as the views give it."""
    parameters = inspect.signature(cls.__init__).parameters
    if list(parameters)[1] == "user":  # Django's password forms: the user comes first
        return cls(world["officer_user"], *data)
    kwargs = {}
    if "user" in parameters or issubclass(cls, ScopedModelForm):
        kwargs["user"] = world["staff_user"]
    if "vehicle" in parameters:
        kwargs["vehicle"] = world["vehicle"]
    if "officer" in parameters:
        kwargs["officer"] = world["officer"]
    if "handover" in parameters:
        kwargs["handover"] = world["act"]
    if "request" in parameters:  # a password checked as a sign-in is (django-axes)
        kwargs["request"] = RequestFactory().post("/", REMOTE_ADDR="10.0.0.9")
    if "items" in parameters:
        kwargs["items"] = EquipmentItem.objects.all()
    if "custodies" in parameters:
        kwargs["custodies"] = Custody.objects.filter(until=None)
    if "shift" in parameters:
        kwargs["shift"] = world["shift"]
    if "needs_reason" in parameters:
        kwargs["needs_reason"] = True
    if "offender" in parameters:
        kwargs["offender"] = world["offender"]
    if "device" in parameters:
        kwargs["device"] = factories.enrolled_phone(world["officer_user"])
    if cls.__name__ == "UserEditForm":
        kwargs["instance"] = world["officer_user"]
    return cls(*data, **kwargs)


FORMS = [cls for cls in project_forms() if label(cls) not in BASES]


@pytest.fixture
def world(officer, officer_user, staff_user, radio, pistol, confirmed_act, act):
    return {
        "officer": officer,
        "officer_user": officer_user,
        "staff_user": staff_user,
        "vehicle": factories.make_vehicle(officer.station),
        "act": act,
        "shift": factories.make_shift(
            officer, timezone.now() - datetime.timedelta(hours=3), hours=None
        ),
        "offender": factories.make_offender(officer),
    }


def test_the_walk_finds_the_forms():
    names = {cls.__name__ for cls in FORMS}

    assert {"VillageForm", "IncidentForm", "PartyForm", "CodeForm", "ShiftEndForm"} <= names


@pytest.mark.parametrize("form_class", FORMS, ids=label)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_input_gets_errors_not_exceptions(world, form_class, data):
    empty = build(form_class, world)
    values, files = {}, {}
    for name, field in empty.fields.items():
        if isinstance(field, forms.FileField):
            files[name] = data.draw(HOSTILE_FILE, label=name)
        elif isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
            values[name] = data.draw(st.lists(HOSTILE_TEXT, max_size=3), label=name)
        else:
            values[name] = data.draw(HOSTILE_TEXT, label=name)
    form = build(form_class, world, values, files)

    valid = form.is_valid()

    if not valid:
        for field, messages in form.errors.items():
            assert field == "__all__" or field in form.fields
            assert all(isinstance(m, str) and m.strip() for m in messages)
    assert SCRIPT not in str(form)
