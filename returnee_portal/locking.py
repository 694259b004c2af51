"""No lost updates: optimistic locking on `ContentModel.version`.

Whoever edits an entry carries the version they loaded. A save names that version and is
refused if someone else has saved in between, so nothing is ever silently overwritten. Every
successful save bumps the version, whatever its path: the admin form, the changelist, a revert,
an admin action. The admin (returnee_portal.content_admin) checks the version when
it validates the form, to show the refusal on the form with the user's input; the functions
here are the guarantee at write time.
"""

from collections.abc import Callable

from django.db import router, transaction
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

STALE_MESSAGE = _(
    "Someone else saved this entry while you were editing it. Your changes were not saved. "
    "The form below still holds them: compare them with the saved entry (see its History), "
    "then save again to replace it with yours."
)


class VersionConflict(Exception):
    """The stored entry is no longer at the version the save was prepared from."""


def content_current_version(*, obj: Model) -> int | None:
    """The version stored for `obj` now (None if it has been deleted)."""
    return type(obj)._base_manager.filter(pk=obj.pk).values_list("version", flat=True).first()


def content_save_with_version(*, obj: Model, expected_version: int) -> None:
    """Save `obj` as `expected_version + 1` if the stored row is still at `expected_version`.

    The compare and the bump are one `UPDATE ... WHERE version = expected`: the database
    applies concurrent UPDATEs of one row one after the other, so of two saves prepared from
    the same version exactly one matches. The other raises VersionConflict and its
    transaction writes nothing.
    """
    model = type(obj)
    with transaction.atomic(using=router.db_for_write(model)):
        claimed = model._base_manager.filter(pk=obj.pk, version=expected_version).update(
            version=expected_version + 1
        )
        if not claimed:
            raise VersionConflict(obj)
        obj.version = expected_version + 1
        # A full save after the claim, so that history records the new values (and who).
        obj.save()


def content_update_all(*, queryset: QuerySet, values: dict, apply: Callable | None = None) -> int:
    """Set `values` on every entry of `queryset` (an admin action), each as a new version.

    `apply(obj)`, if given, makes a change that depends on the entry (e.g. one key of a JSON
    field); it runs on the locked, freshly read row, so it cannot undo a concurrent save.

    The rows are locked first, so the action itself cannot conflict; a form opened before it
    is refused afterwards because its version is gone. Returns how many entries changed.
    """
    model = queryset.model
    with transaction.atomic(using=router.db_for_write(model)):
        # Locked by primary key: the admin's queryset may have joins or DISTINCT, which
        # PostgreSQL does not lock.
        pks = list(queryset.values_list("pk", flat=True))
        entries = list(model._base_manager.select_for_update().filter(pk__in=pks))
        for obj in entries:
            for name, value in values.items():
                setattr(obj, name, value)
            if apply is not None:
                apply(obj)
            content_save_with_version(obj=obj, expected_version=obj.version)
    return len(entries)
