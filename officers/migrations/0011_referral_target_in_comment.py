"""Whom a case was referred to moves from the step's detail ("Referred: a shelter") to
its comment, which the incident page shows only to those who may read the details."""

from django.db import migrations


def target_to_comment(apps, schema_editor):
    IncidentEvent = apps.get_model("officers", "IncidentEvent")
    steps = IncidentEvent.objects.filter(kind="case", comment="", detail__contains=": ")
    for step in steps.iterator():
        step.detail, step.comment = step.detail.split(": ", 1)
        step.save(update_fields=["detail", "comment"])


class Migration(migrations.Migration):
    dependencies = [("officers", "0010_restricted_view_how")]

    operations = [migrations.RunPython(target_to_comment, migrations.RunPython.noop)]
