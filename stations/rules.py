"""Who may do what with the territory and its property: the object rules of the stations
app, declared once (django-rules) and asked everywhere as ``user.has_perm(name, obj)``.

Whoever reads every station (council staff, administrators) is told apart by one
permission, ``stations.view_all_stations``; the scoped querysets (``visible_to``) and the
rules below ask it through ``reads_every_station``.
"""

import rules


@rules.predicate
def reads_every_station(user) -> bool:
    return user.has_perm("stations.view_all_stations")


def supervised_ids(user) -> frozenset[int]:
    """The stations ``user`` supervises, read once per request (kept on the user)."""
    if not hasattr(user, "_supervised_station_ids"):
        user._supervised_station_ids = frozenset(
            user.supervised_stations.values_list("pk", flat=True) if user.pk else ()
        )
    return user._supervised_station_ids


@rules.predicate
def supervises_station(user, station) -> bool:
    """A supervisor of this station (an administrator counts as one)."""
    return user.is_superuser or station.pk in supervised_ids(user)


@rules.predicate
def is_unconfirmed(user, act) -> bool:
    return not act.is_confirmed


@rules.predicate
def is_receiving_officer(user, act) -> bool:
    return act.is_issue and user.pk is not None and act.officer.user_id == user.pk


@rules.predicate
def confirms_returns(user, act) -> bool:
    return act.is_return and user.has_perm("stations.confirm_return")


@rules.predicate
def officer_signs_in(user, act) -> bool:
    return act.is_issue and act.officer.user_id is not None


@rules.predicate
def draws_up_acts(user) -> bool:
    return user.has_perm("stations.add_handover")


# Issue acts are confirmed by the receiving officer from their login; return acts by the
# staff who took the items back.
rules.add_perm(
    "stations.confirm_handover", is_unconfirmed & (is_receiving_officer | confirms_returns)
)
# At the handover, staff may take the officer's signature (password) on their own screen.
rules.add_perm(
    "stations.confirm_handover_in_person", is_unconfirmed & officer_signs_in & draws_up_acts
)
