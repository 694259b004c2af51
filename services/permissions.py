"""Who may edit what: associates keep their own municipalities, coordinators everything."""

from django.db.models import QuerySet

from .models import Municipality

ASSOCIATES_GROUP = "Local associates"
COORDINATORS_GROUP = "Coordinators"


def user_is_coordinator(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=COORDINATORS_GROUP).exists()
    )


def municipalities_for_user(user) -> QuerySet[Municipality]:
    """The municipalities whose entries `user` may see and edit in the admin."""
    if user_is_coordinator(user):
        return Municipality.objects.all()
    if not user.is_active:
        return Municipality.objects.none()
    return Municipality.objects.filter(associates=user)
