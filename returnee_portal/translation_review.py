"""Review state of translated content, per field and language.

Translations written by machines or non-native speakers are published (a family is better
served by an imperfect Romani text than by none) but stay marked "needs review" until a native
speaker approves them in the admin.

`ContentModel.translation_review` keeps a state per language and field:
{"rom": {"name": "reviewed", "opening_hours": "outdated"}}. A plain state for a language
({"rom": "reviewed"}, as older data and the demo loader write it) holds for every field; the
first save through `translation_review_update` writes it out per field.

Each field of a language is in exactly one state: "missing" (Serbian text, no translation;
derived, never stored), "outdated", "needs review" or "reviewed"; a field with no text in
either language has nothing to translate and no state. An entry's state in a language is the
first that applies of: missing (nothing translated), outdated (some field), partly translated
(some field missing), needs review (some field), reviewed (every field).
"""

import functools

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from .languages import localized_fields
from .locking import content_update_all

NEEDS_REVIEW = "needs_review"
REVIEWED = "reviewed"
OUTDATED = "outdated"
# Derived, never stored: a field with Serbian text and no translation.
MISSING = "missing"
# Derived, for entries only: some fields translated, some missing.
PARTIAL = "partial"

STORED_STATES = (NEEDS_REVIEW, REVIEWED, OUTDATED)
# In the order of precedence of an entry's state, the worst first.
ENTRY_STATES = (MISSING, OUTDATED, PARTIAL, NEEDS_REVIEW, REVIEWED)
FIELD_STATES = (MISSING, OUTDATED, NEEDS_REVIEW, REVIEWED)

STATE_LABELS = {
    MISSING: _("missing"),
    PARTIAL: _("partly translated"),
    NEEDS_REVIEW: _("needs review"),
    REVIEWED: _("reviewed"),
    OUTDATED: _("outdated"),
}


def translated_field_names(*, model) -> tuple[str, ...]:
    """The base names of `model`'s translated fields, in the model's order (name first)."""
    return _translated_field_names(model)


@functools.cache
def _translated_field_names(model) -> tuple[str, ...]:
    # Asked for every entry and language of a list or a report; registrations are made once,
    # when the apps load, so the answer is kept.
    try:
        names = set(translator.get_options_for_model(model).get_field_names())
    except NotRegistered:
        return ()
    return tuple(field.name for field in model._meta.fields if field.name in names)


def translation_languages() -> list[str]:
    """The content languages that are translations of the Serbian (Latin) source."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return [code for code in settings.MODELTRANSLATION_LANGUAGES if code != default]


def _text(obj, field: str, language: str) -> str:
    return getattr(obj, build_localized_fieldname(field, language)) or ""


def _stored(review, language: str, field: str) -> str | None:
    """The stored state of one field, the plain shorthand {"rom": "reviewed"} included."""
    value = (review or {}).get(language)
    if isinstance(value, str):
        return value
    return value.get(field) if isinstance(value, dict) else None


def field_state(*, obj, language: str, field: str) -> str | None:
    """The state of one field of `obj` in `language`; None if there is nothing to translate."""
    source = _text(obj, field, settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
    if not _text(obj, field, language):
        return MISSING if source else None
    stored = _stored(obj.translation_review, language, field)
    # Text without a stored state has not been approved by anybody.
    return stored if stored in STORED_STATES else NEEDS_REVIEW


def field_states(*, obj, language: str) -> dict[str, str]:
    """{field: state} of `obj` in `language`, for the fields that have something to translate."""
    states = {}
    for field in translated_field_names(model=type(obj)):
        state = field_state(obj=obj, language=language, field=field)
        if state is not None:
            states[field] = state
    return states


def entry_state(states) -> str:
    """An entry's state from its fields' states (see the module's docstring)."""
    states = set(states)
    if not states - {MISSING}:
        return MISSING
    for state in (OUTDATED, PARTIAL, NEEDS_REVIEW):
        if state in states or (state == PARTIAL and MISSING in states):
            return state
    return REVIEWED


def translation_state(*, obj, language: str) -> str:
    """The state of `obj`'s translation into `language`, one of ENTRY_STATES."""
    return entry_state(field_states(obj=obj, language=language).values())


def translation_states(*, obj) -> dict[str, str]:
    """{language: state} for every translation language of `obj` (Serbian excluded)."""
    return {code: translation_state(obj=obj, language=code) for code in translation_languages()}


def field_labels_by_state(*, obj, language: str) -> dict[str, list[str]]:
    """{state: the fields of `obj` in that state, as the form names them ("opening hours")}."""
    labels = {}
    for field, state in field_states(obj=obj, language=language).items():
        labels.setdefault(state, []).append(str(type(obj)._meta.get_field(field).verbose_name))
    return labels


def translation_review_expanded(*, obj) -> dict[str, dict[str, str]]:
    """`obj.translation_review` written out per field: {language: {field: state}}.

    Only fields with a translation have a stored state; a stored state without text is dropped.
    """
    review = {}
    for code in translation_languages():
        states = {
            field: field_state(obj=obj, language=code, field=field)
            for field in translated_field_names(model=type(obj))
            if _text(obj, field, code)
        }
        if states:
            review[code] = states
    return review


def translation_field_set(*, obj, language: str, field: str, text: str, state: str) -> None:
    """Set one translated text and its state, in memory; the caller saves (see below)."""
    setattr(obj, build_localized_fieldname(field, language), text)
    if text:
        review = translation_review_expanded(obj=obj)
        review[language][field] = state
        obj.translation_review = review


def translation_mark_reviewed(*, obj, language: str) -> bool:
    """Mark every translated field of `obj` in `language` reviewed, in memory; the caller saves.

    Save through `locking.content_update_all` or `content_save_with_version`, so the version
    bumps and history records who approved it. Returns False, changing nothing, when there is
    nothing to approve (no translation, or every field already reviewed).
    """
    if not _has_unreviewed(obj, language):
        return False
    review = translation_review_expanded(obj=obj)
    review[language] = dict.fromkeys(review[language], REVIEWED)
    obj.translation_review = review
    return True


def _has_unreviewed(obj, language: str) -> bool:
    """Whether `obj` has a translation into `language` that is not reviewed."""
    return any(
        state not in (MISSING, REVIEWED)
        for state in field_states(obj=obj, language=language).values()
    )


def translations_mark_reviewed(*, queryset, language: str) -> int:
    """Mark `language` reviewed on every entry of `queryset` that has that translation.

    Entries without the translation, or already reviewed, are left alone (no new version).
    Returns how many entries were marked.
    """
    pks = [
        obj.pk
        for obj in queryset.model._base_manager.filter(pk__in=queryset.values("pk"))
        if _has_unreviewed(obj, language)
    ]
    return content_update_all(
        queryset=queryset.model._base_manager.filter(pk__in=pks),
        values={},
        apply=lambda obj: translation_mark_reviewed(obj=obj, language=language),
    )


def translation_review_update(*, obj) -> None:
    """Before `obj` is saved: keep its review states in step with the edit (the ONE place).

    Compares the stored texts with the ones about to be saved, field by field and language by
    language:
    - a translation whose text changed needs review, unless this same save marks that field
      reviewed (its stored state was not "reviewed" and the new one is);
    - if a field's Serbian source changed, that field's translations not edited in this save
      become "outdated"; the other fields keep their state;
    - a translation that was emptied loses its state ("missing" is derived).
    New entries keep the states they were created with (absent means "needs review").
    Called by `ContentModel.save()`; a save with `update_fields` that leaves out
    `translation_review` does not store the change.
    """
    fields = translated_field_names(model=type(obj))
    if obj.pk is None or not fields:
        return
    names = localized_fields(*fields)
    stored = type(obj)._base_manager.filter(pk=obj.pk).values("translation_review", *names).first()
    if stored is None:
        return

    def changed(field, code):
        name = build_localized_fieldname(field, code)
        return (stored[name] or "") != (getattr(obj, name) or "")

    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    review = translation_review_expanded(obj=obj)
    for code, states in review.items():
        for field in states:
            old = _stored(stored["translation_review"], code, field)
            if states[field] == REVIEWED and old != REVIEWED:
                continue  # marked reviewed by this save
            if changed(field, code):
                states[field] = NEEDS_REVIEW
            elif changed(field, default):
                states[field] = OUTDATED
    obj.translation_review = review
