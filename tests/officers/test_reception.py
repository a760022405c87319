"""Where residents find their officer: the notice for the village board, and the
community's public page — off by default, and only what each officer agreed to show."""

import pytest
from django.test import Client
from django.urls import reverse

from stations.models import Community
from tests import factories


@pytest.fixture
def station_with_hours(station):
    station.address = "вул. Центральна, 1"
    station.phone = "+380629000102"
    station.reception_hours = "Вівторок 10:00–13:00\nЧетвер 15:00–18:00"
    station.save()
    return station


@pytest.fixture
def public(officer, station_with_hours):
    community = station_with_hours.village.community
    community.public_page = True
    community.save()
    officer.phone = "+380501230000"
    officer.public_consent = True
    officer.save()
    return community


def test_the_notice_names_the_villages_officer_with_phone_and_hours(
    client, staff_user, officer, village, station_with_hours
):
    officer.phone = "+380501230000"
    officer.save()
    officer.villages.add(village)
    client.force_login(staff_user)

    page = client.get(reverse("officers:reception_notice", args=[village.pk])).content.decode()

    assert officer.full_name in page
    assert "+380501230000" in page
    assert "Четвер 15:00–18:00" in page
    assert "вул. Центральна, 1" in page
    assert "102" in page


def test_the_village_page_links_to_its_notice(client, staff_user, village):
    client.force_login(staff_user)

    page = client.get(village.get_absolute_url()).content.decode()

    assert reverse("officers:reception_notice", args=[village.pk]) in page


def test_the_public_page_is_off_until_the_council_switches_it_on(community):
    assert Community._meta.get_field("public_page").default is False
    assert (
        Client().get(reverse("officers:public_community", args=[community.pk])).status_code == 404
    )


def test_the_public_page_opens_without_sign_in_and_shows_what_was_agreed(public, officer, station):
    shy = factories.make_officer(station, surname="Непублічний", phone="+380509999999")

    response = Client().get(reverse("officers:public_community", args=[public.pk]))
    page = response.content.decode()

    assert response.status_code == 200
    assert officer.full_name in page
    assert "Вівторок 10:00–13:00" in page
    assert "+380501230000" not in page  # the phone was not agreed
    assert "Непублічний" not in page
    assert shy.phone not in page
    assert officer.badge_number not in page


def test_the_phone_and_photo_show_only_when_agreed(public, officer):
    officer.photo_thumbnail.save("thumb.jpg", factories.image_upload())
    photo = reverse("officers:public_photo", args=[officer.pk])
    before = Client().get(photo)
    officer.public_phone = officer.public_photo = True
    officer.save()

    page = Client().get(reverse("officers:public_community", args=[public.pk])).content.decode()
    after = Client().get(photo)

    assert before.status_code == 404
    assert "+380501230000" in page
    assert photo in page
    assert after.status_code == 200
    assert after["Content-Type"] == "image/jpeg"


def test_switching_the_page_off_takes_the_photo_down_too(public, officer):
    officer.photo_thumbnail.save("thumb.jpg", factories.image_upload())
    officer.public_photo = True
    officer.save()
    public.public_page = False
    public.save()

    assert Client().get(reverse("officers:public_photo", args=[officer.pk])).status_code == 404
    assert Client().get(reverse("officers:public_community", args=[public.pk])).status_code == 404


def test_a_phone_on_the_page_needs_the_agreement_to_the_page(client, staff_user, officer):
    client.force_login(staff_user)
    url = reverse("officers:officer_update", args=[officer.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields if name != "photo"}
    data.update(villages=[], public_consent="", public_phone="on")

    response = client.post(url, data)

    assert response.status_code == 200
    assert "public_phone" in response.context["form"].errors
    officer.refresh_from_db()
    assert not officer.public_phone
