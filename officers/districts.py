"""Police districts: the villages an officer answers for, and how many people live there.

MVS Order No. 650 (the instruction on district and community police officers) limits a
police district to 6,000 residents in the countryside and 7,000 in towns. Here a
district is an officer's villages of responsibility; a district with a city in it is
counted as a town's. A village served by several officers counts a share of its
residents in each one's district (8,900 residents and two officers: 4,450 each), so
that a station's districts add up to its residents. The rule lives once, as
annotations, so that the list filters and sorts by it and a record's page shows the same
figures.
"""

from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

from officers.models.people import Officer, OfficerQuerySet
from stations.models import Village

RURAL_LIMIT = 6000
URBAN_LIMIT = 7000


def with_shares(villages: QuerySet) -> QuerySet:
    """Villages with ``serving`` (officers in service answering for each) and ``share``,
    the residents each of them counts."""
    serving = (
        Officer.objects.active()
        .filter(villages=OuterRef("pk"))
        .order_by()
        .values("villages")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return villages.annotate(serving=Coalesce(Subquery(serving), 0)).annotate(
        share=F("population") / Greatest(F("serving"), 1)
    )


def with_district(officers: QuerySet) -> QuerySet:
    """The officers with their district's figures: ``district_population`` (villages
    whose population is not known count as 0; ``district_unknown`` says how many),
    ``district_villages``, ``district_urban``, ``district_limit`` and ``district_over``."""
    cities = Village.objects.filter(officers=OuterRef("pk"), kind=Village.Kind.CITY)
    shares = (
        with_shares(Village.objects.filter(officers=OuterRef("pk")))
        .order_by()
        .values("officers")
        .annotate(total=Sum("share"))
        .values("total")
    )
    return (
        officers.annotate(
            district_population=Coalesce(Subquery(shares), 0),
            district_villages=Count("villages"),
            district_unknown=Count("villages", filter=Q(villages__population__isnull=True)),
            district_urban=Exists(cities),
        )
        .annotate(
            district_limit=Case(
                When(district_urban=True, then=Value(URBAN_LIMIT)), default=Value(RURAL_LIMIT)
            )
        )
        .annotate(
            district_over=ExpressionWrapper(
                Q(district_population__gt=F("district_limit")), output_field=BooleanField()
            )
        )
    )


def over_limit_count(officers: OfficerQuerySet) -> int:
    """How many of these officers (in service) serve a district over its limit."""
    return with_district(officers.active()).filter(district_over=True).count()
