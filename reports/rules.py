"""Whose report to the council a person may read and mark as presented (django-rules)."""

import rules

from stations.rules import reads_every_station, supervised_ids


@rules.predicate
def is_the_officer(user, officer) -> bool:
    return user.pk is not None and officer.user_id == user.pk


@rules.predicate
def supervises_the_officer(user, officer) -> bool:
    return officer.station_id in supervised_ids(user)


rules.add_perm(
    "reports.read_council_report", is_the_officer | supervises_the_officer | reads_every_station
)
rules.add_perm("reports.mark_presented", is_the_officer | supervises_the_officer)
