"""On PostgreSQL: a trigram index for finding an incident by any part of its number,
and one for the incident list of a station, newest first.

The search box compares ``UPPER(number) LIKE '%…%'`` (Django's ``icontains``); without
this index that reads every incident.
"""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm;")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS officers_incident_number_trgm ON officers_incident "
        "USING gin ((UPPER(number::text)) gin_trgm_ops);"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS officers_incident_number_trgm;")


class Migration(migrations.Migration):
    dependencies = [("officers", "0008_alter_party_options_historicalparty_anonymised_at_and_more")]

    operations = [migrations.RunPython(create, drop)]
