"""Associates keep their municipality's public contact; coordinators the names kept in Latin.

Permissions only: MunicipalityAdmin lets an associate change nothing but the contact fields
of their own municipalities.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

ASSOCIATES_GROUP = "Local associates"
COORDINATORS_GROUP = "Coordinators"
ADDED = {
    ASSOCIATES_GROUP: [("services", "change_municipality")],
    COORDINATORS_GROUP: [
        ("returnee_portal", f"{action}_latinname") for action in ("view", "add", "change", "delete")
    ],
}


def _permissions(apps, group_name):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=group_name)
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in ADDED[group_name]
    ]
    return group, permissions


def permissions_add(apps, schema_editor):
    create_permissions(global_apps.get_app_config("returnee_portal"), apps=apps, verbosity=0)
    create_permissions(global_apps.get_app_config("services"), apps=apps, verbosity=0)
    for group_name in ADDED:
        group, permissions = _permissions(apps, group_name)
        group.permissions.add(*permissions)


def permissions_remove(apps, schema_editor):
    for group_name in ADDED:
        group, permissions = _permissions(apps, group_name)
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("returnee_portal", "0002_latinname"),
        ("returnee_portal", "0001_roles"),
        ("services", "0006_cyrillic_associate_contact"),
    ]

    operations = [migrations.RunPython(permissions_add, permissions_remove)]
