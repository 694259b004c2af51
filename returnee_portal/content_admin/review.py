"""Review states in the content admin: a read-only field and column, a list filter and the
"Mark ... as reviewed" actions.

The states live in `translation_review` (see returnee_portal.translation_review), which is
not edited by hand: a text edit updates it on save, a reviewer approves with the actions (each
approval a new version, recorded in history).
"""

from django.contrib import admin, messages
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.utils import build_localized_fieldname

from ..languages import language_name
from ..translation_review import (
    ENTRY_STATES,
    MISSING,
    NEEDS_REVIEW,
    OUTDATED,
    PARTIAL,
    STATE_LABELS,
    entry_state,
    field_labels_by_state,
    translated_field_names,
    translation_languages,
    translation_state,
    translations_mark_reviewed,
)


class TranslationStateFilter(admin.SimpleListFilter):
    """Entries by the review state of one translation, e.g. "Romani: outdated".

    Filtered in Python over primary keys: "missing" depends on several text columns and an
    absent key means "needs review", which JSON lookups express differently on SQLite and
    PostgreSQL. The directory is small enough for that.
    """

    title = _("Translation state")
    parameter_name = "translation_state"

    def lookups(self, request, model_admin):
        return [
            (f"{code}:{state}", f"{language_name(code)}: {STATE_LABELS[state]}")
            for code in translation_languages()
            for state in ENTRY_STATES
        ]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        code, _colon, state = self.value().partition(":")
        if code not in translation_languages() or state not in ENTRY_STATES:
            return queryset
        model = queryset.model
        columns = [
            build_localized_fieldname(field, code) for field in translated_field_names(model=model)
        ]
        entries = model._base_manager.filter(pk__in=queryset.values("pk")).only(
            "pk", "translation_review", *columns
        )
        pks = [obj.pk for obj in entries if translation_state(obj=obj, language=code) == state]
        return queryset.filter(pk__in=pks)


def mark_reviewed_action(code: str):
    """An admin action marking the `code` translation of the selected entries reviewed."""

    def action(modeladmin, request, queryset):
        count = translations_mark_reviewed(queryset=queryset, language=code)
        message = ngettext(
            "%(count)d %(language)s translation marked as reviewed.",
            "%(count)d %(language)s translations marked as reviewed.",
            count,
        )
        modeladmin.message_user(
            request, message % {"count": count, "language": language_name(code)}, messages.SUCCESS
        )

    action.__name__ = f"mark_reviewed_{code.replace('-', '_')}"
    description = _("Mark %(language)s translation as reviewed")
    return admin.action(permissions=["change"])(action), description


def review_actions() -> dict:
    """The "Mark <language> translation as reviewed" actions, as ModelAdmin.get_actions() lists
    them: {name: (function, name, description)}."""
    actions = {}
    for code in translation_languages():
        func, description = mark_reviewed_action(code)
        description = description % {"language": language_name(code)}
        actions[func.__name__] = (func, func.__name__, description)
    return actions


# The fields behind an entry's state: the ones that put it there.
_FIELDS_BEHIND = {OUTDATED: OUTDATED, PARTIAL: MISSING, NEEDS_REVIEW: NEEDS_REVIEW}


def _translation_state_parts(*, obj) -> list[tuple[str, str, list[str]]]:
    """Per translation language: (code, entry state, the fields behind that state, as the form
    names them, e.g. "opening hours"; empty when the state holds for every field)."""
    parts = []
    for code in translation_languages():
        labels = field_labels_by_state(obj=obj, language=code)
        state = entry_state(labels)
        behind = labels.get(_FIELDS_BEHIND.get(state), [])
        every = len(behind) == sum(map(len, labels.values()))
        parts.append((code, state, [] if every else behind))
    return parts


def translation_states_html(obj):
    """The languages grouped by state, one short line each, worst first, e.g.
    "outdated: rom (1)" / "needs review: sq, de" / "missing: en"; how many texts are behind in
    brackets, and which ones when pointed at (the change form lists them too)."""
    if obj is None or obj.pk is None:
        return "-"
    by_state = {}
    for code, state, named in _translation_state_parts(obj=obj):
        by_state.setdefault(state, []).append((code, named))
    lines = []
    for state in ENTRY_STATES:
        if state not in by_state:
            continue
        languages = ", ".join(
            f"{code} ({len(named)})" if named else code for code, named in by_state[state]
        )
        details = "; ".join(
            f"{code}: {', '.join(named)}" for code, named in by_state[state] if named
        )
        lines.append((state, details or STATE_LABELS[state], STATE_LABELS[state], languages))
    return format_html_join(
        mark_safe("<br>"),
        '<span class="translation-state translation-state-{}" title="{}">{}: {}</span>',
        lines,
    )
