"""Who may edit what: associates keep their own municipalities, coordinators everything."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.db import transaction
from django.db.models import QuerySet

from .models import Municipality

ASSOCIATES_GROUP = "Local associates"
COORDINATORS_GROUP = "Coordinators"


def user_is_coordinator(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=COORDINATORS_GROUP).exists()
    )


def user_can_see_reports(user) -> bool:
    """Coordinators see every report; local associates the same, for their municipalities."""
    return user.is_active and (
        user_is_coordinator(user) or user.groups.filter(name=ASSOCIATES_GROUP).exists()
    )


def municipalities_for_user(user) -> QuerySet[Municipality]:
    """The municipalities whose entries `user` may see and edit in the admin."""
    if user_is_coordinator(user):
        return Municipality.objects.all()
    if not user.is_active:
        return Municipality.objects.none()
    return Municipality.objects.filter(associates=user)


def associate_save(
    *, username: str, email: str, municipalities: list[Municipality], password: str | None
) -> tuple[User, bool]:
    """Make `username` the local associate of exactly `municipalities`; True if created."""
    with transaction.atomic():
        user, created = _staff_member_save(
            username=username, email=email, group_name=ASSOCIATES_GROUP, password=password
        )
        user.served_municipalities.set(municipalities)
    return user, created


def coordinator_save(*, username: str, email: str, password: str | None) -> tuple[User, bool]:
    """Make `username` a coordinator; True if the account was created."""
    with transaction.atomic():
        return _staff_member_save(
            username=username, email=email, group_name=COORDINATORS_GROUP, password=password
        )


def _staff_member_save(
    *, username: str, email: str, group_name: str, password: str | None
) -> tuple[User, bool]:
    # A new account without a password gets an unusable one, set later through a link; an
    # existing account keeps its password, so re-running only updates the role.
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    created = user is None
    if created:
        user_model._meta.get_field("username").run_validators(username)
        user = user_model(username=username)
        user.set_unusable_password()
    user.is_staff = True
    user.is_active = True
    if email:
        user.email = email
    if password is not None:
        validate_password(password, user)
        user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=group_name))
    return user, created
