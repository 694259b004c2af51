"""The two roles of the admin as groups with their model permissions.

Group names must match services.permissions.ASSOCIATES_GROUP / COORDINATORS_GROUP; they are
written out here because a migration must not change when the live code does.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

ASSOCIATES_GROUP = "Local associates"
COORDINATORS_GROUP = "Coordinators"

# Associates keep their municipality's providers and services, and answer visitors' reports;
# the shared lists (places, categories, languages) are only theirs to choose from.
ASSOCIATE_PERMISSIONS = {
    "services": {
        "organization": ("view", "add", "change", "delete"),
        "service": ("view", "add", "change", "delete"),
        "municipality": ("view",),
        "district": ("view",),
        "category": ("view",),
        "spokenlanguage": ("view",),
        "updatereport": ("view", "change"),
    },
}
# Coordinators edit every content model; users and groups stay with the superusers.
COORDINATOR_APPS = ("services", "guides")


def roles_create(apps, schema_editor):
    # In a fresh database post_migrate has not created any permission yet.
    for label in COORDINATOR_APPS:
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    associates, _ = Group.objects.get_or_create(name=ASSOCIATES_GROUP)
    codenames = [
        (app_label, f"{action}_{model}")
        for app_label, models in ASSOCIATE_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    associates.permissions.set(
        [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in codenames
        ]
    )

    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    coordinators.permissions.set(
        Permission.objects.filter(content_type__app_label__in=COORDINATOR_APPS)
    )


def roles_delete(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[ASSOCIATES_GROUP, COORDINATORS_GROUP]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("services", "0002_content_versions_associates_reports"),
        ("guides", "0002_content_versions"),
    ]

    operations = [migrations.RunPython(roles_create, roles_delete)]
