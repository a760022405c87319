"""Showing durations in timesheets: hours and minutes, as 7:30."""

import datetime

from django import template

register = template.Library()


@register.filter
def hhmm(value: datetime.timedelta | None) -> str:
    if not value:
        return "0:00"
    minutes = round(value.total_seconds() / 60)
    return f"{minutes // 60}:{minutes % 60:02d}"
