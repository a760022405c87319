"""Once built the search box's trigram indexes; they now come with the search app's
first migration (``search.0001_trigram_indexes``), which leaves them in place on a
database that had them from here."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("policing", "0001_initial")]

    operations = []
