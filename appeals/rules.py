"""Who may read and work an appeal: police of its station (django-rules)."""

import rules

from officers.rules import police_station_ids


@rules.predicate
def is_station_police(user, appeal) -> bool:
    """An officer serving at, or a supervisor of, the appeal's station."""
    return appeal.station_id in police_station_ids(user)


@rules.predicate
def is_open(user, appeal) -> bool:
    return appeal.is_open


rules.add_perm("appeals.read_appeal_details", is_station_police)
rules.add_perm("appeals.work_appeal", is_station_police & is_open)
