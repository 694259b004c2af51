from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from returnee_portal.admin import TranslatedModelAdmin, localized_fields

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
)


@admin.register(District)
class DistrictAdmin(TranslatedModelAdmin):
    common_fields = ("slug", "translation_review")
    list_display = ("name", "slug")
    search_fields = localized_fields("name")


@admin.register(Municipality)
class MunicipalityAdmin(TranslatedModelAdmin):
    common_fields = (
        "slug",
        "district",
        ("latitude", "longitude"),
        "associate_contact",
        "translation_review",
    )
    list_display = ("name", "district", "slug")
    list_filter = ("district",)
    search_fields = localized_fields("name")


@admin.register(Category)
class CategoryAdmin(TranslatedModelAdmin):
    common_fields = ("slug", "icon", "order", "translation_review")
    list_display = ("name", "icon", "order", "slug")
    list_editable = ("order",)
    search_fields = localized_fields("name")


@admin.register(SpokenLanguage)
class SpokenLanguageAdmin(TranslatedModelAdmin):
    common_fields = ("code", "translation_review")
    list_display = ("name", "code")
    search_fields = ("code", *localized_fields("name"))


@admin.register(Organization)
class OrganizationAdmin(TranslatedModelAdmin):
    common_fields = (
        "slug",
        "kind",
        "municipality",
        "website",
        "email",
        "phone",
        "translation_review",
    )
    list_display = ("name", "kind", "municipality")
    list_filter = ("kind", "municipality__district", "municipality")
    search_fields = localized_fields("name")
    list_select_related = ("municipality",)


@admin.register(Service)
class ServiceAdmin(TranslatedModelAdmin):
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
        "translation_review",
    )
    list_display = ("name", "organization", "municipality", "last_verified", "is_published")
    list_filter = ("is_published", "categories", "municipality__district", "municipality")
    search_fields = ("address", "phone", "email", *localized_fields("name"))
    list_select_related = ("organization", "municipality")
    autocomplete_fields = ("organization",)
    filter_horizontal = ("categories", "staff_languages")
    date_hierarchy = "last_verified"


class ProjectIndicatorInline(TranslationTabularInline):
    model = ProjectIndicator
    extra = 1
    fields = ("label", "value", "unit", "as_of", "order")


@admin.register(Project)
class ProjectAdmin(TranslatedModelAdmin):
    common_fields = (
        "slug",
        ("starts_on", "ends_on", "period_precision"),
        ("budget", "currency"),
        "municipalities",
        "website",
        "contact",
        "source",
        "translation_review",
    )
    list_display = ("title", "starts_on", "ends_on", "budget", "currency")
    list_filter = ("municipalities",)
    search_fields = localized_fields("title")
    filter_horizontal = ("municipalities",)
    inlines = [ProjectIndicatorInline]


@admin.register(OpenCall)
class OpenCallAdmin(TranslatedModelAdmin):
    common_fields = (
        "slug",
        "project",
        "municipalities",
        ("opens_on", "closes_on"),
        "url",
        "translation_review",
    )
    list_display = ("title", "project", "opens_on", "closes_on")
    list_filter = ("project", "municipalities")
    search_fields = localized_fields("title")
    filter_horizontal = ("municipalities",)
    date_hierarchy = "closes_on"
