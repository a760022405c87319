"""Who may change a preventive event: the officer who recorded it (django-rules)."""

import rules


@rules.predicate
def is_own_event(user, event) -> bool:
    return user.pk is not None and event.officer.user_id == user.pk


rules.add_perm("prevention.edit_preventiveevent", is_own_event)
