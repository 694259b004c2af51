"""The translation reviewers' group (returnee_portal/roles.py)."""

from django.db import migrations

from returnee_portal.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("returnee_portal", "0004_cache_table"),
        ("services", "0008_list_indexes"),
        ("guides", "0005_cyrillic"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
