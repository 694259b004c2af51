from django.contrib import admin, messages
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationTabularInline

from returnee_portal.content_admin import LOADED_VERSION, ContentAdmin
from returnee_portal.languages import localized_fields
from returnee_portal.roles import user_is_coordinator

from .actions import update_suggestion_close
from .admin_import import ServiceImportExportMixin
from .admin_scoping import MunicipalityScopedAdmin
from .admin_verification import VerificationFilter, mark_verified_today, verify_button_response
from .forms import ServiceAdminForm
from .models import (
    Category,
    District,
    Municipality,
    OpenCall,
    Organization,
    Project,
    ProjectIndicator,
    Service,
    SpokenLanguage,
    UpdateSuggestion,
    VerificationReminder,
)
from .selectors import municipalities_for_user


@admin.register(District)
class DistrictAdmin(ContentAdmin):
    common_fields = ("slug", "translation_states_display")
    list_display = ("name", "slug")
    search_fields = localized_fields("name")


@admin.register(Municipality)
class MunicipalityAdmin(ContentAdmin):
    """Coordinators keep the municipalities; each municipality's associates keep its public
    associate contact (and only that), as the people who know it."""

    common_fields = (
        "slug",
        "district",
        ("latitude", "longitude"),
        ("associate_phone", "associate_email"),
        "translation_states_display",
    )
    associate_fields = localized_fields("associate_name", "associate_hours") + [
        "associate_phone",
        "associate_email",
    ]
    list_display = ("name", "district", "slug")
    list_filter = ("district",)
    search_fields = localized_fields("name")

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None or not allowed or user_is_coordinator(request.user):
            return allowed
        return municipalities_for_user(request.user).filter(pk=obj.pk).exists()

    def get_actions(self, request):
        # The list's actions (review states) would reach every selected municipality.
        return super().get_actions(request) if user_is_coordinator(request.user) else {}

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if user_is_coordinator(request.user):
            return readonly
        editable = {*self.associate_fields, LOADED_VERSION}
        fields = [
            name
            for _title, options in self.get_fieldsets(request, obj)
            for entry in options["fields"]
            for name in (entry if isinstance(entry, tuple) else (entry,))
        ]
        return (*readonly, *(name for name in fields if name not in editable))


@admin.register(Category)
class CategoryAdmin(ContentAdmin):
    common_fields = ("slug", "icon", "order", "translation_states_display")
    list_display = ("name", "icon", "order", "slug")
    list_editable = ("order",)
    search_fields = localized_fields("name")


@admin.register(SpokenLanguage)
class SpokenLanguageAdmin(ContentAdmin):
    common_fields = ("code", "translation_states_display")
    list_display = ("name", "code")
    search_fields = ("code", *localized_fields("name"))


@admin.register(Organization)
class OrganizationAdmin(MunicipalityScopedAdmin, ContentAdmin):
    common_fields = (
        "slug",
        "kind",
        "municipality",
        "website",
        "email",
        "phone",
        "translation_states_display",
    )
    list_display = ("name", "kind", "municipality")
    list_filter = ("kind", "municipality__district", "municipality")
    search_fields = localized_fields("name")
    list_select_related = ("municipality",)


@admin.register(Service)
class ServiceAdmin(ServiceImportExportMixin, MunicipalityScopedAdmin, ContentAdmin):
    """Services of the associate's municipalities (scoping), with spreadsheet import and export,
    and verification: an action, a filter and a "Save and mark as verified today" button."""

    form = ServiceAdminForm

    common_fields = (
        "slug",
        "organization",
        "municipality",
        "categories",
        "staff_languages",
        "address",
        ("latitude", "longitude"),
        ("phone", "email"),
        "website",
        ("last_verified", "verified_by"),
        "is_published",
        "translation_states_display",
    )
    list_display = ("name", "organization", "municipality", "last_verified", "is_published")
    list_filter = (
        VerificationFilter,
        "is_published",
        "categories",
        "municipality__district",
        "municipality",
    )
    actions = [mark_verified_today]
    search_fields = ("address", "phone", "email", *localized_fields("name"))
    list_select_related = ("organization", "municipality")
    autocomplete_fields = ("organization",)
    filter_horizontal = ("categories", "staff_languages")
    date_hierarchy = "last_verified"

    def response_change(self, request, obj):
        if "_mark_verified" in request.POST:
            return verify_button_response(self, request, obj)
        return super().response_change(request, obj)


class ProjectIndicatorInline(TranslationTabularInline):
    model = ProjectIndicator
    extra = 1
    fields = ("label", "value", "unit", "as_of", "order")


@admin.register(Project)
class ProjectAdmin(ContentAdmin):
    common_fields = (
        "slug",
        ("starts_on", "ends_on", "period_precision"),
        ("budget", "currency"),
        "municipalities",
        "website",
        "contact",
        "source",
        "translation_states_display",
    )
    list_display = ("title", "starts_on", "ends_on", "budget", "currency")
    list_filter = ("municipalities",)
    search_fields = localized_fields("title")
    filter_horizontal = ("municipalities",)
    inlines = [ProjectIndicatorInline]


@admin.register(OpenCall)
class OpenCallAdmin(ContentAdmin):
    common_fields = (
        "slug",
        "project",
        "municipalities",
        ("opens_on", "closes_on"),
        "url",
        "translation_states_display",
    )
    list_display = ("title", "project", "opens_on", "closes_on")
    list_filter = ("project", "municipalities")
    search_fields = localized_fields("title")
    filter_horizontal = ("municipalities",)
    date_hierarchy = "closes_on"


# --- Update suggestions ("Is something wrong here?") -----------------------------------------


@admin.action(description=_("Close the selected suggestions"), permissions=["change"])
def suggestions_close(modeladmin, request, queryset):
    suggestions = list(queryset.filter(status=UpdateSuggestion.Status.OPEN))
    for suggestion in suggestions:
        update_suggestion_close(suggestion=suggestion, user=request.user)
    modeladmin.message_user(
        request,
        ngettext("%(count)d suggestion closed.", "%(count)d suggestions closed.", len(suggestions))
        % {"count": len(suggestions)},
        messages.SUCCESS,
    )


@admin.register(UpdateSuggestion)
class UpdateSuggestionAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    """The queue of visitors' suggestions; sent on the public site, never added here."""

    municipality_field = "service__municipality"
    list_display = ("service", "municipality", "excerpt", "status", "created_at")
    list_filter = ("status", ("service__municipality", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("service__municipality",)
    # Open suggestions first ("open" sorts after "closed"), newest first within each.
    ordering = ("-status", "-created_at")
    fields = ("service", "message", "contact", "status", "created_at", "closed_at", "closed_by")
    readonly_fields = fields
    actions = [suggestions_close]

    @admin.display(description=_("municipality"), ordering="service__municipality")
    def municipality(self, suggestion):
        return suggestion.service.municipality

    @admin.display(description=_("what is wrong"))
    def excerpt(self, suggestion):
        return Truncator(suggestion.message).chars(80)

    def has_add_permission(self, request):
        return False

    def response_change(self, request, obj):
        if "_close" in request.POST and obj.status == UpdateSuggestion.Status.OPEN:
            update_suggestion_close(suggestion=obj, user=request.user)
            self.message_user(request, _("The suggestion is closed."), messages.SUCCESS)
            return self.response_post_save_change(request, obj)
        return super().response_change(request, obj)


@admin.register(VerificationReminder)
class VerificationReminderAdmin(admin.ModelAdmin):
    """Who was reminded when (manage.py send_verification_reminders); a record, not edited."""

    list_display = ("associate", "sent_at", "stale_count", "suggestion_count")
    list_filter = ("sent_at",)
    date_hierarchy = "sent_at"
    list_select_related = ("associate",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
