"""The translations report: completeness and review state per kind of content and language,
across the directory and the guide."""

from django.conf import settings
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from guides.models import GuideChapter
from returnee_portal.languages import language_name, localized_fields
from returnee_portal.translation_review import (
    MISSING,
    NEEDS_REVIEW,
    OUTDATED,
    REVIEWED,
    translated_field_names,
    translation_languages,
    translation_state,
)
from services.models import Category, Municipality, OpenCall, Organization, Project, Service

from .base import INTEGER, Column
from .directory import ServiceReport


def translation_is_complete(*, obj, language: str) -> bool:
    """Every translated field that has Serbian text also has text in `language`."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return all(
        getattr(obj, build_localized_fieldname(field, language))
        for field in translated_field_names(model=type(obj))
        if getattr(obj, build_localized_fieldname(field, default))
    )


class TranslationReport(ServiceReport):
    """Per kind of content and language: complete translations and their review states."""

    slug = "translations"
    title = _("Translations")
    description = _(
        "Per kind of content and language: how many entries are fully translated (every text "
        "that exists in Serbian also exists in the language), and the review state of their "
        "translations."
    )

    def columns(self):
        return [
            Column("model", _("Content")),
            Column("language", _("Language")),
            Column("entries", _("Entries"), INTEGER),
            Column("complete", _("complete"), INTEGER),
            Column(MISSING, _("missing"), INTEGER),
            Column(NEEDS_REVIEW, _("needs review"), INTEGER),
            Column(REVIEWED, _("reviewed"), INTEGER),
            Column(OUTDATED, _("outdated"), INTEGER),
        ]

    def querysets(self):
        """The entries in scope, one query per kind of content."""
        municipalities = self.municipality_queryset()
        restricted = self.municipalities is not None
        services = Service.objects.filter(municipality__in=municipalities)
        organizations = Organization.objects.all()
        projects = Project.objects.all()
        open_calls = OpenCall.objects.all()
        categories = Category.objects.all()
        chapters = GuideChapter.objects.all()
        if restricted:
            organizations = organizations.filter(municipality__in=municipalities)
            projects = projects.filter(
                pk__in=Project.objects.filter(municipalities__in=municipalities).values("pk")
            )
            open_calls = open_calls.filter(
                pk__in=OpenCall.objects.filter(municipalities__in=municipalities).values("pk")
            )
        if self.category is not None:
            services = services.filter(
                pk__in=Service.objects.filter(categories=self.category).values("pk")
            )
            categories = categories.filter(pk=self.category.pk)
            chapters = chapters.filter(
                pk__in=GuideChapter.objects.filter(categories=self.category).values("pk")
            )
        return [
            services,
            organizations,
            municipalities if restricted else Municipality.objects.all(),
            categories,
            projects,
            open_calls,
            chapters,
        ]

    def rows(self):
        languages = translation_languages()
        rows = []
        for queryset in self.querysets():
            model = queryset.model
            fields = [
                "pk",
                "translation_review",
                *localized_fields(*translated_field_names(model=model)),
            ]
            objects = list(queryset.only(*fields).order_by())
            for code in languages:
                states = [translation_state(obj=obj, language=code) for obj in objects]
                complete = sum(translation_is_complete(obj=obj, language=code) for obj in objects)
                rows.append(
                    [
                        str(capfirst(model._meta.verbose_name_plural)),
                        language_name(code),
                        len(objects),
                        complete,
                        *(
                            states.count(state)
                            for state in (MISSING, NEEDS_REVIEW, REVIEWED, OUTDATED)
                        ),
                    ]
                )
        return rows

    def is_gap(self, *, column, value):
        return column.key == MISSING and bool(value)
