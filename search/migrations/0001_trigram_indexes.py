"""On PostgreSQL: trigram indexes over the folded names the search box compares.

Kept with the search app since the indexes serve its queries; on a database that had
them from ``policing.0002`` (which once held them) the ``IF NOT EXISTS`` leaves them.

The expressions are exactly those ``search.queries`` queries, so the indexes serve
them. SQLite has no pg_trgm; there the search matches plain substrings.
"""

from django.db import migrations

from search.queries import FOLD_FROM, FOLD_TO

FOLDED = f"translate(lower({{column}}), '{FOLD_FROM.replace(chr(39), chr(39) * 2)}', '{FOLD_TO}')"
INDEXES = [
    ("policing_village_name_trgm", "stations_village", "name"),
    ("policing_village_latin_trgm", "stations_village", "name_latin"),
    ("policing_station_name_trgm", "stations_station", "name"),
    ("policing_officer_surname_trgm", "officers_officer", "surname"),
    ("policing_officer_name_trgm", "officers_officer", "name"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm;")
    for name, table, column in INDEXES:
        expression = FOLDED.format(column=column)
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}) gin_trgm_ops);"
        )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS policing_incident_text ON officers_incident USING gin "
        "((to_tsvector('simple', COALESCE(description, '') || ' ' || COALESCE(place, ''))));"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _column in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name};")
    schema_editor.execute("DROP INDEX IF EXISTS policing_incident_text;")


class Migration(migrations.Migration):
    dependencies = [
        ("stations", "0004_odometer_source_shift"),
        ("officers", "0007_incidents"),
    ]

    operations = [migrations.RunPython(create, drop)]
