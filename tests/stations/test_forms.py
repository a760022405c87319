"""Bad input on the territory forms: the form comes back with the error, nothing is stored."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stations.forms import VillageForm
from stations.models import Community, Station, Village
from tests.factories import image_upload


def village_data(community, /, **overrides):
    data = {
        "community": community.pk,
        "name": "Покровське",
        "name_latin": "Pokrovske",
        "kind": "village",
        "population": "700",
        "latitude": "47.224",
        "longitude": "37.566",
        "station": "",
    }
    data.update(overrides)
    return data


def test_a_village_is_created(staff, community):
    response = staff.post(reverse("stations:village_create"), village_data(community))

    village = Village.objects.get(name="Покровське")
    assert response["Location"] == village.get_absolute_url()
    assert village.population == 700


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "Д" * 121}, "name"),
        ({"population": "багато"}, "population"),
        ({"population": "-5"}, "population"),
        ({"latitude": "91"}, "latitude"),
        ({"longitude": "east"}, "longitude"),
        ({"community": "999999"}, "community"),
    ],
)
def test_bad_village_input_is_refused_on_the_field(staff, community, overrides, field):
    response = staff.post(reverse("stations:village_create"), village_data(community, **overrides))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Village.objects.filter(name="Покровське").exists()


def test_a_duplicate_village_name_is_refused(staff, community, village):
    response = staff.post(
        reverse("stations:village_create"), village_data(community, name=village.name)
    )

    assert response.status_code == 200
    assert "Ця громада вже має село з такою назвою." in response.content.decode()
    assert Village.objects.filter(name=village.name).count() == 1


def test_the_same_village_name_is_fine_in_another_community(staff, village):
    other = Community.objects.create(name="Інша громада", oblast="Запорізька")

    staff.post(reverse("stations:village_create"), village_data(other, name=village.name))

    assert Village.objects.filter(name=village.name).count() == 2


def station_data(village, /, **overrides):
    data = {"name": "Станція Виноградне", "village": village.pk, "address": "", "phone": ""}
    data.update(overrides)
    return data


def test_a_station_is_created_with_a_photo(staff, village):
    data = station_data(village, has_office="on", photo=image_upload(size=(2000, 1000)))

    staff.post(reverse("stations:station_create"), data)

    station = Station.objects.get(name="Станція Виноградне")
    assert station.has_office
    assert not station.has_garage
    assert station.photo.name.startswith("stations/")
    assert station.photo.name.endswith(".jpg")
    assert station.photo_thumbnail.name.startswith("stations/thumbs/")


def test_a_station_photo_that_is_not_an_image_stores_nothing(staff, village, settings):
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg")

    response = staff.post(reverse("stations:station_create"), station_data(village, photo=fake))

    assert response.status_code == 200
    assert "photo" in response.context["form"].errors
    assert not Station.objects.filter(name="Станція Виноградне").exists()
    assert not (settings.MEDIA_ROOT / "stations").exists()


def test_a_station_without_a_village_is_refused(staff, village):
    response = staff.post(reverse("stations:station_create"), station_data(village, village=""))

    assert "village" in response.context["form"].errors


def test_a_community_memorandum_must_be_a_pdf(staff):
    not_pdf = SimpleUploadedFile("memo.pdf", b"hello", content_type="application/pdf")

    response = staff.post(
        reverse("stations:community_create"),
        {"name": "Громада", "oblast": "Донецька", "memorandum_document": not_pdf},
    )

    assert "memorandum_document" in response.context["form"].errors
    assert not Community.objects.filter(name="Громада").exists()


def test_a_community_with_a_pdf_memorandum_is_created(staff):
    pdf = SimpleUploadedFile("memo.pdf", b"%PDF-1.4\n%%EOF", content_type="application/pdf")

    staff.post(
        reverse("stations:community_create"),
        {
            "name": "Громада",
            "oblast": "Донецька",
            "memorandum_date": "2021-09-01",
            "memorandum_document": pdf,
        },
    )

    community = Community.objects.get(name="Громада")
    assert community.memorandum_document.name.endswith(".pdf")
    assert str(community.memorandum_date) == "2021-09-01"


def test_form_choices_hold_only_records_the_person_may_see(officer_user, village, other_station):
    # The forms narrow every choice to visible records, so that a crafted id of another
    # station's record answers with a field error instead of being stored.
    form = VillageForm(
        data=village_data(village.community, station=other_station.pk), user=officer_user
    )

    assert not form.is_valid()
    assert "station" in form.errors
