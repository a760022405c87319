"""The equipment registry: numbers that identify one item, and who holds what."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook

from stations.models import EquipmentItem
from tests import factories


def item_data(station, /, **overrides):
    data = {
        "kind": "weapon",
        "model_name": "Форт-17",
        "serial_number": "ФТ170001",
        "inventory_number": "ЗБ-0001",
        "station": station.pk,
        "status": "in_service",
        "vehicle": "",
        "notes": "",
    }
    data.update(overrides)
    return data


def test_an_item_is_registered(staff, station):
    response = staff.post(reverse("stations:equipmentitem_create"), item_data(station))

    item = EquipmentItem.objects.get()
    assert response["Location"] == item.get_absolute_url()
    assert item.inventory_number == "ЗБ-0001"


def test_an_inventory_number_is_unique(staff, station):
    factories.make_item(station, inventory_number="ЗБ-0001")

    response = staff.post(
        reverse("stations:equipmentitem_create"),
        item_data(station, inventory_number="зб-0001", kind="radio", serial_number=""),
    )

    assert "inventory_number" in response.context["form"].errors
    assert EquipmentItem.objects.count() == 1


def test_a_weapon_serial_is_unique_per_model(staff, station):
    factories.make_item(station, "weapon", model_name="Форт-17", serial_number="ФТ170001")

    same_model = staff.post(reverse("stations:equipmentitem_create"), item_data(station))
    other_model = staff.post(
        reverse("stations:equipmentitem_create"),
        item_data(station, model_name="Форт-14", inventory_number="ЗБ-0002"),
    )

    assert same_model.status_code == 200
    assert "Зброя цієї моделі з таким серійним номером уже є." in same_model.content.decode()
    assert other_model.status_code == 302
    assert EquipmentItem.objects.count() == 2


def test_a_weapon_needs_a_serial_number(staff, station):
    response = staff.post(
        reverse("stations:equipmentitem_create"), item_data(station, serial_number="")
    )

    assert response.status_code == 200
    assert not EquipmentItem.objects.exists()


def test_keys_need_their_vehicle(staff, station):
    response = staff.post(
        reverse("stations:equipmentitem_create"),
        item_data(station, kind="vehicle_keys", serial_number=""),
    )

    assert "Для ключів вкажіть автомобіль" in response.content.decode()
    assert not EquipmentItem.objects.exists()


def test_the_list_filters_by_holder(staff, officer, radio, pistol):
    factories.issue(officer, radio)

    response = staff.get(reverse("stations:equipmentitem_list"), {"holder": officer.pk})

    assert list(response.context["object_list"]) == [radio]
    assert "Тимофєєв" in response.content.decode()


def test_search_by_serial_or_inventory_number(staff, radio, pistol):
    by_serial = staff.get(reverse("stations:equipmentitem_list"), {"q": pistol.serial_number})
    by_number = staff.get(reverse("stations:equipmentitem_list"), {"q": radio.inventory_number})

    assert list(by_serial.context["object_list"]) == [pistol]
    assert list(by_number.context["object_list"]) == [radio]


def test_csv_export_holds_exactly_the_filtered_rows(staff, station, officer):
    radios = [factories.make_item(station, "radio") for _ in range(30)]
    factories.make_item(station, "weapon")
    factories.issue(officer, radios[0])

    response = staff.get(reverse("stations:equipmentitem_list"), {"kind": "radio", "export": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][0] == "Вид"
    assert sorted(r[3] for r in rows[1:]) == sorted(r.inventory_number for r in radios)
    assert "Тимофєєв Артем" in {r[7] for r in rows[1:]}


def test_xlsx_export_holds_exactly_the_filtered_rows(staff, station, officer):
    factories.make_item(station, "radio")
    weapon = factories.make_item(station, "weapon")

    response = staff.get(
        reverse("stations:equipmentitem_list"), {"kind": "weapon", "export": "xlsx"}
    )

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.values)
    assert len(values) == 2
    assert values[1][3] == weapon.inventory_number
