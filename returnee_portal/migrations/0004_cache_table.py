"""The cache table of the embedded default cache (settings.CACHES, DatabaseCache): created by
`migrate`, so a fresh install needs no `createcachetable` step. Other backends: nothing."""

from django.core.management import call_command
from django.db import migrations


def cache_table_create(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("returnee_portal", "0003_roles_sync")]

    operations = [migrations.RunPython(cache_table_create, migrations.RunPython.noop)]
