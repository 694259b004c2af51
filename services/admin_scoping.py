"""Local associates see and edit only their municipalities' entries in the admin.

Three layers, so that no single forgotten check opens another municipality's data: the
querysets (lists, bulk actions, object URLs), the form choices (what can be picked or forged),
and the object permissions (what the admin offers for an object it has loaded).
"""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from returnee_portal.roles import user_is_coordinator

from .models import Organization
from .selectors import municipalities_for_user


class MunicipalityScopedAdmin:
    """Mixin for a ModelAdmin whose objects belong to a municipality.

    `municipality_field` is the lookup from the model to its municipality.
    """

    municipality_field = "municipality"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if user_is_coordinator(request.user):
            return queryset
        return queryset.filter(
            **{f"{self.municipality_field}__in": municipalities_for_user(request.user)}
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not user_is_coordinator(request.user):
            kwargs.update(self._associate_choices(db_field, request.user))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _associate_choices(self, db_field, user) -> dict:
        municipalities = municipalities_for_user(user)
        if db_field.name == "municipality":
            # Required even where the model allows empty: empty means national, a coordinator's.
            return {
                "queryset": municipalities,
                "required": True,
                "error_messages": {
                    "invalid_choice": _("Choose one of the municipalities you look after.")
                },
            }
        if db_field.related_model is Organization:
            # National organisations provide services everywhere, so they may be chosen.
            return {
                "queryset": Organization.objects.filter(
                    Q(municipality__in=municipalities) | Q(municipality__isnull=True)
                ),
                "error_messages": {
                    "invalid_choice": _(
                        "Choose an organization of your municipalities or a national one."
                    )
                },
            }
        if db_field.related_model._meta.label == settings.AUTH_USER_MODEL:
            # Associates need not see who else has an account.
            return {"queryset": db_field.related_model.objects.filter(pk=user.pk)}
        return {}

    def get_autocomplete_fields(self, request):
        # The autocomplete lists what the organization admin shows, i.e. without the national
        # organisations; associates get a plain select of their (few) choices instead.
        if user_is_coordinator(request.user):
            return super().get_autocomplete_fields(request)
        return ()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._is_own(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._is_own(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._is_own(request, obj)

    def _is_own(self, request, obj) -> bool:
        if obj is None or user_is_coordinator(request.user):
            return True
        return self.get_queryset(request).filter(pk=obj.pk).exists()
