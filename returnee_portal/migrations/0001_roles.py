"""The two roles of the admin as groups with their permissions (see returnee_portal/roles.py)."""

from django.db import migrations

from returnee_portal.roles import roles_delete, roles_sync


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("services", "0002_content_versions_associates_reports"),
        ("guides", "0002_content_versions"),
    ]

    operations = [migrations.RunPython(roles_sync, roles_delete)]
