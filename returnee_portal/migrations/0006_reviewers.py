"""The translation reviewers' group, and the roles' permissions for the verification reminders
(returnee_portal/roles.py)."""

from django.db import migrations

from returnee_portal.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("returnee_portal", "0005_staff_language"),
        ("services", "0009_verification_reminder"),
        ("guides", "0005_cyrillic"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
