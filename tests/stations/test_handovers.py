"""Issue and return acts, confirmation, and the rule of one holder per item."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from stations import services
from stations.models import Custody, EquipmentItem, Handover
from tests import factories
from tests.factories import PASSWORD


def issue_data(officer, *items, **overrides):
    data = {
        "officer": officer.pk,
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "place": "смт Старий Крим",
        "official_name": "Вадим Бойченко",
        "official_role": "Маріупольський міський голова",
        "witnesses": "Олена Коваль\nІгор Мельник",
        "form-TOTAL_FORMS": "4",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "20",
    }
    for index, item in enumerate(items):
        data[f"form-{index}-item"] = item.pk
        data[f"form-{index}-condition"] = "good"
    for index in range(len(items), 4):
        data[f"form-{index}-condition"] = "good"
    data.update(overrides)
    return data


def test_staff_issue_two_items_and_custody_opens(staff, officer, radio, pistol):
    response = staff.post(reverse("stations:handover_create"), issue_data(officer, radio, pistol))

    act = Handover.objects.get()
    assert response["Location"] == act.get_absolute_url()
    assert act.number == f"{timezone.localdate().year}-0001"
    assert {c.item for c in Custody.objects.open().filter(officer=officer)} == {radio, pistol}
    assert act.witness_list() == ["Олена Коваль", "Ігор Мельник"]


def test_acts_are_numbered_in_sequence(officer, radio, pistol):
    first = factories.issue(officer, radio)
    second = factories.issue(officer, pistol)

    assert [first.number[-4:], second.number[-4:]] == ["0001", "0002"]


def test_the_form_refuses_an_item_already_held(staff, act, officer, other_officer, radio):
    other = factories.make_officer(officer.station, surname="Інший")

    response = staff.post(reverse("stations:handover_create"), issue_data(other, radio))

    assert response.status_code == 200
    assert "item" in response.context["lines"].forms[0].errors
    assert Handover.objects.count() == 1


def test_the_service_refuses_an_item_already_held(act, officer, radio):
    other = factories.make_officer(officer.station)

    with pytest.raises(services.CustodyError, match="уже видано"):
        factories.issue(other, radio)

    assert Handover.objects.count() == 1


def test_the_database_refuses_two_open_custodies_of_one_item(act, radio):
    other = factories.make_officer(radio.station)
    line = act.lines.get()

    with pytest.raises(IntegrityError), transaction.atomic():
        Custody.objects.create(item=radio, officer=other, issue_line=line, since=timezone.now())


@pytest.mark.parametrize("status", ["in_repair", "lost", "written_off"])
def test_an_item_out_of_service_cannot_be_issued(officer, radio, status):
    radio.status = status
    radio.save()

    with pytest.raises(services.CustodyError):
        factories.issue(officer, radio)
    assert not Custody.objects.exists()


def test_an_officer_who_left_cannot_receive_items(staff, officer, radio):
    officer.status, officer.left_on = "left", datetime.date(2022, 3, 1)
    officer.save()

    response = staff.post(reverse("stations:handover_create"), issue_data(officer, radio))

    assert "officer" in response.context["form"].errors
    assert not Handover.objects.exists()


def test_an_act_needs_at_least_one_item(staff, officer):
    response = staff.post(reverse("stations:handover_create"), issue_data(officer))

    assert response.context["lines"].non_form_errors()
    assert not Handover.objects.exists()


def test_an_act_cannot_be_dated_in_the_future(staff, officer, radio):
    later = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")

    response = staff.post(
        reverse("stations:handover_create"), issue_data(officer, radio, occurred_at=later)
    )

    assert "occurred_at" in response.context["form"].errors


def test_the_officer_confirms_from_their_own_login(client, act, officer_user):
    client.force_login(officer_user)

    client.post(reverse("stations:handover_confirm", args=[act.pk]), REMOTE_ADDR="10.1.2.3")

    act.refresh_from_db()
    assert act.confirmed_by == officer_user
    assert act.confirmed_how == Handover.ConfirmedHow.OWN_LOGIN
    assert act.confirmed_from == "10.1.2.3"


def test_another_officer_cannot_confirm(client, act, officer):
    colleague = factories.make_officer(officer.station)
    colleague.user = factories.make_user("officer")
    colleague.save()
    client.force_login(colleague.user)

    response = client.post(reverse("stations:handover_confirm", args=[act.pk]))

    act.refresh_from_db()
    assert response.status_code == 404  # another officer's act is not even visible
    assert act.confirmed_at is None


def test_staff_cannot_confirm_an_issue_act_for_the_officer(staff, act):
    response = staff.post(reverse("stations:handover_confirm", args=[act.pk]))

    act.refresh_from_db()
    assert response.status_code == 403
    assert act.confirmed_at is None


def test_the_officer_signs_in_person_with_their_password(staff, act, officer_user):
    staff.post(act.get_absolute_url(), {"password": PASSWORD})

    act.refresh_from_db()
    assert act.confirmed_by == officer_user
    assert act.confirmed_how == Handover.ConfirmedHow.IN_PERSON


def test_a_wrong_password_is_refused_on_the_field(staff, act):
    response = staff.post(act.get_absolute_url(), {"password": "not-the-password"})

    act.refresh_from_db()
    assert response.status_code == 200
    assert "Це не пароль офіцера." in response.content.decode()
    assert act.confirmed_at is None


def test_a_confirmed_act_cannot_be_confirmed_again(client, confirmed_act, officer_user):
    first = confirmed_act.confirmed_at
    client.force_login(officer_user)

    client.post(reverse("stations:handover_confirm", args=[confirmed_act.pk]))

    confirmed_act.refresh_from_db()
    assert confirmed_act.confirmed_at == first


def test_a_crafted_post_cannot_change_a_confirmed_act(staff, confirmed_act):
    before = (confirmed_act.place, confirmed_act.confirmed_by_id, confirmed_act.confirmed_at)

    response = staff.post(
        confirmed_act.get_absolute_url(),
        {"password": PASSWORD, "place": "Інше", "confirmed_by": staff.session["_auth_user_id"]},
    )

    confirmed_act.refresh_from_db()
    assert response.status_code == 403
    after = (confirmed_act.place, confirmed_act.confirmed_by_id, confirmed_act.confirmed_at)
    assert after == before


def return_data(*items, damaged=(), **overrides):
    data = {
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "place": "смт Старий Крим",
        "official_name": "Олена Коваль",
        "official_role": "Працівник міської ради",
    }
    for item in items:
        data[f"back_{item.pk}"] = "on"
        data[f"condition_{item.pk}"] = "damaged" if item in damaged else "good"
    data.update(overrides)
    return data


def test_a_return_act_closes_custody_and_damaged_items_go_to_repair(staff, officer, radio, pistol):
    factories.issue(officer, radio, pistol)
    url = reverse("stations:handover_return") + f"?officer={officer.pk}"

    staff.post(url, return_data(radio, pistol, damaged=[radio]))

    radio.refresh_from_db()
    pistol.refresh_from_db()
    assert not Custody.objects.open().exists()
    assert radio.status == EquipmentItem.Status.IN_REPAIR
    assert pistol.status == EquipmentItem.Status.IN_SERVICE
    assert Handover.objects.filter(kind="return").count() == 1


def test_a_return_needs_a_ticked_item(staff, officer, radio):
    factories.issue(officer, radio)
    url = reverse("stations:handover_return") + f"?officer={officer.pk}"

    response = staff.post(url, {**return_data(), f"condition_{radio.pk}": "good"})

    assert response.status_code == 200
    assert Custody.objects.open().count() == 1


def test_a_return_of_an_item_the_officer_does_not_hold_is_refused(officer, radio):
    with pytest.raises(services.CustodyError):
        factories.take_back(officer, radio, by=factories.make_user(None))


def test_staff_confirm_a_return_act(staff, staff_user, officer, radio):
    factories.issue(officer, radio)
    returned = factories.take_back(officer, radio, by=staff_user)

    staff.post(reverse("stations:handover_confirm", args=[returned.pk]))

    returned.refresh_from_db()
    assert returned.confirmed_by == staff_user


def test_a_returned_item_can_be_issued_again(officer, radio):
    factories.issue(officer, radio)
    factories.take_back(officer, radio, by=factories.make_user(None))

    factories.issue(officer, radio, occurred_at=timezone.now())

    assert Custody.objects.filter(item=radio).count() == 2
    assert Custody.objects.open().filter(item=radio).count() == 1


@pytest.mark.parametrize("persona", ["officer_user", "supervisor_user"])
def test_police_roles_cannot_draw_up_acts_by_a_crafted_post(
    client, request, persona, officer, radio
):
    client.force_login(request.getfixturevalue(persona))

    issuing = client.post(reverse("stations:handover_create"), issue_data(officer, radio))
    returning = client.post(
        reverse("stations:handover_return") + f"?officer={officer.pk}", return_data(radio)
    )

    assert (issuing.status_code, returning.status_code) == (403, 403)
    assert not Handover.objects.exists()


def test_the_officer_page_shows_what_they_hold(client, staff_user, officer, radio, pistol):
    factories.issue(officer, radio)
    client.force_login(staff_user)

    response = client.get(officer.get_absolute_url())

    assert [c.item for c in response.context["holdings"]] == [radio]
    assert radio.inventory_number in response.content.decode()


def test_the_officer_home_lists_holdings_and_acts_to_confirm(client, officer_user, act, radio):
    client.force_login(officer_user)

    response = client.get(reverse("home"))

    content = response.content.decode()
    assert [a.pk for a in response.context["pending_acts"]] == [act.pk]
    assert "Акти, що чекають вашого підтвердження" in content
    assert radio.inventory_number in content


def test_staff_home_counts_acts_awaiting_confirmation(client, staff_user, act, confirmed_act):
    client.force_login(staff_user)

    response = client.get(reverse("home"))

    assert response.context["unconfirmed_count"] == 1


def test_the_print_view_is_an_act_with_signature_lines(client, confirmed_act, officer_user):
    client.force_login(officer_user)

    content = client.get(reverse("stations:handover_print", args=[confirmed_act.pk])).content
    text = content.decode()

    assert f"№ {confirmed_act.number}" in text
    assert "Акт приймання-передачі (видача)" in text
    assert text.count('class="signature"') >= 2
    assert "Підтверджено в системі" in text


def test_the_act_page_shows_its_history(client, staff_user, confirmed_act):
    client.force_login(staff_user)

    response = client.get(confirmed_act.get_absolute_url())

    kinds = [entry.kind for entry in response.context["history"]]
    assert kinds == ["Змінено", "Створено"]
    assert any(c.field == "підтвердив" for c in response.context["history"][0].changes)


def test_the_act_export_follows_the_filters(staff, act, confirmed_act):
    import io

    from openpyxl import load_workbook

    response = staff.get(
        reverse("stations:handover_list"), {"confirmed": "false", "export": "xlsx"}
    )

    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert [row[0] for row in rows[1:]] == [act.number]


def test_an_officer_lists_only_their_own_acts(client, officer_user, act, officer):
    colleague = factories.make_officer(officer.station)
    factories.issue(colleague, factories.make_item(officer.station))
    client.force_login(officer_user)

    response = client.get(reverse("stations:handover_list"))

    assert [a.pk for a in response.context["object_list"]] == [act.pk]
