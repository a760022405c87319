"""The incident log: numbered reports, their parties, follow-ups and photos.

Domestic violence incidents are restricted: their description and parties are shown
only to the police of the station (see ``officers.incidents.rules``), and every view
of those details is logged.
"""

import datetime
from typing import Any, cast

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from core.uploads import RandomName
from officers.models.people import Officer
from officers.models.shifts import Shift
from stations.models import Community, Village
from stations.models.territory import (
    coordinate_constraints,
    coordinate_field,
    visible_station_ids,
)
from stations.rules import reads_every_station

ORDER_MAX_DAYS = 10


def allowed_by(rule: str):
    """A transition's permission: the object rule, asked of this incident."""
    return lambda incident, user: user.has_perm(rule, incident)


class IncidentQuerySet(models.QuerySet):
    def visible_to(self, user) -> "IncidentQuerySet":
        """Staff read every incident (restricted details aside); police their stations'."""
        if reads_every_station(user):
            return self
        # The station ids themselves, not a subquery: told "station 17", the planner
        # takes that station's rows from its index; told "stations of a subquery", it
        # walks a million incidents by date to find the newest of them.
        stations = list(visible_station_ids(user).values_list("pk", flat=True))
        return self.filter(station__in=stations)

    def counted(self) -> "IncidentQuerySet":
        """The incidents the figures count: all but drafts their officer discarded."""
        return self.exclude(report_status=Incident.Report.DISCARDED)


class Incident(models.Model):
    class Category(models.TextChoices):
        DOMESTIC_VIOLENCE = "domestic_violence", _("Domestic violence")
        THEFT = "theft", _("Theft")
        DOMESTIC_CONFLICT = "domestic_conflict", _("Domestic conflict")
        PUBLIC_ORDER = "public_order", _("Public order")
        TRAFFIC = "traffic", _("Traffic")
        PROPERTY_DAMAGE = "property_damage", _("Property damage")
        FRAUD = "fraud", _("Fraud")
        MISSING_PERSON = "missing_person", _("Missing person")
        OTHER = "other", _("Other")

    class Report(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for correction")
        APPROVED = "approved", _("Approved")
        # a draft never submitted, set aside by its officer; it keeps its number
        DISCARDED = "discarded", _("Discarded")

    class Case(models.TextChoices):
        # States of the case ("справа": Відкрита, Закрита), not the buttons' verbs.
        OPEN = "open", pgettext_lazy("case status", "Open")
        IN_PROGRESS = "in_progress", pgettext_lazy("case status", "In progress")
        REFERRED = "referred", pgettext_lazy("case status", "Referred")
        CLOSED = "closed", pgettext_lazy("case status", "Closed")

    RESTRICTED = {Category.DOMESTIC_VIOLENCE}

    community = models.ForeignKey(
        Community, on_delete=models.PROTECT, related_name="incidents", verbose_name=_("community")
    )
    station = models.ForeignKey(
        "stations.Station",
        on_delete=models.PROTECT,
        related_name="incidents",
        verbose_name=_("station"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.CharField(_("number"), max_length=20)
    occurred_at = models.DateTimeField(_("occurred at"))
    reported_at = models.DateTimeField(_("reported at"))
    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="incidents", verbose_name=_("village")
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    latitude = coordinate_field(_("latitude"), 90)
    longitude = coordinate_field(_("longitude"), 180)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    description = models.TextField(_("description"), blank=True)
    actions_taken = models.TextField(_("actions taken"), blank=True)
    reporting_officer = models.ForeignKey(
        Officer,
        on_delete=models.PROTECT,
        related_name="incidents",
        verbose_name=_("reporting officer"),
    )
    shift = models.ForeignKey(
        Shift,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incidents",
        verbose_name=_("shift"),
    )
    # Two state machines (django-fsm): the report's and the case's; their transitions
    # are the methods below, each taken only by whom its rule (officers.incidents.rules) allows.
    report_status = FSMField(
        _("report"), max_length=20, choices=Report.choices, default=Report.DRAFT
    )
    case_status = FSMField(_("case"), max_length=20, choices=Case.choices, default=Case.OPEN)
    closure_requested = models.BooleanField(_("closure requested"), default=False)
    referred_to = models.CharField(_("referred to"), max_length=300, blank=True)
    referred_on = models.DateField(_("referred on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    objects = IncidentQuerySet.as_manager()

    class Meta:
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        ordering = ["-occurred_at", "-id"]
        permissions = [("approve_incident", _("Can approve reports and decide cases"))]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "number"], name="officers_unique_incident_number"
            ),
            models.CheckConstraint(
                condition=Q(reported_at__gte=F("occurred_at")),
                name="officers_incident_reported_after_it_happened",
                violation_error_message=_("An incident cannot be reported before it happened."),
            ),
            *coordinate_constraints("officers_incident"),
        ]
        indexes = [
            models.Index(fields=["-occurred_at"], name="officers_incident_date_idx"),
            models.Index(fields=["category", "-occurred_at"], name="officers_incident_cat_idx"),
            models.Index(fields=["case_status"], name="officers_incident_case_idx"),
            models.Index(fields=["report_status"], name="officers_incident_report_idx"),
            models.Index(fields=["number"], name="officers_incident_number_idx"),
        ]

    def __str__(self) -> str:
        return f"№ {self.number}"

    def get_absolute_url(self) -> str:
        return reverse("officers:incident_detail", args=[self.pk])

    @property
    def is_restricted(self) -> bool:
        return self.category in self.RESTRICTED

    @property
    def is_locked(self) -> bool:
        """An approved report is never edited: later facts are supplements."""
        return self.report_status == self.Report.APPROVED

    # The report: drafted and corrected by its officer, reviewed by a station supervisor.

    @transition(
        report_status,
        source=[Report.DRAFT, Report.RETURNED],
        target=Report.SUBMITTED,
        permission=allowed_by("officers.edit_incident"),
        custom={"step": "submit"},
    )
    def submit(self) -> None:
        pass

    @transition(
        report_status,
        source=Report.SUBMITTED,
        target=Report.APPROVED,
        permission=allowed_by("officers.review_incident"),
        custom={"step": "approve"},
    )
    def approve(self) -> None:
        pass

    @transition(
        report_status,
        source=Report.SUBMITTED,
        target=Report.RETURNED,
        permission=allowed_by("officers.review_incident"),
        custom={"step": "return"},
    )
    def return_for_correction(self) -> None:
        pass

    @transition(
        report_status,
        source=Report.DRAFT,
        target=Report.DISCARDED,
        permission=allowed_by("officers.discard_incident"),
        custom={"step": "discard"},
    )
    def discard(self) -> None:
        pass

    # The case: worked on by the station's police, closed or reopened by its supervisor.

    @transition(
        case_status,
        source=Case.OPEN,
        target=Case.IN_PROGRESS,
        permission=allowed_by("officers.work_on_incident"),
        custom={"step": "start"},
    )
    def start(self) -> None:
        pass

    @transition(
        case_status,
        source=[Case.OPEN, Case.IN_PROGRESS, Case.REFERRED],
        target=Case.REFERRED,
        permission=allowed_by("officers.work_on_incident"),
        custom={"step": "refer"},
    )
    def refer(self) -> None:
        pass

    @transition(
        case_status,
        source=[Case.OPEN, Case.IN_PROGRESS, Case.REFERRED],
        target=None,  # the case stays as it is; its supervisor is asked to close it
        # django-fsm types a condition's argument as any Model, not this one
        conditions=[lambda incident: not incident.closure_requested],  # type: ignore[attr-defined]
        # Who may close it themselves closes it instead.
        permission=lambda incident, user: (
            user.has_perm("officers.work_on_incident", incident)
            and not user.has_perm("officers.decide_incident", incident)
        ),
        custom={"step": "request_closure"},
    )
    def request_closure(self) -> None:
        self.closure_requested = True

    @transition(
        case_status,
        source=[Case.OPEN, Case.IN_PROGRESS, Case.REFERRED],
        target=Case.CLOSED,
        permission=allowed_by("officers.decide_incident"),
        custom={"step": "close"},
    )
    def close(self) -> None:
        self.closure_requested = False

    @transition(
        case_status,
        source=Case.CLOSED,
        target=Case.IN_PROGRESS,
        permission=allowed_by("officers.decide_incident"),
        custom={"step": "reopen"},
    )
    def reopen(self) -> None:
        pass

    def steps_for(self, user) -> dict:
        """The workflow's transitions this person may take now, by their step's name."""
        # django-fsm adds these methods for each FSMField when the class is made
        available = [
            *self.get_available_user_report_status_transitions(user),  # type: ignore[attr-defined]
            *self.get_available_user_case_status_transitions(user),  # type: ignore[attr-defined]
        ]
        return {step.custom["step"]: step for step in available}

    def rule_allows(self, step: str, user: Any) -> bool:
        """Whether the step's rule lets this person take it, wherever the incident
        stands now: a step sent twice (a double tap) is told why, not refused."""
        return any(
            transition.custom["step"] == step and transition.has_perm(self, user)
            for field in ("report_status", "case_status")
            for transition in cast(FSMField, self._meta.get_field(field)).get_all_transitions(
                type(self)
            )
        )

    @classmethod
    def step_names(cls, *fields: str) -> set[str]:
        """The steps of the machines of ``fields`` (by default, of both)."""
        return {
            step.custom["step"]
            for field in fields or ("report_status", "case_status")
            for step in cast(FSMField, cls._meta.get_field(field)).get_all_transitions(cls)
        }


class Party(models.Model):
    class Role(models.TextChoices):
        VICTIM = "victim", _("Victim")
        SUSPECT = "suspect", _("Suspect")
        WITNESS = "witness", _("Witness")
        COMPLAINANT = "complainant", _("Complainant")

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="parties", verbose_name=_("incident")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    full_name = models.CharField(_("full name"), max_length=200)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    anonymised_at = models.DateTimeField(
        _("anonymised at"),
        null=True,
        blank=True,
        help_text=_("Personal details removed after the retention period; the role stays."),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["role", "id"]
        permissions = [
            ("subject_access", _("Can export everything recorded about a person on request"))
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.full_name}"


class Supplement(models.Model):
    """Information added to an approved report: numbered, never edited."""

    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, related_name="supplements", verbose_name=_("incident")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("supplement")
        verbose_name_plural = _("supplements")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "number"], name="officers_unique_supplement_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.incident} / {self.number}"


class IncidentEvent(models.Model):
    """One step of a workflow: who did what, when and why. Append-only."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Drafted")
        SUBMITTED = "submitted", _("Report submitted")
        RETURNED = "returned", _("Report returned")
        APPROVED = "approved", _("Report approved")
        CASE = "case", _("Case status changed")
        CLOSURE_REQUESTED = "closure_requested", _("Closure requested")
        REOPENED = "reopened", _("Case reopened")
        SUPPLEMENT = "supplement", _("Supplement added")
        DISCARDED = "discarded", _("Draft discarded")

    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, related_name="events", verbose_name=_("incident")
    )
    kind = models.CharField(_("what"), max_length=30, choices=Kind.choices)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.incident} · {self.get_kind_display()}"


class RestrainingOrder(models.Model):
    """An urgent restraining order (терміновий заборонний припис), at most 10 days."""

    incident = models.OneToOneField(
        Incident,
        on_delete=models.PROTECT,
        related_name="restraining_order",
        verbose_name=_("incident"),
    )
    number = models.CharField(_("number"), max_length=40)
    issued_at = models.DateTimeField(_("issued at"))
    valid_until = models.DateTimeField(_("valid until"))
    must_leave_home = models.BooleanField(_("leave the home"), default=False)
    must_not_enter = models.BooleanField(_("not enter or stay in the home"), default=False)
    no_contact = models.BooleanField(_("no contact with the victim"), default=False)
    child_involved = models.BooleanField(_("a child is involved"), default=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("urgent restraining order")
        verbose_name_plural = _("urgent restraining orders")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gt=F("issued_at"))
                & Q(valid_until__lte=F("issued_at") + datetime.timedelta(days=ORDER_MAX_DAYS)),
                name="officers_order_at_most_ten_days",
                violation_error_message=_("An urgent order is valid for at most 10 days."),
            )
        ]
        indexes = [models.Index(fields=["valid_until"], name="officers_order_until_idx")]

    def __str__(self) -> str:
        return self.number


class Attachment(models.Model):
    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, related_name="attachments", verbose_name=_("incident")
    )
    image = models.ImageField(_("photo"), upload_to=RandomName("incidents", "jpg"))
    thumbnail = models.ImageField(_("thumbnail"), upload_to=RandomName("incidents/thumbs", "jpg"))
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.caption or self.image.name


class RestrictedView(models.Model):
    """Someone saw the restricted details of an incident: who, when, which, how."""

    class How(models.TextChoices):
        DETAIL = "detail", _("incident page")
        EXPORT = "export", _("download")
        MAP = "map", _("map point")
        SUBJECT_ACCESS = "subject access", _("subject access report")

    incident = models.ForeignKey(
        Incident, on_delete=models.PROTECT, related_name="restricted_views"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("when"), auto_now_add=True)
    what = models.CharField(_("what"), max_length=40, choices=How.choices)

    class Meta:
        verbose_name = _("view of restricted details")
        verbose_name_plural = _("views of restricted details")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["-at"], name="officers_restricted_view_idx")]

    def __str__(self) -> str:
        return f"{self.user} · {self.incident} · {self.at:%Y-%m-%d %H:%M}"
