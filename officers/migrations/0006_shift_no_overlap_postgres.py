"""On PostgreSQL the database itself refuses two overlapping shifts of one officer.

An exclusion constraint over the shift's time range (an open shift runs to infinity)
needs the btree_gist extension. SQLite has no such constraint; there the forms and
services check overlaps, and the tests say which database proves what.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS btree_gist;
ALTER TABLE officers_shift ADD CONSTRAINT officers_shift_no_overlap EXCLUDE USING gist (
    officer_id WITH =,
    tstzrange(started_at, COALESCE(ended_at, 'infinity'::timestamptz), '[)') WITH &&
);
"""
DROP = "ALTER TABLE officers_shift DROP CONSTRAINT IF EXISTS officers_shift_no_overlap;"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("officers", "0005_shifts")]

    operations = [migrations.RunPython(create, drop)]
