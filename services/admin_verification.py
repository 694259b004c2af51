"""Verification in the service admin: an action, a change-form button and a list filter.

ServiceAdmin (services/admin.py) names them in `actions`, `list_filter` and `response_change`.
"""

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .actions import service_mark_verified
from .selectors import verification_cutoff


@admin.action(description=_("Mark as verified today"), permissions=["change"])
def mark_verified_today(modeladmin, request, queryset):
    services = list(queryset)
    for service in services:
        service_mark_verified(service=service, user=request.user)
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d service marked as verified today.",
            "%(count)d services marked as verified today.",
            len(services),
        )
        % {"count": len(services)},
        messages.SUCCESS,
    )


def verify_button_response(modeladmin, request, obj):
    """After the form's "Save and mark as verified today" button (`_mark_verified`)."""
    service_mark_verified(service=obj, user=request.user)
    modeladmin.message_user(
        request,
        _("“%(service)s” was saved and marked as verified today.") % {"service": obj},
        messages.SUCCESS,
    )
    return HttpResponseRedirect(request.get_full_path())


class VerificationFilter(admin.SimpleListFilter):
    title = _("verification")
    parameter_name = "verification"

    def lookups(self, request, model_admin):
        return [
            ("stale", _("verified 6 or more months ago")),
            ("never", _("never verified")),
            ("recent", _("verified within the last 6 months")),
        ]

    def queryset(self, request, queryset):
        cutoff = verification_cutoff(today=timezone.localdate())
        if self.value() == "stale":
            return queryset.filter(last_verified__lte=cutoff)
        if self.value() == "never":
            return queryset.filter(last_verified__isnull=True)
        if self.value() == "recent":
            return queryset.filter(last_verified__gt=cutoff)
        return queryset
