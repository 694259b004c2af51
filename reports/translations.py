"""The translations report: completeness and review state per kind of content and language,
across the directory and the guide."""

from collections import Counter

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from guides.models import GuideChapter
from returnee_portal.languages import language_name, localized_fields
from returnee_portal.translation_review import (
    ENTRY_STATES,
    MISSING,
    OUTDATED,
    PARTIAL,
    STATE_LABELS,
    entry_state,
    field_states,
    translated_field_names,
    translation_languages,
)
from services.models import Category, Municipality, OpenCall, Organization, Project, Service

from .base import INTEGER, Column
from .directory import ServiceReport


class TranslationReport(ServiceReport):
    """Per kind of content and language: each entry in exactly one state, then each field.

    The state columns of an "all fields" row add up to its entries, and those of a field's row
    to the entries that have that field in Serbian; the last rows total every kind of content
    per language.
    """

    slug = "translations"
    title = _("Translations")
    description = _(
        "Per kind of content and language: how many entries are missing, outdated (a Serbian "
        "text changed after it was translated), partly translated, waiting for review or "
        "reviewed - each entry counted once - and the same for each text of the entries."
    )

    def columns(self):
        return [
            Column("model", _("Content")),
            Column("language", _("Language")),
            Column("part", _("Text")),
            Column("total", _("Total"), INTEGER),
            *(Column(state, STATE_LABELS[state], INTEGER) for state in ENTRY_STATES),
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
        everything = _("All content")
        whole = str(_("all texts"))
        totals = {code: dict.fromkeys(ENTRY_STATES, 0) for code in languages}
        rows = []
        for queryset in self.querysets():
            model = queryset.model
            translated = translated_field_names(model=model)
            columns = ["pk", "translation_review", *localized_fields(*translated)]
            objects = list(queryset.only(*columns).order_by())
            content = str(capfirst(model._meta.verbose_name_plural))
            for code in languages:
                per_entry = [field_states(obj=obj, language=code) for obj in objects]
                entries = Counter(entry_state(states.values()) for states in per_entry)
                for state in ENTRY_STATES:
                    totals[code][state] += entries[state]
                rows.append([content, language_name(code), whole, len(objects), *_counts(entries)])
                for field in translated:
                    counted = Counter(states[field] for states in per_entry if field in states)
                    if not counted:
                        continue  # no entry has this text in Serbian
                    label = str(model._meta.get_field(field).verbose_name)
                    row = [content, language_name(code), label, counted.total(), *_counts(counted)]
                    row[4 + ENTRY_STATES.index(PARTIAL)] = None  # a text is whole or missing
                    rows.append(row)
        for code in languages:
            counts = totals[code]
            rows.append(
                [
                    str(everything),
                    language_name(code),
                    whole,
                    sum(counts.values()),
                    *_counts(counts),
                ]
            )
        return rows

    def is_gap(self, *, column, value):
        return column.key in (MISSING, OUTDATED) and bool(value)


def _counts(counter) -> list[int]:
    return [counter.get(state, 0) for state in ENTRY_STATES]
