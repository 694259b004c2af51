"""The two roles of the admin, in one place: their groups, their permissions, who has them.

- **Local associates** keep their municipalities' organizations and services (the admin
  narrows them to those, see services/admin_scoping.py), answer visitors' update
  suggestions, and keep their municipality's public associate contact.
- **Coordinators** edit every content model and see every report; users and groups stay with
  the superusers.
- **Translation reviewers** are native speakers the coordinators trust: they download the texts
  to translate or review and upload their work (translations/), which then counts as
  reviewed. The group has no model permissions; a coordinator's own upload needs review.

The data migrations returnee_portal/0001_roles and 0003_roles_* call `roles_sync()`, which
makes the groups hold exactly these permissions.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db.models import Q

ASSOCIATES_GROUP = "Local associates"
COORDINATORS_GROUP = "Coordinators"
REVIEWERS_GROUP = "Translation reviewers"

# {app label: {model: actions}}; the shared lists (places, categories, languages) are only
# the associates' to choose from.
ASSOCIATE_PERMISSIONS = {
    "services": {
        "organization": ("view", "add", "change", "delete"),
        "service": ("view", "add", "change", "delete"),
        "municipality": ("view", "change"),  # the associate contact only (MunicipalityAdmin)
        "district": ("view",),
        "category": ("view",),
        "spokenlanguage": ("view",),
        "updatesuggestion": ("view", "change"),
    },
}
# Coordinators get every permission of these apps' models.
COORDINATOR_APPS = ("services", "guides", "returnee_portal")


def user_is_coordinator(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=COORDINATORS_GROUP).exists()
    )


def user_is_reviewer(user) -> bool:
    return user.is_active and user.groups.filter(name=REVIEWERS_GROUP).exists()


def user_can_translate(user) -> bool:
    """Who hands out and takes back translation files: coordinators and reviewers."""
    return user_is_coordinator(user) or user_is_reviewer(user)


def user_can_see_reports(user) -> bool:
    """Coordinators see every report; local associates the same, for their municipalities."""
    return user.is_active and (
        user_is_coordinator(user) or user.groups.filter(name=ASSOCIATES_GROUP).exists()
    )


def roles_sync(apps, schema_editor=None) -> None:
    """Make the two groups hold exactly their permissions (a data migration's forward step).

    `apps` is the migration's app registry (or the live one); permissions a fresh database does
    not have yet are created first, since post_migrate has not run. A permission of a model
    that does not exist yet at that point of the migrations is left for the later migration
    that syncs again (0001 runs before the update suggestions had their name).
    """
    for label in COORDINATOR_APPS:
        create_permissions(global_apps.get_app_config(label), apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    associates, _ = Group.objects.get_or_create(name=ASSOCIATES_GROUP)
    wanted = Q(pk__in=[])
    for app_label, models in ASSOCIATE_PERMISSIONS.items():
        codenames = [f"{action}_{model}" for model, actions in models.items() for action in actions]
        wanted |= Q(content_type__app_label=app_label, codename__in=codenames)
    associates.permissions.set(Permission.objects.filter(wanted))
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    coordinators.permissions.set(
        Permission.objects.filter(content_type__app_label__in=COORDINATOR_APPS)
    )
    Group.objects.get_or_create(name=REVIEWERS_GROUP)


def roles_delete(apps, schema_editor=None) -> None:
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[ASSOCIATES_GROUP, COORDINATORS_GROUP, REVIEWERS_GROUP]).delete()
