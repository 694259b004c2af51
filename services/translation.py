"""Translated fields (django-modeltranslation): one column per content language."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

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


@register(District)
class DistrictTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("sr-latn",)


@register(Municipality)
class MunicipalityTranslation(TranslationOptions):
    fields = ("name", "intro", "associate_name", "associate_hours")
    required_languages = {"sr-latn": ("name",)}


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("sr-latn",)


@register(SpokenLanguage)
class SpokenLanguageTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("sr-latn",)


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"sr-latn": ("name",)}


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = (
        "name",
        "description",
        "eligibility",
        "documents",
        "how_to_apply",
        "cost",
        "opening_hours",
    )
    required_languages = {"sr-latn": ("name",)}


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "implementers", "funders")
    required_languages = {"sr-latn": ("title",)}


@register(ProjectIndicator)
class ProjectIndicatorTranslation(TranslationOptions):
    fields = ("label", "unit")
    required_languages = {"sr-latn": ("label",)}


@register(OpenCall)
class OpenCallTranslation(TranslationOptions):
    fields = ("title", "description", "eligibility")
    required_languages = {"sr-latn": ("title",)}


# History is registered here, after modeltranslation has added the per-language columns, so
# that the historical tables copy them (a HistoricalRecords() field on the model would not).
# Links (categories, languages, municipalities) are part of an entry's history too.
HISTORY_LINKS = {
    Service: ["categories", "staff_languages"],
    Project: ["municipalities"],
    OpenCall: ["municipalities"],
}
for model in (
    District,
    Municipality,
    Category,
    SpokenLanguage,
    Organization,
    Service,
    Project,
    ProjectIndicator,
    OpenCall,
):
    simple_history.register(model, m2m_fields=HISTORY_LINKS.get(model, []))
