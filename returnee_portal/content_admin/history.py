"""The content admin's history: each version's changes as people read them; coordinators alone
revert.

django-simple-history's own list shows raw values: the review states as a Python dict, an
empty "verified by" as "Deleted user (pk=None)", each translated field twice (modeltranslation
keeps the Serbian text in the field itself and in its `_sr_latn` column). Here each change is
one line: the field as the form names it ("Opening hours (Romani)"), its old and new value as
words, dates in the reader's format, empty as the admin's "-".
"""

import datetime

from django.db import models
from django.utils import formats, timezone
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext as _
from modeltranslation.fields import TranslationField
from simple_history.models import DeletedObject
from simple_history.template_utils import HistoricalRecordContextHelper
from simple_history.utils import get_m2m_reverse_field_name

from ..languages import language_name
from ..translation_review import STATE_LABELS, translated_field_names, translation_languages

EMPTY = "-"
# Longer texts are cut in the list; a version's own page shows them whole.
SHOWN_CHARACTERS = 160
# Bookkeeping, not a change anybody made: the version (bumped by every save) and the time.
UNSHOWN = {"version", "updated_at"}


class ContentHistoryContextHelper(HistoricalRecordContextHelper):
    def context_for_delta_changes(self, delta):
        translated = set(translated_field_names(model=self.model))
        shown = []
        for change in delta.changes:
            if change.field in UNSHOWN or change.field in translated:
                continue  # the base of a translated field repeats its Serbian column
            old, new = (
                self.value_text(change.field, change.old),
                self.value_text(change.field, change.new),
            )
            if old != new:
                shown.append({"field": self.field_label(change.field), "old": old, "new": new})
        return shown

    def field_label(self, name: str) -> str:
        field = self.model._meta.get_field(name)
        if isinstance(field, TranslationField):
            base = capfirst(field.translated_field.verbose_name)
            return f"{base} ({language_name(field.language)})"
        return str(capfirst(field.verbose_name))

    def value_text(self, name: str, value) -> str:
        field = self.model._meta.get_field(name)
        if name == "translation_review":
            return self.review_text(value or {})
        if name == "cyrillic":
            return ", ".join(self.field_label(f) for f in sorted(value or {})) or EMPTY
        if isinstance(value, DeletedObject):
            return EMPTY if value.pk is None else _("deleted (id %(id)s)") % {"id": value.pk}
        if isinstance(field, models.ManyToManyField):
            return ", ".join(self.related_names(name, value)) or EMPTY
        if value in (None, ""):
            return EMPTY
        if isinstance(field, models.BooleanField):
            return _("yes") if value else _("no")
        if field.choices:
            return str(dict(field.flatchoices).get(value, value))
        if isinstance(value, datetime.datetime):
            return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return formats.date_format(value, "DATE_FORMAT")
        return Truncator(str(value)).chars(SHOWN_CHARACTERS)

    def related_names(self, name, value) -> list[str]:
        """The linked entries' names (simple-history gives the through rows, with the linked
        entries themselves, or their ids once the entries are gone)."""
        field = self.model._meta.get_field(name)
        linked = [row[get_m2m_reverse_field_name(field)] for row in value or ()]
        ids = [item for item in linked if not isinstance(item, models.Model)]
        found = {obj.pk: obj for obj in field.related_model._base_manager.filter(pk__in=ids)}
        return sorted(
            str(item if isinstance(item, models.Model) else found.get(item, item))
            for item in linked
        )

    def review_text(self, review: dict) -> str:
        """E.g. "Romani: name reviewed, opening hours outdated; German: needs review" (one word
        for a language whose texts are all in one state, however it is stored)."""
        fields = {field.name: field for field in self.model._meta.fields}
        parts = []
        for code in translation_languages():
            states = review.get(code)
            if isinstance(states, dict):
                states = {f: state for f, state in states.items() if f in fields}
                if len(set(states.values())) == 1:
                    states = next(iter(states.values()))
            if not states:
                continue
            if isinstance(states, str):
                text = str(STATE_LABELS.get(states, states))
            else:
                text = ", ".join(
                    f"{fields[field].verbose_name} {STATE_LABELS.get(state, state)}"
                    for field, state in states.items()
                )
            parts.append(f"{language_name(code)}: {text}")
        return "; ".join(parts) or EMPTY
