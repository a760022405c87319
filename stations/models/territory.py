"""The territory the programme covers: communities, their villages and the stations."""

from decimal import Decimal
from typing import Any, cast

from django.apps import apps
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise
from simple_history.models import HistoricalRecords

from core.uploads import RandomName
from stations.rules import reads_every_station


# A place on the map, as Village and Incident keep it: each coordinate is checked by its
# field (the form's error) and by the database (whatever writes the row).
def coordinate_in_range(field: str, limit: int) -> Q:
    """The database's check of a coordinate: between -limit and limit, or empty."""
    return Q(**{f"{field}__gte": -limit, f"{field}__lte": limit}) | Q(**{f"{field}__isnull": True})


def coordinate_field(label: StrOrPromise, limit: int) -> models.DecimalField:
    """A latitude (limit 90) or longitude (limit 180) in degrees, to about a metre."""
    return models.DecimalField(
        label,
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-limit)), MaxValueValidator(Decimal(limit))],
    )


def coordinate_constraints(table: str) -> list[models.CheckConstraint]:
    """The database's checks of a model's latitude and longitude, named after its table."""
    return [
        models.CheckConstraint(
            condition=coordinate_in_range("latitude", 90), name=f"{table}_latitude_range"
        ),
        models.CheckConstraint(
            condition=coordinate_in_range("longitude", 180), name=f"{table}_longitude_range"
        ),
    ]


def visible_station_ids(user) -> models.QuerySet:
    """The stations whose records ``user`` may read, as a subquery of ids.

    Council staff and administrators read every station; a supervisor reads the stations
    they supervise; an officer reads the station they serve at. This is the one place
    where that rule lives.
    """
    if reads_every_station(user):
        return Station.objects.values("pk")
    return Station.objects.filter(Q(supervisors=user) | Q(officers__user=user)).values("pk")


def supervised_station_ids(user) -> models.QuerySet:
    """The stations ``user`` supervises, as a subquery of ids."""
    return Station.objects.filter(supervisors=user).values("pk")


def own_or_supervised(user, officer_path: str = "officer") -> Q:
    """Records of the user's own officer record, or of officers at stations they supervise.

    The rule for acts, custody and shifts: council staff see all (checked by the caller),
    a supervisor their stations', an officer only their own. One ``IN`` over officer ids,
    so the index on the record's officer serves it.
    """
    officers = apps.get_model("officers", "Officer").objects.filter(
        Q(station__in=supervised_station_ids(user)) | Q(user=user)
    )
    return Q(**{f"{officer_path}__in": _few_ids(officers)})


def _few_ids(queryset):
    """The ids of ``queryset`` as a subquery. On PostgreSQL through an array, which the
    planner counts right: with a plain ``IN`` it guesses half the officers and reads a
    million shifts where a few thousand are asked for."""
    if connection.vendor != "postgresql":
        return queryset.values("pk")
    sql, params = queryset.values("pk").query.sql_with_params()
    return RawSQL(f"SELECT unnest(ARRAY({sql}))", params)


class CommunityQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CommunityQuerySet":
        if reads_every_station(user):
            return self
        return self.filter(villages__station__in=visible_station_ids(user)).distinct()


class Community(models.Model):
    """A territorial community (hromada) that runs the programme under a memorandum."""

    name = models.CharField(_("name"), max_length=200)
    oblast = models.CharField(_("oblast"), max_length=100)
    memorandum_date = models.DateField(
        _("memorandum date"),
        null=True,
        blank=True,
        help_text=_("Date of the memorandum between the council and the National Police."),
    )
    memorandum_document = models.FileField(
        _("memorandum document"),
        upload_to=RandomName("memoranda", "pdf"),
        blank=True,
        help_text=_("The signed memorandum as a PDF file."),
    )
    public_page = models.BooleanField(
        _("public page"),
        default=False,
        help_text=_(
            "Residents see the stations, reception hours and the officers who agreed, without"
            " signing in."
        ),
    )
    history = HistoricalRecords()

    objects = CommunityQuerySet.as_manager()

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "oblast"], name="stations_unique_community")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("stations:community_detail", args=[self.pk])


class VillageQuerySet(models.QuerySet):
    def visible_to(self, user) -> "VillageQuerySet":
        if reads_every_station(user):
            return self
        return self.filter(station__in=visible_station_ids(user))


class Village(models.Model):
    """A settlement of the community; served by one station."""

    class Kind(models.TextChoices):
        # Order 650 counts a police district's residents in towns and in the countryside
        # apart: a city is urban, a settlement and a village are rural.
        CITY = "city", _("city")
        SETTLEMENT = "settlement", _("settlement")
        VILLAGE = "village", _("village")

    community = models.ForeignKey(
        Community,
        on_delete=models.PROTECT,
        related_name="villages",
        verbose_name=_("community"),
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("Name in Ukrainian."))
    name_latin = models.CharField(
        _("name in Latin letters"),
        max_length=120,
        blank=True,
        help_text=_("Official transliteration, e.g. Staryi Krym."),
    )
    kind = models.CharField(
        _("kind of settlement"), max_length=20, choices=Kind.choices, default=Kind.VILLAGE
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    latitude = coordinate_field(_("latitude"), 90)
    longitude = coordinate_field(_("longitude"), 180)
    station = models.ForeignKey(
        "Station",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="villages",
        verbose_name=_("serving station"),
        help_text=_("The officer station that serves this village."),
    )
    history = HistoricalRecords()

    objects = VillageQuerySet.as_manager()

    class Meta:
        verbose_name = _("village")
        verbose_name_plural = _("villages")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "name"],
                name="stations_unique_village_name_per_community",
                violation_error_message=_("This community already has a village of that name."),
            ),
            *coordinate_constraints("stations_village"),
        ]
        indexes = [
            models.Index(fields=["name"], name="stations_village_name_idx"),
            models.Index(fields=["name_latin"], name="stations_village_latin_idx"),
            models.Index(fields=["population"], name="stations_village_pop_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("stations:village_detail", args=[self.pk])


class StationQuerySet(models.QuerySet):
    def visible_to(self, user) -> "StationQuerySet":
        return self.filter(pk__in=visible_station_ids(user))


class Station(models.Model):
    """An officer station the council funds and equips, standing in one village."""

    name = models.CharField(_("name"), max_length=200)
    village = models.ForeignKey(
        Village,
        on_delete=models.PROTECT,
        related_name="stations_here",
        verbose_name=_("village"),
        help_text=_("The village the station stands in."),
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    reception_hours = models.TextField(
        _("reception hours"),
        blank=True,
        help_text=_("When residents are received, a line per day, e.g. Mon, Wed 9:00–12:00."),
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    has_office = models.BooleanField(_("office"), default=False)
    has_rest_room = models.BooleanField(_("rest room"), default=False)
    has_garage = models.BooleanField(_("garage"), default=False)
    has_holding_room = models.BooleanField(_("holding room"), default=False)
    has_internet = models.BooleanField(_("internet"), default=False)
    photo = models.ImageField(_("photo"), upload_to=RandomName("stations", "jpg"), blank=True)
    photo_thumbnail = models.ImageField(
        _("photo thumbnail"), upload_to=RandomName("stations/thumbs", "jpg"), blank=True
    )
    supervisors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="supervised_stations",
        verbose_name=_("supervisors"),
        help_text=_("Supervisors who approve the work of this station's officers."),
    )
    history = HistoricalRecords()

    objects = StationQuerySet.as_manager()

    FACILITY_FIELDS = [
        "has_office",
        "has_rest_room",
        "has_garage",
        "has_holding_room",
        "has_internet",
    ]

    class Meta:
        verbose_name = _("station")
        verbose_name_plural = _("stations")
        ordering = ["name"]
        permissions = [("view_all_stations", _("Can read the records of every station"))]
        constraints = [
            models.UniqueConstraint(
                fields=["village", "name"],
                name="stations_unique_station_name_per_village",
                violation_error_message=_("A station of that name already stands in this village."),
            )
        ]
        indexes = [models.Index(fields=["name"], name="stations_station_name_idx")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("stations:station_detail", args=[self.pk])

    def facilities(self) -> list[str]:
        """Labels of the facilities the station has, for display."""
        return [
            # the station's own yes-or-no fields, not relations
            str(cast("models.Field[Any, Any]", self._meta.get_field(name)).verbose_name)
            for name in self.FACILITY_FIELDS
            if getattr(self, name)
        ]
