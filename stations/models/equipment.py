"""Equipment the community hands to its officers: weapons, radios, keys and the rest."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from stations.rules import reads_every_station

from .fleet import Vehicle
from .territory import Station, supervised_station_ids


class EquipmentItemQuerySet(models.QuerySet):
    def visible_to(self, user) -> "EquipmentItemQuerySet":
        """Staff read every item; supervisors their stations'; an officer what they
        hold or once held."""
        if reads_every_station(user):
            return self
        from .custody import Custody

        own = Custody.objects.filter(officer__user=user).values("item_id")
        return self.filter(Q(station__in=supervised_station_ids(user)) | Q(pk__in=own))

    def with_open_custody(self) -> "EquipmentItemQuerySet":
        from .custody import Custody

        return self.annotate(
            is_held=Exists(Custody.objects.filter(item=OuterRef("pk"), until__isnull=True))
        )

    def available(self) -> "EquipmentItemQuerySet":
        """In working order and held by nobody: what may be issued."""
        return (
            self.with_open_custody()
            .filter(status=EquipmentItem.Status.IN_SERVICE)
            .filter(is_held=False)
        )


class EquipmentItem(models.Model):
    """One numbered piece of equipment on the station's inventory."""

    class Kind(models.TextChoices):
        WEAPON = "weapon", _("Weapon")
        RADIO = "radio", _("Radio")
        BODY_CAMERA = "body_camera", _("Body camera")
        VEHICLE_KEYS = "vehicle_keys", _("Vehicle keys")
        VEST = "vest", _("Protective vest")
        TABLET = "tablet", _("Tablet")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        IN_SERVICE = "in_service", _("In service")
        IN_REPAIR = "in_repair", _("In repair")
        LOST = "lost", _("Lost")
        WRITTEN_OFF = "written_off", _("Written off")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    model_name = models.CharField(_("model"), max_length=100)
    serial_number = models.CharField(_("serial number"), max_length=60, blank=True)
    inventory_number = models.CharField(_("inventory number"), max_length=40)
    station = models.ForeignKey(
        Station, on_delete=models.PROTECT, related_name="equipment", verbose_name=_("station")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_SERVICE
    )
    vehicle = models.ForeignKey(
        Vehicle,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="keys",
        verbose_name=_("vehicle"),
        help_text=_("For vehicle keys: the car they open."),
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)
    history = HistoricalRecords()

    objects = EquipmentItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("equipment item")
        verbose_name_plural = _("equipment")
        ordering = ["kind", "inventory_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["inventory_number"],
                name="stations_unique_inventory_number",
                violation_error_code="unique",  # shown on the field
                violation_error_message=_("Another item has this inventory number."),
            ),
            models.UniqueConstraint(
                fields=["model_name", "serial_number"],
                condition=Q(kind="weapon"),
                name="stations_unique_weapon_serial",
                violation_error_message=_("A weapon of this model with this serial number exists."),
            ),
            models.CheckConstraint(
                condition=Q(kind="vehicle_keys", vehicle__isnull=False)
                | (~Q(kind="vehicle_keys") & Q(vehicle__isnull=True)),
                name="stations_keys_open_a_vehicle",
                violation_error_message=_(
                    "Vehicle keys need their vehicle; other items have none."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(kind="weapon") | ~Q(serial_number=""),
                name="stations_weapon_has_serial",
                violation_error_message=_("A weapon needs its serial number."),
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "inventory_number"], name="stations_item_kind_idx"),
            models.Index(fields=["status"], name="stations_item_status_idx"),
            models.Index(fields=["serial_number"], name="stations_item_serial_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.model_name} № {self.inventory_number}"

    def get_absolute_url(self) -> str:
        return reverse("stations:equipmentitem_detail", args=[self.pk])
