"""The roles' permissions as returnee_portal/roles.py has them now: associates keep their
municipality's public contact, coordinators the names kept in Latin; the update suggestions'
permissions under their new name."""

from django.db import migrations

from returnee_portal.roles import roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("returnee_portal", "0002_latinname"),
        ("services", "0007_update_suggestion"),
        ("guides", "0005_cyrillic"),
    ]

    operations = [migrations.RunPython(roles_sync, migrations.RunPython.noop)]
