"""Who may read and work the preventive register: police of the entry's station only
(django-rules); administrators and council staff are not, whatever else they may do."""

import rules

from officers.rules import police_station_ids


def keeps_a_register(user) -> bool:
    """Police of some station: the only people to whom the register's pages open."""
    return user.is_authenticated and bool(police_station_ids(user))


@rules.predicate
def is_station_police(user, offender) -> bool:
    return offender.station_id in police_station_ids(user)


@rules.predicate
def is_on_register(user, offender) -> bool:
    return offender.on_register


rules.add_perm("offenders.read_offender", is_station_police)
rules.add_perm("offenders.work_offender", is_station_police & is_on_register)
